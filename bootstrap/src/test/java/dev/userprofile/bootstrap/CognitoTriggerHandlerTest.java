package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.cognito.trigger.CognitoTrigger;
import dev.userprofile.adapters.cognito.trigger.TriggerFailedException;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.cognito.trigger.TriggerSource;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.domain.User;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.EmbeddedMetrics;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handler's translation of outcomes and failures into what Cognito sees and what the log says. */
class CognitoTriggerHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:30.123Z"), ZoneOffset.UTC);
    private static final String FUNCTION = "stack-PostConfirmationFunction-abc";
    private static final RegisterUserUseCase MUST_NOT_REGISTER = command -> {
        throw new AssertionError("must not register");
    };

    private static CognitoTriggerHandler handler(RegisterUserUseCase registerUser) {
        return new CognitoTriggerHandler(
                new CognitoTrigger(registerUser, registerUser::register, new CognitoAttributesMapper()),
                CLOCK,
                FUNCTION);
    }

    @Test
    void anUnexpectedFailureShowsTheUserAFixedSentenceAndNeverItsMessage() {
        NullPointerException bug = new NullPointerException("jane.doe@example.com was null somehow");
        LocalLambdaContext context = new LocalLambdaContext();

        assertThatThrownBy(() -> handler(command -> {
                            throw bug;
                        })
                        .handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), context))
                .isInstanceOf(TriggerFailedException.class)
                .hasMessage("Your account could not be set up because of an unexpected problem. Reference: "
                        + context.getAwsRequestId())
                .cause()
                .isInstanceOf(TriggerFailedException.RedactedCause.class)
                .hasMessage(NullPointerException.class.getName())
                .satisfies(cause -> assertThat(cause.getStackTrace()).isEqualTo(bug.getStackTrace()));
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"ERROR\"",
                        "\"outcome\":\"FAILED\"",
                        "\"reason\":\"UNEXPECTED\"",
                        "\"errorType\":\"java.lang.NullPointerException\"")
                .doesNotContain("jane.doe", "\"error\":");
    }

    @Test
    void storageTroubleShowsTheUserNothingInternal() {
        LocalLambdaContext context = new LocalLambdaContext();
        ProfileStoreUnavailableException storage = new ProfileStoreUnavailableException(
                "DynamoDB PutItem on table profiles-prod failed: ProvisionedThroughputExceededException (HTTP 400)",
                null);

        assertThatThrownBy(() -> handler(command -> {
                            throw storage;
                        })
                        .handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), context))
                .isInstanceOf(TriggerFailedException.class)
                .hasMessage("Your account could not be set up because of a temporary problem. Reference: "
                        + context.getAwsRequestId())
                .message()
                .doesNotContain("DynamoDB", "profiles-prod", "PutItem", "Exception", "HTTP");
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"reason\":\"STORAGE_UNAVAILABLE\"", "profiles-prod", "\"Failed\":1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sign-in.json", "password-reset.json"})
    void aFailureDuringASignInOrAResetIsLoggedCountedAndLetThrough(String sample) {
        LocalLambdaContext context = new LocalLambdaContext();
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.sampleEvent(sample);

        assertThat(handler(command -> {
                            throw new ProfileStoreUnavailableException(
                                    "DynamoDB GetItem on table t failed: timeout", null);
                        })
                        .handleRequest(event, context))
                .isSameAs(event);

        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"ERROR\"",
                        "\"outcome\":\"FAILED\"",
                        "\"userLetThrough\":true",
                        "\"reason\":\"STORAGE_UNAVAILABLE\"",
                        "\"Failed\":1");
    }

    @Test
    void anUnexpectedFailureLetThroughLeavesItsStackTraceInTheLogWithoutItsMessage() {
        LocalLambdaContext context = new LocalLambdaContext();
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.sampleEvent("sign-in.json");

        assertThat(handler(command -> {
                            throw new IllegalStateException("jane.doe@example.com made it fail");
                        })
                        .handleRequest(event, context))
                .isSameAs(event);

        Map<String, Object> line = JsonValues.object(context.logLines().getFirst());
        assertThat(line)
                .containsEntry("reason", "UNEXPECTED")
                .containsEntry("userLetThrough", true)
                .containsEntry("errorType", "java.lang.IllegalStateException");
        assertThat((List<?>) line.get("stackTrace")).first().isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("stackTrace").toString()).contains("CognitoTriggerHandlerTest");
        assertThat(context.logLines().getFirst()).doesNotContain("jane.doe");
    }

    @Test
    void aSignInEventWithoutASubIsLetThroughToo() {
        LocalLambdaContext context = new LocalLambdaContext();
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.fromJson(
                "{\"triggerSource\":\"PostAuthentication_Authentication\",\"request\":{\"userAttributes\":{}}}");

        assertThat(handler(MUST_NOT_REGISTER).handleRequest(event, context)).isSameAs(event);
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"reason\":\"INVALID_EVENT\"", "\"userLetThrough\":true");
    }

    @Test
    void everyFailureMessageIsAFixedSentenceWithTheRequestIdOnly() {
        for (TriggerFailedException.Reason reason : TriggerFailedException.Reason.values()) {
            String message = new TriggerFailedException(reason, "req-1", new RuntimeException("secret")).getMessage();
            assertThat(message)
                    .isEqualTo(reason.sentence() + " Reference: req-1")
                    .doesNotContain("secret", "Exception", "DynamoDB", "table");
            assertThat(reason.sentence()).matches("[A-Z][a-z ,'-]+\\.");
        }
    }

    @Test
    void eachLineIsOneTopLevelJsonObjectWithTimestampLevelRequestIdAndEmbeddedMetrics() {
        LocalLambdaContext context = new LocalLambdaContext();
        handler(command -> new RegistrationResult.Registered(
                        User.register(command.userId(), command.profile(), CLOCK.instant())))
                .handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), context);

        Map<String, Object> line = JsonValues.object(context.logLines().getFirst());

        assertThat(line)
                .containsEntry("timestamp", "2026-11-30T10:15:30.123Z")
                .containsEntry("level", "INFO")
                .containsEntry("requestId", context.getAwsRequestId())
                .containsEntry("outcome", "REGISTERED")
                .containsEntry("event", "post_confirmation")
                .containsEntry("FunctionName", FUNCTION)
                .containsEntry("Registered", 1L)
                .containsEntry("AlreadyRegistered", 0L)
                .containsEntry("Refreshed", 0L)
                .containsEntry("Healed", 0L)
                .containsEntry("Ignored", 0L)
                .containsEntry("Failed", 0L)
                .containsEntry("AttributesDropped", 0L);
        assertThat(line.get("_aws"))
                .isEqualTo(Map.of(
                        "Timestamp",
                        1_796_033_730_123L,
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                "UserProfileService",
                                "Dimensions",
                                List.of(List.of("FunctionName")),
                                "Metrics",
                                List.of(
                                        metric("Registered"),
                                        metric("AlreadyRegistered"),
                                        metric("Refreshed"),
                                        metric("Healed"),
                                        metric("Ignored"),
                                        metric("Failed"),
                                        metric("AttributesDropped"))))));
    }

    @Test
    void aSignInThatRegistersCountsAsAHealAndEveryDeclaredMetricIsEmitted() {
        LocalLambdaContext context = new LocalLambdaContext();
        handler(command -> new RegistrationResult.Registered(
                        User.register(command.userId(), command.profile(), CLOCK.instant())))
                .handleRequest(LambdaRuntimeJson.sampleEvent("sign-in.json"), context);

        String line = context.logLines().getFirst();
        assertThat(JsonValues.object(line))
                .containsEntry("event", "post_authentication")
                .containsEntry("Registered", 1L)
                .containsEntry("Healed", 1L);
        assertThat(EmbeddedMetrics.names(line)).isEqualTo(TriggerInvocation.METRIC_NAMES);
    }

    @Test
    void theKeepAliveIsAnsweredWithoutTouchingStorageOrCountingAnything() {
        LocalLambdaContext context = new LocalLambdaContext();
        CognitoUserPoolPostConfirmationEvent keepAlive =
                LambdaRuntimeJson.fromJson("{\"triggerSource\":\"" + TriggerSource.KEEP_ALIVE_VALUE + "\"}");

        assertThat(handler(MUST_NOT_REGISTER).handleRequest(keepAlive, context)).isSameAs(keepAlive);
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"outcome\":\"KEPT_ALIVE\"", "\"event\":\"keep_alive\"")
                .doesNotContain("_aws");
    }

    private static Map<String, Object> metric(String name) {
        return Map.of("Name", name, "Unit", "Count");
    }
}
