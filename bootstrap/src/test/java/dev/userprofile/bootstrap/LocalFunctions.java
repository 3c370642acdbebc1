package dev.userprofile.bootstrap;

import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import dev.userprofile.bootstrap.wiring.TriggerComponent;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The functions built as Lambda builds them (the real Dagger components) from the variables template.yaml and
 * Lambda would give them, here pointing at local tables: no test depends on the variables of its own process.
 */
final class LocalFunctions {

    static final String TRIGGER = "PostConfirmationFunction";
    static final String API = "ProfileApiFunction";

    private LocalFunctions() {}

    static Configuration triggerConfiguration(LocalTables tables) {
        return Configuration.fromEnvironment(tables.functionEnvironment(TRIGGER));
    }

    /**
     * The API's variables on these tables and the cognito-local pool {@code poolId} at {@code cognito} (lazy
     * registration reads it, account deletion deletes from it).
     */
    static Map<String, String> apiEnvironment(LocalTables tables, String poolId, URI cognito) {
        Map<String, String> environment = new HashMap<>(tables.functionEnvironment(API, Map.of("UserPool", poolId)));
        environment.put(CognitoClients.ENDPOINT_VARIABLE, cognito.toString());
        return environment;
    }

    static CognitoTriggerHandler trigger(LocalTables tables) {
        return trigger(tables.functionEnvironment(TRIGGER));
    }

    static CognitoTriggerHandler trigger(Map<String, String> environment) {
        return new CognitoTriggerHandler(TriggerComponent.create(Configuration.fromEnvironment(environment)));
    }

    static ProfileApiHandler api(LocalTables tables, String poolId, URI cognito) {
        return new ProfileApiHandler(ProfileApiComponent.create(apiEnvironment(tables, poolId, cognito)));
    }
}
