package dev.userprofile.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.support.lambda.ContainerCredentialsServer;
import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.support.lambda.RuntimeApi;
import dev.userprofile.local.support.lambda.TelemetryLog;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.net.LoopbackPorts;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployable zip under the Lambda runtime client initialised as for a SnapStart version: the runtime itself
 * calls the function's CRaC beforeCheckpoint hook (the priming), which must write nothing and must never fail init.
 * The runtime writes its log as on AWS, framed to a telemetry descriptor, so the test reads the exact records Lambda
 * would receive with the template's JSON log format.
 */
class SnapStartInitTest {

    @TempDir
    Path temp;

    @Test
    void theRuntimeRunsThePrimingHookBeforeTheCheckpointAndTheFunctionWorksAfter() {
        List<String> output = new CopyOnWriteArrayList<>();
        Path telemetry = temp.resolve("telemetry.log");
        try (LocalTables tables = LocalTables.start("profiles")) {
            DynamoDbClient dynamoDb = tables.client();

            try (LocalLambda lambda =
                    LocalLambda.start(launch(tables.endpoint(), output).withTelemetryLog(telemetry))) {
                lambda.awaitReady(Duration.ofSeconds(30));

                assertThat(lambda.reachedCheckpoint()).isTrue();
                assertThat(dynamoDb.scan(b -> b.tableName("profiles")).count())
                        .as("priming wrote nothing")
                        .isZero();

                RuntimeApi.InvocationResult result = lambda.invoke(LambdaRuntimeJson.sampleEventJson("sign-up.json"));

                assertThat(result.functionError()).isEmpty();
                assertThat(dynamoDb.scan(b -> b.tableName("profiles")).count()).isEqualTo(1);
            }
        }

        List<TelemetryLog.Frame> frames = TelemetryLog.read(telemetry);
        TelemetryLog.Frame priming = single(frames, "snapstart_priming");
        assertThat(priming.json()).isTrue();
        assertThat(priming.level()).isEqualTo("INFO");
        assertThat(JsonValues.object(priming.payload()))
                .containsEntry("level", "INFO")
                .containsEntry("outcome", "PRIMED")
                .containsKey("timestamp");

        TelemetryLog.Frame invocation = single(frames, "post_confirmation");
        assertThat(invocation.json())
                .as("a JSON frame: Lambda keeps the object as it is")
                .isTrue();
        assertThat(invocation.level()).isEqualTo("INFO");
        Map<String, Object> line = JsonValues.object(invocation.payload());
        assertThat(line)
                .as("our fields at the top level, not a string inside \"message\"")
                .doesNotContainKey("message")
                .containsEntry("level", "INFO")
                .containsEntry("outcome", "REGISTERED")
                .containsEntry("Registered", 1L)
                .containsKeys("timestamp", "requestId", "userSub", "_aws");
    }

