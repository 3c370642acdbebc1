package dev.userprofile.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.local.support.CloudFormationYaml;
import dev.userprofile.local.support.DynaliteServer;
import dev.userprofile.local.support.LambdaRuntimeJson;
import dev.userprofile.local.support.LocalDynamoDb;
import dev.userprofile.local.support.LocalLambda;
import dev.userprofile.local.support.RuntimeApi;
import dev.userprofile.local.support.TemplateFunction;
import dev.userprofile.local.support.TemplateTable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployable zip under the Lambda runtime client initialised as for a SnapStart version: the runtime itself
 * calls the function's CRaC beforeCheckpoint hook (the priming), which must write nothing.
 */
class SnapStartInitTest {

    @Test
    void theRuntimeRunsThePrimingHookBeforeTheCheckpointAndTheFunctionWorksAfter() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (DynaliteServer dynalite = DynaliteServer.start();
             DynamoDbClient dynamoDb = LocalDynamoDb.client(dynalite.endpoint())) {
            TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), "ProfilesTable").create(dynamoDb, "profiles");
            TemplateFunction function = TemplateFunction.fromTemplate(CloudFormationYaml.findTemplate(),
                    "PostConfirmationFunction");
            Map<String, String> environment = new HashMap<>(function.resolvedEnvironment(
                    Map.of("ProfilesTable", "profiles")));
            environment.putAll(Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));

            try (LocalLambda lambda = LocalLambda.start(new LocalLambda.Launch(function,
                    LocalLambda.defaultArtifact(), environment, List.of("--enable-native-access=ALL-UNNAMED"),
                    true, 0, log::add))) {
                lambda.awaitReady(Duration.ofSeconds(30));

                assertThat(lambda.reachedCheckpoint()).isTrue();
                assertThat(log).anyMatch(line -> line.contains("snapstart_priming") && line.contains("PRIMED"));
                assertThat(dynamoDb.scan(b -> b.tableName("profiles")).count()).as("priming wrote nothing").isZero();

                RuntimeApi.InvocationResult result = lambda.invoke(LambdaRuntimeJson.sampleEventJson("sign-up.json"));

                assertThat(result.functionError()).isEmpty();
                assertThat(dynamoDb.scan(b -> b.tableName("profiles")).count()).isEqualTo(1);
            }
        }
    }
}
