package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.adapters.cognito.events.SyncFailedException;
import dev.userprofile.adapters.cognito.events.UserChangeEvents;
import dev.userprofile.adapters.dynamodb.UserItemSchema;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.wiring.SyncComponent;
import dev.userprofile.local.support.cognito.CloudTrailEvents;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.IamStatements;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sync function as Lambda runs it (its handler, wiring and priming) against cognito-local and dynalite, with the
 * events EventBridge delivers for Cognito's API calls; Cognito's requests pass a recording proxy.
 */
@ExtendWith({SharedLocalTables.class, SharedCognitoLocal.class})
class UserSyncHandlerEndToEndTest {

    static final String SYNC = "UserSyncFunction";

    private static LocalTables tables;
    private static CognitoLocalServer cognitoLocal;
    private static FaultInjectingProxy cognitoFront;
    private static CognitoIdentityProviderClient admin;
    private static String poolId;
    private static UserSyncHandler handler;

    @BeforeAll
    static void start(LocalTables shared, CognitoLocalServer sharedCognito) throws Exception {
        tables = shared;
        cognitoLocal = sharedCognito;
        cognitoFront = new FaultInjectingProxy(cognitoLocal.endpoint());
        admin = cognitoLocal.client();
        poolId = admin.createUserPool(b -> b.poolName("sync")).userPool().id();
        handler = new UserSyncHandler(environment());
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cognitoFront.close();
    }

