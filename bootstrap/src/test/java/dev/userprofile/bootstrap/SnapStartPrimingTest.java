package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.AwsClientModule;
import dev.userprofile.bootstrap.wiring.ServiceComponent;
import dev.userprofile.local.support.LocalLambdaContext;
import dev.userprofile.local.support.LoopbackPorts;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SnapStart hook, built by the real Dagger graph, against dynalite. */
class SnapStartPrimingTest {

    @BeforeEach
    void emptyTable() {
        E2eDynamoDb.recreateTable();
    }

    @Test
    void beforeCheckpointRunsTheSdkCallPathsAndWritesNothing() {
        SnapStartPriming priming = ServiceComponent.create(Configuration.fromEnvironment(System.getenv()))
                .snapStartPriming();
        RecordingInterceptor.clear();
        LocalLambdaContext log = new LocalLambdaContext();

        DynamoDbUserRepository local = repository(System.getenv("AWS_ENDPOINT_URL_DYNAMODB"));
        new SnapStartPriming(List.of(SnapStartPriming.repeated("dynamodb-requests-1",
                SnapStartPriming.REQUEST_ROUNDS, local::warmUp)), Clock.systemUTC(), log::getLogger)
                .beforeCheckpoint(null);
        priming.prime();

        assertThat(RecordingInterceptor.operations()).as("3 requests a round: one repository, then the function's two")
                .hasSize(3 * 3 * SnapStartPriming.REQUEST_ROUNDS)
                .containsOnly("DynamoDb:GetItem", "DynamoDb:PutItem");
        assertThat(E2eDynamoDb.itemCount()).isZero();
        assertThat(log.logLines()).singleElement().asString().contains("\"level\":\"INFO\"",
                "\"event\":\"snapstart_priming\"", "\"outcome\":\"PRIMED\"", "\"failedSteps\":0")
                .doesNotContain("probe@");
    }

    @Test
    void anUnreachableDynamoDbNeverFailsTheCheckpointAndIsReportedOnceAsAWarning() {
        RecordingInterceptor.clear();
        LocalLambdaContext log = new LocalLambdaContext();
        DynamoDbUserRepository unreachable = repository("http://127.0.0.1:" + LoopbackPorts.free());
        SnapStartPriming priming = new SnapStartPriming(List.of(
                SnapStartPriming.repeated("mapping", 3, () -> { }),
                SnapStartPriming.repeated("dynamodb-requests-1", SnapStartPriming.REQUEST_ROUNDS,
                        unreachable::warmUp)), Clock.systemUTC(), log::getLogger);

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();

        assertThat(log.logLines()).hasSize(2);
        assertThat(log.logLines().getFirst()).contains("\"level\":\"WARN\"", "\"step\":\"dynamodb-requests-1\"",
                "\"outcome\":\"STEP_SKIPPED\"", "UserRepositoryUnavailableException");
        assertThat(log.logLines().getLast()).contains("\"level\":\"INFO\"", "\"outcome\":\"PARTLY_PRIMED\"",
                "\"failedSteps\":1");
        assertThat(RecordingInterceptor.operations()).as("the failing request is not repeated round after round")
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void afterRestoreChangesNothing() {
        SnapStartPriming priming = ServiceComponent.create(Configuration.fromEnvironment(System.getenv()))
                .snapStartPriming();
        RecordingInterceptor.clear();

        priming.afterRestore(null);

        assertThat(RecordingInterceptor.operations()).isEmpty();
    }

    private static DynamoDbUserRepository repository(String endpoint) {
        Configuration configuration = Configuration.fromEnvironment(System.getenv());
        DynamoDbClient client = AwsClientModule.dynamoDbClientBuilder(configuration, AwsClientModule.httpClient(),
                AwsClientModule.credentialsProvider(), DynamoDbCallBudget.REGISTRATION)
                .endpointOverride(URI.create(endpoint)).build();
        return new DynamoDbUserRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions().build(),
                configuration.tableName());
    }
}
