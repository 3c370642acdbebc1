package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.cognito.trigger.TriggerFailedException;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.net.FaultInjectingProxy.Fault;
import dev.userprofile.local.testing.net.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real handler and SDK client (timeouts, retries, backoff as deployed) against dynalite behind a proxy that
 * injects DynamoDB's failure modes (the local tables' front), reached through the endpoint variable the function
 * is given.
 */
@ExtendWith(SharedLocalTables.class)
class DynamoDbFaultToleranceTest {

    private static LocalTables tables;

    @BeforeAll
    static void useTables(LocalTables shared) {
        tables = shared;
    }

    private static final String JANE = "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21";
    /** Lambda ends the invocation here; every failure must be reported before it. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(5);

    private FaultInjectingProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        tables.reset();
        // One proxy a test: closing it ends whatever a fault still holds (a slow write must not land in the next).
        proxy = new FaultInjectingProxy(tables.endpoint());
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    private CognitoTriggerHandler newEnvironment() {
        return LocalFunctions.trigger(environmentReaching(proxy.endpoint().toString()));
    }

    private static Map<String, String> environmentReaching(String dynamoDbEndpoint) {
        return LocalTables.functionEnvironment(
                LocalFunctions.TRIGGER, tables.tableName(), URI.create(dynamoDbEndpoint));
    }

    private static String invokeSignUp(CognitoTriggerHandler handler, LocalLambdaContext context) {
        return LambdaRuntimeJson.toJson(handler.handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), context));
    }

    static Stream<Arguments> transientFaults() {
        return FaultInjectingProxy.transientFaults().stream()
                .flatMap(fault -> Stream.of(Arguments.of(fault, 1), Arguments.of(fault, 2)));
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("transientFaults")
    void retriesThroughAFaultThatClearsAndStoresExactlyOneItem(Fault fault, int times) {
        proxy.failNext(times, fault);
        LocalLambdaContext context = new LocalLambdaContext();

        String returned = invokeSignUp(newEnvironment(), context);

        assertThat(returned).contains(JANE);
        assertThat(tables.itemCount()).isEqualTo(1);
        assertThat(tables.item(JANE)).containsKey("email");
        // A slow attempt may still write after the client gave up on it; the next attempt is then refused, and since
        // dynalite (unlike DynamoDB) returns no item with a refusal, one GetItem reads the attempt id.
        List<String> operations = proxy.operations();
        assertThat(operations.subList(0, times + 1))
                .as("every attempt was a PutItem, the faulted ones first")
                .containsOnly("PutItem");
        assertThat(operations.subList(times + 1, operations.size())).isIn(List.of(), List.of("GetItem"));
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .as("whichever attempt wrote the item, this invocation registered the user")
                .contains("\"outcome\":\"REGISTERED\"");
    }

    /** A write that landed but whose answer never came (lost, or later than the attempt timeout) is counted. */
    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"RESPONSE_LOST_AFTER_WRITE", "LATE_RESPONSE_AFTER_WRITE"})
    void aWriteWhoseResponseWasLostOrLateCountsAsRegisteredOnRetry(Fault fault) {
        proxy.failNext(1, fault);
        LocalLambdaContext context = new LocalLambdaContext();

        invokeSignUp(newEnvironment(), context);

        assertThat(proxy.forwardedCount())
                .as("the first attempt's write reached DynamoDB")
                .isGreaterThanOrEqualTo(2);
        assertThat(tables.itemCount()).isEqualTo(1);
        assertThat(context.logLines()).singleElement().asString().contains("\"outcome\":\"REGISTERED\"");
    }

    @Test
    void anotherInvocationForARegisteredUserStillCountsAsAlreadyRegistered() {
        invokeSignUp(newEnvironment(), new LocalLambdaContext());
        proxy.failNext(1, Fault.RESPONSE_LOST_AFTER_WRITE);
        LocalLambdaContext retry = new LocalLambdaContext();

        invokeSignUp(newEnvironment(), retry);

        assertThat(tables.itemCount()).isEqualTo(1);
        assertThat(retry.logLines()).singleElement().asString().contains("\"outcome\":\"ALREADY_REGISTERED\"");
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {
                "THROTTLING",
                "PROVISIONED_THROUGHPUT_EXCEEDED",
                "INTERNAL_SERVER_ERROR_500",
                "SERVICE_UNAVAILABLE_503",
                "CONNECTION_RESET",
                "NO_RESPONSE"
            })
    void aFaultThatDoesNotClearFailsInsideTheBudgetNamingDynamoDbAndWritesNothing(Fault fault) {
        proxy.failAlways(fault);
        LocalLambdaContext context = new LocalLambdaContext();
        CognitoTriggerHandler handler = newEnvironment();

        long start = System.nanoTime();
        assertThatThrownBy(() -> invokeSignUp(handler, context))
                .isInstanceOf(TriggerFailedException.class)
                .hasMessage(TriggerFailedException.Reason.STORAGE_UNAVAILABLE.sentence() + " Reference: "
                        + context.getAwsRequestId())
                .cause()
                .hasMessage(ProfileStoreUnavailableException.class.getName());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(context.logLines())
                .last()
                .asString()
                .contains("\"error\":\"DynamoDB PutItem on table " + tables.tableName() + " failed: ");

        assertThat(took).as("fails before Lambda's timeout").isLessThan(FUNCTION_TIMEOUT);
        assertThat(proxy.requests()).hasSizeLessThanOrEqualTo(DynamoDbCallBudget.REGISTRATION.maxAttempts());
        assertThat(tables.itemCount()).isZero();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"ERROR\"",
                        "\"outcome\":\"FAILED\"",
                        "ProfileStoreUnavailableException",
                        "\"userSub\":\"" + JANE + "\"")
                .doesNotContain("jane.doe@example.com");
    }

    @Test
    void anUnreachableDynamoDbFailsFastNamingIt() {
        CognitoTriggerHandler handler =
                LocalFunctions.trigger(environmentReaching("http://127.0.0.1:" + LoopbackPorts.free()));

        long start = System.nanoTime();
        LocalLambdaContext context = new LocalLambdaContext();
        assertThatThrownBy(() -> invokeSignUp(handler, context))
                .isInstanceOf(TriggerFailedException.class)
                .cause()
                .hasMessage(ProfileStoreUnavailableException.class.getName());
        assertThat(context.logLines())
                .last()
                .asString()
                .contains("\"error\":\"DynamoDB PutItem on table " + tables.tableName() + " failed: ");

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(DynamoDbCallBudget.REGISTRATION.totalTimeout());
        assertThat(tables.itemCount()).isZero();
    }

    @Test
    void theBudgetFitsCognitosDeadline() {
        Duration worstCase = DynamoDbCallBudget.REGISTRATION.totalTimeout();
        assertThat(worstCase).isLessThan(FUNCTION_TIMEOUT.minusSeconds(1));
        assertThat(DynamoDbCallBudget.REGISTRATION
                        .attemptTimeout()
                        .multipliedBy(DynamoDbCallBudget.REGISTRATION.maxAttempts())
                        .plus(DynamoDbCallBudget.REGISTRATION
                                .throttlingBackoffMax()
                                .multipliedBy(DynamoDbCallBudget.REGISTRATION.maxAttempts() - 1)))
                .as("attempts plus backoffs are cut by the total timeout, never by Lambda")
                .isGreaterThanOrEqualTo(worstCase);
        assertThat(List.of(DynamoDbCallBudget.CONNECT_TIMEOUT, DynamoDbCallBudget.SOCKET_TIMEOUT))
                .allSatisfy(timeout ->
                        assertThat(timeout).isLessThanOrEqualTo(DynamoDbCallBudget.REGISTRATION.attemptTimeout()));
    }
}