    /** The function's variables from template.yaml, pointed at the local pool, table and Cognito. */
    static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(tables.functionEnvironment(SYNC, Map.of("UserPool", poolId)));
        environment.put(
                CognitoClients.ENDPOINT_VARIABLE, cognitoFront.endpoint().toString());
        return environment;
    }

    @BeforeEach
    void clean() {
        tables.reset();
        cognitoFront.clear();
        cognitoFront.clearRequests();
    }

    private static AttributeType attribute(String name, String value) {
        return PoolUsers.attribute(name, value);
    }

    /** A user who can sign in, with a verified email and a name; returns their sub. */
    private static String confirmedUser(String email) {
        return PoolUsers.confirmed(admin, poolId, email, attribute("given_name", "Ada"));
    }

    /** The event EventBridge delivers for a Cognito API call on this pool (see the adapter's event fixtures). */
    static String event(String eventName, String pool, String sub) {
        return CloudTrailEvents.userCall(eventName, Optional.of(pool), sub);
    }

    private static void deliver(String event) {
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(),
                new LocalLambdaContext());
    }

    private static Map<String, AttributeValue> item(String sub) {
        return tables.item(sub);
    }

    private static String email() {
        return "u" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aUserWhoBecameAbleToSignInWithoutATriggerIsRegistered() {
        String email = email();
        String sub = confirmedUser(email);

        deliver(event("AdminSetUserPassword", poolId, sub));

        assertThat(item(sub))
                .containsEntry("email", AttributeValue.fromS(email))
                .containsEntry("emailVerified", AttributeValue.fromBool(true))
                .containsEntry("givenName", AttributeValue.fromS("Ada"))
                .containsEntry("accountStatus", AttributeValue.fromS("ACTIVE"));
    }

    @Test
    void aChangedAndVerifiedEmailReachesTheProfileAndTheUsersOwnNameIsKept() {
        String email = email();
        String sub = confirmedUser(email);
        deliver(event("AdminSetUserPassword", poolId, sub));
        patchGivenName(sub, "Adelaide");
        String changed = email();

        admin.adminUpdateUserAttributes(b -> b.userPoolId(poolId)
                .username(email)
                .userAttributes(
                        attribute("email", changed),
                        attribute("email_verified", "true"),
                        attribute("given_name", "X")));
        deliver(event("AdminUpdateUserAttributes", poolId, sub));

        assertThat(item(sub))
                .containsEntry("email", AttributeValue.fromS(changed))
                .containsEntry("givenName", AttributeValue.fromS("Adelaide"))
                .containsEntry("version", AttributeValue.fromN("3"));
    }

    private static void patchGivenName(String sub, String name) {
        String request = ProfileApiHandlerEndToEndTest.request(
                "PATCH",
                sub,
                Map.of("content-type", "application/merge-patch+json"),
                "{\"givenName\":\"" + name + "\"}");
        assertThat(LocalFunctions.api(tables, poolId, cognitoFront.endpoint())
                        .handleRequest(
                                LambdaRuntimeJson.fromJson(request, APIGatewayV2HTTPEvent.class),
                                new LocalLambdaContext())
                        .getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void disablingAndEnablingReachTheProfile() {
        String email = email();
        String sub = confirmedUser(email);
        deliver(event("AdminSetUserPassword", poolId, sub));

        admin.adminDisableUser(b -> b.userPoolId(poolId).username(email));
        deliver(event("AdminDisableUser", poolId, sub));
        assertThat(item(sub)).containsEntry("accountStatus", AttributeValue.fromS("DISABLED"));

        admin.adminEnableUser(b -> b.userPoolId(poolId).username(email));
        deliver(event("AdminEnableUser", poolId, sub));
        assertThat(item(sub)).containsEntry("accountStatus", AttributeValue.fromS("ACTIVE"));
    }

    @Test
    void aDeletedUsersDataIsErasedAndALateSignUpConfirmationChangesNothing() {
        String email = email();
        String sub = confirmedUser(email);
        deliver(event("AdminSetUserPassword", poolId, sub));

        admin.adminDeleteUser(b -> b.userPoolId(poolId).username(email));
        deliver(event("AdminDeleteUser", poolId, sub));

        Map<String, AttributeValue> tombstone = item(sub);
        assertThat(tombstone.keySet())
                .containsExactlyInAnyOrder("userId", "erasedAt", "erasureReason", UserItemSchema.EXPIRES_AT);
        long expires = Long.parseLong(tombstone.get(UserItemSchema.EXPIRES_AT).n());
        assertThat(Instant.ofEpochSecond(expires))
                .isAfter(Instant.now().plus(java.time.Duration.ofDays(29)))
                .isBefore(Instant.now().plus(java.time.Duration.ofDays(31)));

        CognitoUserPoolPostConfirmationEvent lateSignUp = LambdaRuntimeJson.fromJson(
                LambdaRuntimeJson.withSub(LambdaRuntimeJson.sampleEventJson("sign-up.json"), sub));
        LocalFunctions.trigger(tables).handleRequest(lateSignUp, new LocalLambdaContext());
        assertThat(item(sub)).isEqualTo(tombstone);
    }

    @Test
    void aRepeatedEventWritesNothingAndAnEventOfAnotherPoolTouchesNothing() {
        String sub = confirmedUser(email());
        deliver(event("AdminSetUserPassword", poolId, sub));
        tables.front().clearRequests();
        cognitoFront.clearRequests();

        deliver(event("AdminSetUserPassword", poolId, sub));
        assertThat(tables.operations()).containsExactly("GetItem");

        tables.front().clearRequests();
        cognitoFront.clearRequests();
        deliver(event("AdminDeleteUser", "eu-west-1_another", sub));
        assertThat(tables.operations()).isEmpty();
        assertThat(cognitoFront.operations()).isEmpty();
        assertThat(item(sub)).containsKey("email");
    }

    @Test
    void whenCognitoCannotBeReadTheEventFailsForARetryAndNothingIsWritten() {
        String sub = confirmedUser(email());
        deliver(event("AdminSetUserPassword", poolId, sub));
        tables.front().clearRequests();
        cognitoFront.failAlways(FaultInjectingProxy.Fault.SERVICE_UNAVAILABLE_503);

        assertThatThrownBy(() -> deliver(event("AdminDeleteUser", poolId, sub)))
                .isInstanceOf(SyncFailedException.class)
                .hasMessageContaining("DIRECTORY_UNAVAILABLE");

        assertThat(tables.operations()).isEmpty();
        assertThat(item(sub)).containsKey("email");
    }

    @Test
    void theTemplatesRuleAndRoleMatchWhatTheFunctionReadsAndCalls() {
        String email = email();
        String sub = confirmedUser(email);
        tables.front().clearRequests();
        cognitoFront.clearRequests();
        Map<String, String> environment = environment();
        assertThat(SyncComponent.create(
                                Configuration.fromEnvironment(environment), SyncSettings.fromEnvironment(environment))
                        .snapStartPriming()
                        .prime())
                .as("failed priming steps")
                .isZero();
        deliver(event("AdminSetUserPassword", poolId, sub));
        admin.adminDisableUser(b -> b.userPoolId(poolId).username(email));
        deliver(event("AdminDisableUser", poolId, sub));
        admin.adminDeleteUser(b -> b.userPoolId(poolId).username(email));
        deliver(event("AdminDeleteUser", poolId, sub));
        deliver(event("AdminDeleteUser", poolId, sub));

        Map<String, Object> template = CloudFormationYaml.load(CloudFormationYaml.findTemplate());
        Map<String, Set<String>> granted = IamStatements.actionsBySid(template, "UserSyncFunctionRole");
        assertThat(granted.get("SyncProfiles"))
                .isEqualTo(tables.operations().stream()
                        .map(operation -> "dynamodb:" + operation)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(granted.get("ReadPoolUsers"))
                .isEqualTo(cognitoFront.operations().stream()
                        .map(operation -> "cognito-idp:" + operation)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(granted.get("SendFailedEvents")).containsExactly("sqs:SendMessage");
        assertThat(granted.values().stream().flatMap(Set::stream)).noneMatch(action -> action.contains("*"));

        Map<String, Object> function = CloudFormationYaml.properties(template, SYNC, "AWS::Serverless::Function");
        assertThat(function.get("Handler")).isEqualTo(UserSyncHandler.class.getName() + "::handleRequest");
        Map<String, Object> rule = CloudFormationYaml.map(
                CloudFormationYaml.map(
                                CloudFormationYaml.map(function.get("Events"), "Events")
                                        .get("CognitoUserChanges"),
                                "CognitoUserChanges")
                        .get("Properties"),
                "Properties");
        Map<String, Object> pattern = CloudFormationYaml.map(rule.get("Pattern"), "Pattern");
        assertThat(pattern.get("source")).isEqualTo(List.of(UserChangeEvents.SOURCE));
        assertThat(pattern.get("detail-type")).isEqualTo(List.of(UserChangeEvents.DETAIL_TYPE));
        assertThat(CloudFormationYaml.map(pattern.get("detail"), "detail").get("eventName"))
                .isEqualTo(UserChangeEvents.EVENT_NAMES);
    }

    @Test
    void theKeepAliveTouchesNothing() {
        Map<String, Object> function = CloudFormationYaml.properties(
                CloudFormationYaml.load(CloudFormationYaml.findTemplate()), SYNC, "AWS::Serverless::Function");
        String input = (String) CloudFormationYaml.map(
                        CloudFormationYaml.map(
                                        CloudFormationYaml.map(function.get("Events"), "Events")
                                                .get("KeepAlive"),
                                        "KeepAlive")
                                .get("Properties"),
                        "Properties")
                .get("Input");
        tables.front().clearRequests();
        cognitoFront.clearRequests();

        deliver(input);

        assertThat(tables.operations()).isEmpty();
        assertThat(cognitoFront.operations()).isEmpty();
    }
}
