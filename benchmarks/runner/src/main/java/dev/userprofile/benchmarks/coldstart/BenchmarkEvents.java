package dev.userprofile.benchmarks.coldstart;

import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Each invocation's event, for a user made for it: the benchmark never sends the same user twice. */
final class BenchmarkEvents {

    private final LocalTables tables;
    private final Optional<SyncPool> pool;

    BenchmarkEvents(LocalTables tables, Optional<SyncPool> pool) {
        this.tables = tables;
        this.pool = pool;
    }

    String of(Workload workload) {
        return switch (workload) {
            case SIGN_UP -> signUp();
            case SIGN_IN -> signIn();
            case API_GET -> {
                String sub = UUID.randomUUID().toString();
                tables.storeProfile(sub, "Ada");
                yield api("GET", sub, sub, Instant.now());
            }
            case API_LAZY -> {
                SyncPool.PoolUser user = pool().newUser();
                yield api("GET", user.sub(), user.username(), Instant.now());
            }
            case API_DELETE -> {
                SyncPool.PoolUser user = pool().newUser();
                tables.storeProfile(user.sub(), "Ada");
                yield api("DELETE", user.sub(), user.username(), Instant.now());
            }
            case SYNC_EVENT -> pool().emailChanged(tables);
        };
    }

    /** The sign-up confirmation of a new user. */
    static String signUp() {
        return LambdaRuntimeJson.withSub(
                LambdaRuntimeJson.sampleEventJson("sign-up.json"),
                UUID.randomUUID().toString());
    }

    /**
     * A sign-in (PostAuthentication) of a user whose stored profile is older than Cognito's attributes: the sign-in
     * reads it and refreshes it (two requests); sent again for the same user, it finds the profile current (one).
     */
    String signIn() {
        String registered = UUID.randomUUID().toString();
        tables.storeProfile(registered, "Ada");
        return LambdaRuntimeJson.withSub(LambdaRuntimeJson.sampleEventJson("sign-in.json"), registered);
    }

    /**
     * The sample event of events/api-get-me.json (headers, request context and claims as API Gateway sends them) for
     * {@code method} by {@code sub}, signed in five seconds before {@code now}.
     */
    static String api(String method, String sub, String username, Instant now) {
        return LambdaRuntimeJson.sampleEventJson("api-get-me.json")
                .replace("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21", sub)
                .replace("jane.doe@example.com", username)
                .replace("\"GET /me\"", "\"" + method + " /me\"")
                .replace("\"method\": \"GET\"", "\"method\": \"" + method + "\"")
                .replace("1796039940", Long.toString(now.getEpochSecond() - 5));
    }

    private SyncPool pool() {
        return pool.orElseThrow(() -> new IllegalStateException("this workload needs the cognito-local pool"));
    }
}
