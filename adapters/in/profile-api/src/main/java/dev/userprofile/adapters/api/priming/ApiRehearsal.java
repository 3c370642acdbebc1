package dev.userprofile.adapters.api.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.adapters.shared.priming.RehearsalLogger;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@code GET /me} and a conditional {@code PATCH /me} of a sample caller, run through a whole
 * {@link ApiInvocation} for SnapStart priming: routing, JSON in and out, the use cases, the repository, the log
 * line. The invocation given must be built on a repository that never reaches the table (the DynamoDB adapter's
 * rehearsal), so the paths of a caller who has a profile are in the snapshot without anything being read or
 * written; its log line goes to a {@link RehearsalLogger}, never to the function's log.
 */
public final class ApiRehearsal {

    /** Shaped as a Cognito sub; it only ever meets the rehearsal repository. */
    private static final String SUB = "00000000-0000-4000-8000-000000000000";

    private final ApiInvocation invocation;
    private final RehearsalLogger log = new RehearsalLogger();

    public ApiRehearsal(ApiInvocation invocation) {
        this.invocation = Objects.requireNonNull(invocation, "invocation");
    }

    /**
     * {@link #run()} as a part of the function's priming, on the invocation {@code build} makes when the part runs
     * (the function's own graph on the DynamoDB adapter's rehearsal repository).
     */
    public static Priming priming(Supplier<ApiInvocation> build) {
        return Priming.rehearsal(
                "invocation-rehearsal", Priming.REHEARSAL_ROUNDS, () -> new ApiRehearsal(build.get())::run);
    }

    /**
     * {@link #runLifecycle(Instant)} as a part of the function's priming, each round signed in at the clock's now,
     * on the invocation {@code build} makes when the part runs.
     */
    public static Priming lifecyclePriming(Supplier<ApiInvocation> build, Clock clock) {
        return Priming.rehearsal("lifecycle-rehearsal", Priming.REHEARSAL_ROUNDS, () -> {
            ApiRehearsal rehearsal = new ApiRehearsal(build.get());
            return () -> rehearsal.runLifecycle(clock.instant());
        });
    }

    /** @throws IllegalStateException when a rehearsed request is not answered as a caller with a profile is */
    public void run() {
        APIGatewayV2HTTPResponse read =
                invocation.handle(ApiPriming.request(SUB, "GET", null, Map.of()), "rehearsal", log);
        expect(read, "GET");
        APIGatewayV2HTTPResponse changed = invocation.handle(
                ApiPriming.request(
                        SUB,
                        "PATCH",
                        "{\"givenName\":\"Rehearsal\",\"locale\":null}",
                        Map.of(
                                "content-type",
                                ProfileApi.MERGE_PATCH,
                                "if-match",
                                read.getHeaders().get("ETag"))),
                "rehearsal",
                log);
        expect(changed, "PATCH");
    }

    /**
     * A {@code GET /me} of a caller without a profile, and a {@code DELETE /me} after a fresh sign-in: the lazy
     * registration's and the deletion's paths. The invocation given must be built on use cases whose store answers
     * that the caller has no profile yet takes every write, and whose pool answers with a user and takes every
     * deletion, all in-process.
     *
     * @throws IllegalStateException when a rehearsed request is not answered as those paths answer
     */
    public void runLifecycle(Instant now) {
        expect(invocation.handle(ApiPriming.request(SUB, "GET", null, Map.of()), "rehearsal", log), "GET", 200);
        expect(
                invocation.handle(ApiPriming.request(SUB, "DELETE", null, Map.of(), now), "rehearsal", log),
                "DELETE",
                204);
    }

    private static void expect(APIGatewayV2HTTPResponse response, String method) {
        expect(response, method, 200);
    }

    private static void expect(APIGatewayV2HTTPResponse response, String method, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("a rehearsed " + method + " was answered " + response.getStatusCode()
                    + " (is the invocation built on a rehearsal repository?)");
        }
    }
}