    @Test
    void dynamoDbUnreachableDuringInitNeverFailsItAndTheFirstSignUpAfterSucceeds() throws IOException {
        List<String> output = new CopyOnWriteArrayList<>();
        Path telemetry = temp.resolve("telemetry.log");
        int port = LoopbackPorts.free();
        URI endpoint = URI.create("http://127.0.0.1:" + port);

        try (LocalLambda lambda = LocalLambda.start(launch(endpoint, output).withTelemetryLog(telemetry))) {
            lambda.awaitReady(Duration.ofSeconds(30));

            assertThat(lambda.reachedCheckpoint()).as("the snapshot went ahead").isTrue();
            List<TelemetryLog.Frame> frames = TelemetryLog.read(telemetry);
            assertThat(frames)
                    .filteredOn(f -> f.payload().contains("STEP_SKIPPED"))
                    .hasSize(2)
                    .first()
                    .satisfies(f -> assertThat(f.level()).isEqualTo("WARN"))
                    .satisfies(f -> assertThat(JsonValues.object(f.payload()))
                            .containsEntry("step", "dynamodb-requests-1")
                            .containsEntry("level", "WARN"));
            assertThat(single(frames, "snapstart_priming", "PARTLY_PRIMED").level())
                    .isEqualTo("INFO");

            try (LocalTables tables = LocalTables.start(new LocalTables.Options(port, Optional.empty(), "profiles"))) {
                DynamoDbClient dynamoDb = tables.client();

                RuntimeApi.InvocationResult result = lambda.invoke(LambdaRuntimeJson.sampleEventJson("sign-up.json"));

                assertThat(result.functionError()).as(String.join("\n", output)).isEmpty();
                assertThat(dynamoDb.scan(b -> b.tableName("profiles")).count()).isEqualTo(1);
            }
        }
        assertThat(Files.size(telemetry)).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "PostConfirmationFunction, sign-up.json, '\"userName\"'",
        "ProfileApiFunction, api-get-me.json, '\"statusCode\":404'"
    })
    void afterARestoreTheRuntimeRunsTheRefreshWhichFetchesCredentialsBeforeAnyRequestArrives(
            String function, String event, String answer) throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        Path telemetry = temp.resolve("telemetry.log");
        try (LocalTables tables = LocalTables.start("profiles");
                // Sets that are stale as soon as served (the SDK refreshes a minute before expiry), so what init
                // fetched is stale at the restore, as on Lambda, where snapshots are hours or days old.
                ContainerCredentialsServer credentials =
                        new ContainerCredentialsServer(Duration.ofSeconds(30), Clock.systemUTC())) {
            try (LocalLambda lambda =
                    LocalLambda.start(launch(function, tables.endpoint(), output, credentials.environment())
                            .withTelemetryLog(telemetry)
                            .heldAtCheckpoint())) {
                lambda.awaitCheckpoint(Duration.ofSeconds(30));
                int servedBeforeRestore = credentials.served();

                lambda.restore();

                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (credentials.served() == servedBeforeRestore && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(credentials.served())
                        .as("fetched by the afterRestore hook, with no invocation yet")
                        .isGreaterThan(servedBeforeRestore);
                RuntimeApi.InvocationResult result = lambda.invoke(LambdaRuntimeJson.sampleEventJson(event));
                assertThat(result.functionError()).as(String.join("\n", output)).isEmpty();
                assertThat(result.payload()).contains(answer);
            }
        }
        TelemetryLog.Frame refresh = single(TelemetryLog.read(telemetry), "snapstart_restore");
        assertThat(JsonValues.object(refresh.payload()))
                .containsEntry("outcome", "REFRESHED")
                .containsEntry("failedSteps", 0L);
    }

    private static TelemetryLog.Frame single(List<TelemetryLog.Frame> frames, String... parts) {
        return frames.stream()
                .filter(f -> List.of(parts).stream().allMatch(f.payload()::contains))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one record with " + List.of(parts));
                })
                .orElseThrow(() -> new AssertionError("no record with " + List.of(parts) + " in " + frames));
    }

    private static LocalLambda.Launch launch(URI dynamoDbEndpoint, List<String> output) {
        return launch(
                "PostConfirmationFunction",
                dynamoDbEndpoint,
                output,
                Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));
    }

    /** @param credentials the variables that give the function credentials: keys, or a container endpoint */
    private static LocalLambda.Launch launch(
            String logicalId, URI dynamoDbEndpoint, List<String> output, Map<String, String> credentials) {
        TemplateFunction function = TemplateFunction.fromTemplate(CloudFormationYaml.findTemplate(), logicalId);
        Map<String, String> environment = new HashMap<>(LocalTables.functionEnvironment(
                logicalId, "profiles", dynamoDbEndpoint, Map.of("UserPool", "eu-west-1_Local")));
        // The API looks a caller without a profile up in the pool: a pool that has nobody.
        environment.put(
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", emptyPool().toString());
        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");
        environment.putAll(credentials);
        return new LocalLambda.Launch(
                function,
                LocalLambda.defaultArtifact(),
                environment,
                // C1 only: these tests check what the hooks do, not how fast the primed code runs, and C2 compiling
                // the priming rounds costs seconds of CPU a launch.
                List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1"),
                true,
                0,
                output::add);
    }

    private static HttpServer emptyPoolServer;

    /** A Cognito endpoint whose every ListUsers finds nobody. */
    private static synchronized URI emptyPool() {
        if (emptyPoolServer == null) {
            try {
                emptyPoolServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            emptyPoolServer.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = "{\"Users\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, answer.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            emptyPoolServer.start();
        }
        return URI.create("http://127.0.0.1:" + emptyPoolServer.getAddress().getPort());
    }
}
