package dev.userprofile.benchmarks.coldstart;

import dev.userprofile.local.support.cognito.CloudTrailEvents;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The pool the sync and API functions read (cognito-local), started only when a variant needs one. */
record SyncPool(CognitoLocalServer server, CognitoIdentityProviderClient admin, String poolId)
        implements AutoCloseable {

    /** The SDK's standard variable for Cognito's endpoint, as every function reads it. */
    static final String COGNITO_ENDPOINT = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    static SyncPool start() throws IOException {
        CognitoLocalServer server = CognitoLocalServer.start(
                0,
                Files.createTempDirectory("cold-start-cognito"),
                URI.create("http://127.0.0.1:9"),
                "none",
                List.of(),
                "123456",
                line -> {});
        CognitoIdentityProviderClient admin = server.client();
        String poolId =
                admin.createUserPool(b -> b.poolName("cold-start")).userPool().id();
        return new SyncPool(server, admin, poolId);
    }

    /** A confirmed user of the pool, without a profile. */
    PoolUser newUser() {
        String email = "api-" + UUID.randomUUID() + "@example.com";
        return new PoolUser(PoolUsers.confirmed(admin, poolId, email), email);
    }

    /** A confirmed user whose stored profile has an older email, and the event of their email change. */
    String emailChanged(LocalTables tables) {
        String email = "sync-" + UUID.randomUUID() + "@example.com";
        String sub = PoolUsers.confirmed(admin, poolId, email);
        tables.storeProfile(sub, "Ada");
        return CloudTrailEvents.userCall("AdminUpdateUserAttributes", Optional.of(poolId), sub);
    }

    /** {@code logicalId}'s variables on {@code table} at {@code dynalite} and on this pool. */
    Map<String, String> environment(String logicalId, String table, URI dynalite) {
        Map<String, String> environment =
                new HashMap<>(LocalTables.functionEnvironment(logicalId, table, dynalite, Map.of("UserPool", poolId)));
        environment.put(COGNITO_ENDPOINT, server.endpoint().toString());
        return environment;
    }

    @Override
    public void close() {
        admin.close();
        server.close();
    }

    /** A pool user: their sub and user name. */
    record PoolUser(String sub, String username) {}
}
