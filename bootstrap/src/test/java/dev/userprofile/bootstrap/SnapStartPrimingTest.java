package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.AwsClientModule;
import dev.userprofile.bootstrap.wiring.TriggerComponent;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/** The SnapStart hook, built by the real Dagger graph, against dynalite. */
@ExtendWith(SharedLocalTables.class)
class SnapStartPrimingTest {

    private static LocalTables tables;

    @BeforeAll
    static void useTables(LocalTables shared) {
        tables = shared;
    }

    @BeforeEach
    void emptyTable() {
        tables.reset();
    }

    @Test
    void beforeCheckpointRunsTheSdkCallPathsAndWritesNothing() {
        SnapStartPriming priming = TriggerComponent.create(LocalFunctions.triggerConfiguration(tables))
                .snapStartPriming();
        tables.front().clearRequests();
        LocalLambdaContext log = new LocalLambdaContext();

        new SnapStartPriming(
                        List.of(DynamoDbPriming.requests(
                                "dynamodb-requests-1", client(tables.endpoint().toString()), tables.tableName())),
                        List.of(),
                        Clock.systemUTC(),
                        log::getLogger)
                .beforeCheckpoint(null);
        int failedSteps = priming.prime();

        assertThat(failedSteps)
                .as("every step of the function's priming, the rehearsals included")
                .isZero();
        assertThat(tables.operations())
                .as("3 requests a round: one repository, then the function's two; the "
                        + "rehearsals are answered in-process and never reach DynamoDB")
                .hasSize(3 * 3 * Priming.REQUEST_ROUNDS)
                .containsOnly("GetItem", "PutItem");
        assertThat(tables.itemCount()).isZero();
        assertThat(log.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"INFO\"",
                        "\"event\":\"snapstart_priming\"",
                        "\"outcome\":\"PRIMED\"",
                        "\"failedSteps\":0")
                .doesNotContain("probe@");
    }

    @Test
    void anUnavailableDynamoDbNeverFailsTheCheckpointAndIsReportedOnceAsAWarning() throws IOException {
        LocalLambdaContext log = new LocalLambdaContext();
        FaultInjectingProxy unavailable = new FaultInjectingProxy(tables.endpoint());
        unavailable.failAlways(FaultInjectingProxy.Fault.SERVICE_UNAVAILABLE_503);
        SnapStartPriming priming = new SnapStartPriming(
                List.of(
                        Priming.repeated("mapping", 3, () -> {}),
                        DynamoDbPriming.requests(
                                "dynamodb-requests-1",
                                client(unavailable.endpoint().toString()),
                                tables.tableName())),
                List.of(),
                Clock.systemUTC(),
                log::getLogger);

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();

        assertThat(log.logLines()).hasSize(2);
        assertThat(log.logLines().getFirst())
                .contains(
                        "\"level\":\"WARN\"",
                        "\"step\":\"dynamodb-requests-1\"",
                        "\"outcome\":\"STEP_SKIPPED\"",
                        "UserStoreUnavailableException");
        assertThat(log.logLines().getLast())
                .contains("\"level\":\"INFO\"", "\"outcome\":\"PARTLY_PRIMED\"", "\"failedSteps\":1");
        assertThat(unavailable.requests())
                .as("one call and its retries: the failing request is not repeated round after round")
                .hasSizeBetween(1, DynamoDbCallBudget.REGISTRATION.maxAttempts());
        unavailable.close();
    }

    @Test
    void afterRestoreReturnsAtOnceAndRefreshesOnAThreadOfItsOwn() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> refreshedOn = new AtomicReference<>();
        LocalLambdaContext log = new LocalLambdaContext();
        SnapStartPriming priming = new SnapStartPriming(
                List.of(),
                List.of(
                        new SnapStartPriming.Step("slow", () -> await(release)),
                        new SnapStartPriming.Step(
                                "credentials",
                                () -> refreshedOn.set(Thread.currentThread().getName())),
                        new SnapStartPriming.Step("broken", () -> {
                            throw new IllegalStateException("endpoint refused");
                        })),
                Clock.systemUTC(),
                log::getLogger);

        priming.afterRestore(null);

        assertThat(refreshedOn.get())
                .as("the restoring thread did not wait for the refresh")
                .isNull();
        release.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.logLines().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(refreshedOn.get()).isEqualTo("snapstart-refresh");
        assertThat(log.logLines().getFirst())
                .contains(
                        "\"level\":\"WARN\"",
                        "\"event\":\"snapstart_restore\"",
                        "\"step\":\"broken\"",
                        "\"outcome\":\"STEP_SKIPPED\"");
        assertThat(log.logLines().getLast())
                .contains(
                        "\"event\":\"snapstart_restore\"",
                        "\"outcome\":\"PARTLY_REFRESHED\"",
                        "\"failedSteps\":1",
                        "\"durationMs\":");
    }

    @Test
    void theFunctionsRefreshAfterARestoreFetchesCredentialsAndCallsNoService() {
        TriggerComponent component = TriggerComponent.create(LocalFunctions.triggerConfiguration(tables));
        SnapStartPriming priming = component.snapStartPriming();
        tables.front().clearRequests();

        assertThat(priming.refresh()).isZero();

        assertThat(tables.operations()).isEmpty();
    }

    @Test
    void aRehearsalIsBuiltWhenItsStepRunsAndRunsWithTheTraceHeaderTheRuntimeSetsForAnInvocation() {
        List<String> seen = new ArrayList<>();
        AtomicReference<Integer> built = new AtomicReference<>(0);
        Priming part = Priming.rehearsal("rehearsal", 2, () -> {
            built.set(built.get() + 1);
            return () -> seen.add(SdkInternalThreadLocal.get("AWS_LAMBDA_X_TRACE_ID"));
        });
        SnapStartPriming priming =
                new SnapStartPriming(List.of(part), List.of(), Clock.systemUTC(), new LocalLambdaContext()::getLogger);
        assertThat(built.get()).as("nothing is built before the checkpoint").isZero();
        SdkInternalThreadLocal.put("AWS_LAMBDA_X_TRACE_ID", "Root=1-invocation-already-here");

        assertThat(priming.prime()).isZero();

        assertThat(built.get()).isEqualTo(1);
        assertThat(seen)
                .hasSize(2)
                .allSatisfy(header ->
                        assertThat(header).startsWith("Root=1-00000000").endsWith(";Sampled=0"));
        assertThat(SdkInternalThreadLocal.get("AWS_LAMBDA_X_TRACE_ID"))
                .as("the header the thread had is put back")
                .isEqualTo("Root=1-invocation-already-here");
        SdkInternalThreadLocal.put("AWS_LAMBDA_X_TRACE_ID", null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DynamoDbEnhancedClient client(String endpoint) {
        Configuration configuration = LocalFunctions.triggerConfiguration(tables);
        DynamoDbClient client = AwsClientModule.dynamoDbClientBuilder(
                        configuration,
                        AwsClientModule.httpClient(),
                        AwsClientModule.credentialsProvider(configuration),
                        DynamoDbCallBudget.REGISTRATION)
                .endpointOverride(URI.create(endpoint))
                .build();
        return DynamoDbEnhancedClient.builder()
                .dynamoDbClient(client)
                .extensions()
                .build();
    }
}
