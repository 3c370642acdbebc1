package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.cognito.trigger.InvalidRegistrationInputException;
import dev.userprofile.adapters.cognito.trigger.TriggerFailedException;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real handler, built by the real Dagger component from the environment (as Lambda builds it), against dynalite.
 * Events go in and out through the Lambda runtime's serialisation.
 */
@ExtendWith(SharedLocalTables.class)
class CognitoTriggerHandlerEndToEndTest {

    private static LocalTables tables;

    @BeforeAll
    static void useTables(LocalTables shared) {
        tables = shared;
    }

    private static final String JANE = "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21";

    @BeforeEach
    void emptyTable() {
        tables.reset();
    }

    /** One invocation as the runtime performs it: JSON in, handler, JSON out. */
    private static String invoke(CognitoTriggerHandler handler, String eventJson, LocalLambdaContext context) {
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.fromJson(eventJson);
        return LambdaRuntimeJson.toJson(handler.handleRequest(event, context));
    }

    @Test
    void aSignUpIsStoredOnceAndTheEventIsReturned() {
        String eventJson = LambdaRuntimeJson.sampleEventJson("sign-up.json");
        LocalLambdaContext context = new LocalLambdaContext();

        String returned = invoke(LocalFunctions.trigger(tables), eventJson, context);

        assertThat(returned).isEqualTo(LambdaRuntimeJson.toJson(LambdaRuntimeJson.fromJson(eventJson)));
        assertThat(tables.itemCount()).isEqualTo(1);
        Map<String, AttributeValue> item = tables.item(JANE);
        assertThat(item.get("email").s()).isEqualTo("jane.doe@example.com");
        assertThat(item.get("emailVerified").bool()).isTrue();
        assertThat(item.get("givenName").s()).isEqualTo("Jane");
        assertThat(item.get("familyName").s()).isEqualTo("Doe");
        assertThat(item.get("displayName").s()).isEqualTo("Jane Doe");
        assertThat(item.get("locale").s()).isEqualTo("en-GB");
        assertThat(item).doesNotContainKeys("phoneNumber", "identityProvider", "custom:plan");
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"outcome\":\"REGISTERED\"",
                        "\"userSub\":\"" + JANE + "\"",
                        "\"triggerSource\":\"PostConfirmation_ConfirmSignUp\"",
                        context.getAwsRequestId());
    }

    @Test
    void cognitosThreeDeliveriesLeaveTheItemByteIdentical() {
        String eventJson = LambdaRuntimeJson.sampleEventJson("sign-up.json");
        CognitoTriggerHandler handler = LocalFunctions.trigger(tables);
        invoke(handler, eventJson, new LocalLambdaContext());
        Map<String, AttributeValue> first = tables.item(JANE);

        LocalLambdaContext retry = new LocalLambdaContext();
        invoke(handler, eventJson, retry);
        invoke(LocalFunctions.trigger(tables), eventJson, new LocalLambdaContext());

        assertThat(tables.item(JANE)).isEqualTo(first);
        assertThat(tables.itemCount()).isEqualTo(1);
        assertThat(retry.logLines()).singleElement().asString().contains("\"outcome\":\"ALREADY_REGISTERED\"");
    }

    @Test
    void aPasswordResetRegistersAUserWithoutAProfileAndNeverChangesOne() {
        CognitoTriggerHandler handler = LocalFunctions.trigger(tables);
        String reset = LambdaRuntimeJson.sampleEventJson("password-reset.json");

        invoke(handler, reset, new LocalLambdaContext());
        Map<String, AttributeValue> registeredByReset = tables.item(JANE);
        assertThat(registeredByReset.get("givenName").s()).isEqualTo("Janet");

        tables.reset();
        invoke(handler, LambdaRuntimeJson.sampleEventJson("sign-up.json"), new LocalLambdaContext());
        Map<String, AttributeValue> before = tables.item(JANE);
        LocalLambdaContext context = new LocalLambdaContext();
        String returned = invoke(handler, reset, context);

        assertThat(tables.item(JANE)).isEqualTo(before);
        assertThat(returned).isEqualTo(LambdaRuntimeJson.toJson(LambdaRuntimeJson.fromJson(reset)));
        assertThat(context.logLines()).singleElement().asString().contains("\"outcome\":\"ALREADY_REGISTERED\"");
    }

    @Test
    void aSignInRegistersAUserWithoutAProfileOnceAndEverySignInReturnsTheEvent() {
        CognitoTriggerHandler handler = LocalFunctions.trigger(tables);
        String signIn = LambdaRuntimeJson.sampleEventJson("sign-in.json");

        String returned = invoke(handler, signIn, new LocalLambdaContext());
        Map<String, AttributeValue> first = tables.item("0d7c4f52-9b3e-4a61-8c2d-5e6f7a8b9c01");
        LocalLambdaContext again = new LocalLambdaContext();
        invoke(handler, signIn, again);

        assertThat(returned).isEqualTo(LambdaRuntimeJson.toJson(LambdaRuntimeJson.fromJson(signIn)));
        assertThat(first.get("familyName").s()).isEqualTo("Invited");
        assertThat(tables.item("0d7c4f52-9b3e-4a61-8c2d-5e6f7a8b9c01")).isEqualTo(first);
        assertThat(tables.itemCount()).isEqualTo(1);
        assertThat(again.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"outcome\":\"ALREADY_REGISTERED\"",
                        "\"triggerSource\":\"PostAuthentication_Authentication\"");
    }

    @Test
    void aSignInAfterAnEmailChangeRefreshesItWithOneReadAndOneWriteAndKeepsTheUsersOwnFields() {
        CognitoTriggerHandler handler = LocalFunctions.trigger(tables);
        String sub = "0d7c4f52-9b3e-4a61-8c2d-5e6f7a8b9c01";
        String signIn = LambdaRuntimeJson.sampleEventJson("sign-in.json");
        invoke(handler, signIn, new LocalLambdaContext());
        String changed = signIn.replace("ines.invited@example.com", "ines@new.example")
                .replace("\"given_name\": \"Ines\"", "\"given_name\": \"Cognito's Ines\"");
        tables.front().clearRequests();
        LocalLambdaContext refresh = new LocalLambdaContext();

        invoke(handler, changed, refresh);

        assertThat(tables.item(sub))
                .containsEntry("email", AttributeValue.fromS("ines@new.example"))
                .containsEntry("givenName", AttributeValue.fromS("Ines"))
                .containsEntry("version", AttributeValue.fromN("2"));
        assertThat(tables.operations()).containsExactly("GetItem", "PutItem");
        assertThat(refresh.logLines())
                .singleElement()
                .asString()
                .contains("\"outcome\":\"REFRESHED\"", "\"Refreshed\":1");
        tables.front().clearRequests();
        invoke(handler, changed, new LocalLambdaContext());
        assertThat(tables.operations()).as("nothing new: one read").containsExactly("GetItem");
    }

    @Test
    void aSignInWhileTheTableIsMissingIsLetThroughAndTheNextOneHeals() {
        CognitoTriggerHandler handler = LocalFunctions.trigger(tables);
        String signIn = LambdaRuntimeJson.sampleEventJson("sign-in.json");
        tables.dropTable();
        LocalLambdaContext failing = new LocalLambdaContext();

        String returned = invoke(handler, signIn, failing);

        assertThat(returned).isEqualTo(LambdaRuntimeJson.toJson(LambdaRuntimeJson.fromJson(signIn)));
        assertThat(failing.logLines()).singleElement().asString().contains("\"userLetThrough\":true");
        tables.reset();
        invoke(handler, signIn, new LocalLambdaContext());
        assertThat(tables.itemCount()).isEqualTo(1);
    }

    @Test
    void aMissingSubFailsNamingItAndWritesNothing() {
        LocalLambdaContext context = new LocalLambdaContext();

        assertThatThrownBy(() -> invoke(
                        LocalFunctions.trigger(tables), LambdaRuntimeJson.sampleEventJson("missing-sub.json"), context))
                .isInstanceOf(TriggerFailedException.class)
                .hasMessage("Your account could not be set up because the sign-up data was incomplete. Reference: "
                        + context.getAwsRequestId())
                .cause()
                .isInstanceOf(TriggerFailedException.RedactedCause.class)
                .hasMessage(InvalidRegistrationInputException.class.getName());

        assertThat(tables.itemCount()).isZero();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"ERROR\"",
                        "\"outcome\":\"FAILED\"",
                        "\"reason\":\"INVALID_EVENT\"",
                        "\"error\":\"Invalid trigger event: request.userAttributes.sub is missing\"")
                .doesNotContain("nosub@example.com");
    }

    @Test
    void aFederatedUserIsStoredWithTheirProvider() {
        invoke(
                LocalFunctions.trigger(tables),
                LambdaRuntimeJson.sampleEventJson("federated-first-sign-in.json"),
                new LocalLambdaContext());

        Map<String, AttributeValue> item = tables.item("c0ffee00-1234-4abc-8def-0123456789ab");
        assertThat(item.get("identityProvider").s()).isEqualTo("Google");
        assertThat(item.get("emailVerified").bool()).isFalse();
    }

    @Test
    void overlappingDeliveriesInSeparateEnvironmentsStoreOneItemAndAllSucceed() throws Exception {
        String eventJson = LambdaRuntimeJson.sampleEventJson("sign-up.json");
        List<CognitoTriggerHandler> environments =
                List.of(LocalFunctions.trigger(tables), LocalFunctions.trigger(tables), LocalFunctions.trigger(tables));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> deliveries = new ArrayList<>();
        for (CognitoTriggerHandler handler : environments) {
            deliveries.add(() -> {
                start.await();
                return invoke(handler, eventJson, new LocalLambdaContext());
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(deliveries.size())) {
            List<Future<String>> results = deliveries.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).contains(JANE);
            }
        }
        assertThat(tables.itemCount()).isEqualTo(1);
    }

    @Test
    void aMissingTableFailsTheInvocationNamingTheDependencyInTheLogOnly() {
        CognitoTriggerHandler handler = LocalFunctions.trigger(tables);
        tables.dropTable();
        LocalLambdaContext context = new LocalLambdaContext();

        assertThatThrownBy(() -> invoke(handler, LambdaRuntimeJson.sampleEventJson("sign-up.json"), context))
                .isInstanceOf(TriggerFailedException.class)
                .hasMessage("Your account could not be set up because of a temporary problem. Reference: "
                        + context.getAwsRequestId())
                .satisfies(e -> assertThat(e.getCause()).hasMessage(ProfileStoreUnavailableException.class.getName()))
                .message()
                .doesNotContain("DynamoDB", tables.tableName(), "PutItem", "Exception");
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"reason\":\"STORAGE_UNAVAILABLE\"",
                        "\"error\":\"DynamoDB PutItem on table " + tables.tableName()
                                + " failed: ResourceNotFoundException (HTTP 400)\"",
                        "\"Failed\":1");
    }
}
