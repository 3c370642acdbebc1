package dev.userprofile.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.net.LoopbackPorts;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateTable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The real chain on loopback: the AWS SDK's Cognito client against cognito-local, whose PostConfirmation trigger
 * calls the Invoke endpoint, where the Lambda Java runtime runs the deployable artifact against dynalite. cognito-local
 * swallows some trigger errors, so outcomes are checked in the table and at the Invoke endpoint.
 */
class LocalStackEndToEndTest {

    private static final String PASSWORD = "Correct-Horse-9";
    private static final List<String> FUNCTION_LOG = new CopyOnWriteArrayList<>();
    private static LocalStack stack;
    private static CognitoIdentityProviderClient cognito;
    private static LambdaClient lambda;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStack.Options.freePorts(), FUNCTION_LOG::add, line -> {});
        cognito = stack.cognito();
        lambda = LambdaClient.builder()
                .endpointOverride(stack.lambdaEndpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopStack() {
        lambda.close();
        stack.close();
    }

    private static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private static String signUp(String email, String givenName) {
        return cognito.signUp(b -> b.clientId(stack.clientId())
                        .username(email)
                        .password(PASSWORD)
                        .userAttributes(
                                AttributeType.builder()
                                        .name("email")
                                        .value(email)
                                        .build(),
                                AttributeType.builder()
                                        .name("given_name")
                                        .value(givenName)
                                        .build(),
                                AttributeType.builder()
                                        .name("family_name")
                                        .value("Tester")
                                        .build()))
                .userSub();
    }

    private static void confirm(String email) {
        cognito.confirmSignUp(b -> b.clientId(stack.clientId()).username(email).confirmationCode(stack.code()));
    }

    private static long itemsFor(String sub) {
        return stack
                .dynamoDb()
                .scanPaginator(b -> b.tableName(LocalStack.TABLE_NAME).consistentRead(true))
                .items()
                .stream()
                .filter(item -> sub.equals(item.get("userId").s()))
                .count();
    }

    private static Map<String, AttributeValue> awaitItem(
            String sub, java.util.function.Predicate<Map<String, AttributeValue>> done) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        Map<String, AttributeValue> item = Map.of();
        while (System.nanoTime() < deadline) {
            item = stack.dynamoDb()
                    .getItem(b -> b.tableName(LocalStack.TABLE_NAME)
                            .consistentRead(true)
                            .key(Map.of("userId", AttributeValue.fromS(sub))))
                    .item();
            if (done.test(item)) {
                return item;
            }
            Thread.sleep(100);
        }
        return item;
    }

    @Test
    void cognitosUserCallsReachTheSyncFunctionAsEventsAndTheReconcileRunsOnDemand() throws InterruptedException {
        String email = newEmail();
        String sub = signUp(email, "Eve");
        confirm(email);

        cognito.adminDisableUser(b -> b.userPoolId(stack.userPoolId()).username(email));
        assertThat(awaitItem(sub, item -> AttributeValue.fromS("DISABLED").equals(item.get("accountStatus"))))
                .as("the disabling reached the profile through the sync function")
                .containsEntry("accountStatus", AttributeValue.fromS("DISABLED"));

        String invited = newEmail();
        String invitedSub = PoolUsers.confirmed(cognito, stack.userPoolId(), invited);
        assertThat(awaitItem(invitedSub, item -> item.containsKey("email")))
                .as("a permanent password makes a user who can sign in, registered from the event")
                .containsEntry("email", AttributeValue.fromS(invited));

        String answer = lambda.invoke(b -> b.functionName(LocalStack.RECONCILE_FUNCTION_LOGICAL_ID))
                .payload()
                .asUtf8String();
        // What it finds depends on what the other tests left in this shared stack; that it ran is the point here.
        assertThat(answer).contains("\"event\":\"reconcile\"", "\"Checked\":");
    }

    @Test
    void signUpAndConfirmStoreExactlyOneProfileWithTheUsersAttributes() {
        String email = newEmail();
        String sub = signUp(email, "Grace");
        assertThat(Profiles.item(stack, sub)).as("nothing before confirmation").isEmpty();

        confirm(email);

        Map<String, AttributeValue> item = Profiles.item(stack, sub);
        assertThat(item.get("email").s()).isEqualTo(email);
        assertThat(item.get("givenName").s()).isEqualTo("Grace");
        assertThat(item.get("familyName").s()).isEqualTo("Tester");
        assertThat(itemsFor(sub)).isEqualTo(1);
    }

    @Test
    void anAdministratorsConfirmationStoresAProfile() {
        String email = newEmail();
        String sub = signUp(email, "Alan");

        cognito.adminConfirmSignUp(b -> b.userPoolId(stack.userPoolId()).username(email));

        assertThat(Profiles.item(stack, sub).get("givenName").s()).isEqualTo("Alan");
    }

    @Test
    void aPasswordResetLeavesTheProfileUnchanged() {
        String email = newEmail();
        String sub = signUp(email, "Barbara");
        confirm(email);
        Map<String, AttributeValue> before = Profiles.item(stack, sub);
        int invocationsBefore = FUNCTION_LOG.size();

        cognito.forgotPassword(b -> b.clientId(stack.clientId()).username(email));
        cognito.confirmForgotPassword(b -> b.clientId(stack.clientId())
                .username(email)
                .confirmationCode(stack.code())
                .password("Battery-Staple-7"));

        assertThat(Profiles.item(stack, sub)).isEqualTo(before);
        assertThat(FUNCTION_LOG.subList(invocationsBefore, FUNCTION_LOG.size()))
                .as("the trigger ran for the reset and found the profile")
                .anyMatch(line -> line.contains("PostConfirmation_ConfirmForgotPassword")
                        && line.contains("\"outcome\":\"ALREADY_REGISTERED\""));
    }

    /** An invited user: created by an administrator, never confirmed by a sign-up; PostConfirmation never runs. */
    private static String invite(String email, String givenName) {
        return cognito
                .adminCreateUser(b -> b.userPoolId(stack.userPoolId())
                        .username(email)
                        .temporaryPassword("Temporary-Pass-1")
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(
                                AttributeType.builder()
                                        .name("email")
                                        .value(email)
                                        .build(),
                                AttributeType.builder()
                                        .name("given_name")
                                        .value(givenName)
                                        .build()))
                .user()
                .attributes()
                .stream()
                .filter(a -> a.name().equals("sub"))
                .findFirst()
                .orElseThrow()
                .value();
    }

    /** A first sign-in with the temporary password, answering NEW_PASSWORD_REQUIRED; returns the ID token. */
    private static String firstSignIn(String email) {
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(stack.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", "Temporary-Pass-1")));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        return cognito.respondToAuthChallenge(b -> b.clientId(stack.clientId())
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(challenge.session())
                        .challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", PASSWORD)))
                .authenticationResult()
                .idToken();
    }

    private static String signIn(String email) {
        return cognito.initiateAuth(b -> b.clientId(stack.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))
                .authenticationResult()
                .idToken();
    }

    @Test
    void anInvitedUserGetsOneProfileAtTheirFirstSignInAndLaterSignInsChangeNothing() {
        String email = newEmail();
        String sub = invite(email, "Ines");
        assertThat(itemsFor(sub)).as("PostConfirmation never ran").isZero();

        assertThat(firstSignIn(email)).isNotBlank();

        Map<String, AttributeValue> profile = Profiles.item(stack, sub);
        assertThat(profile.get("givenName").s()).isEqualTo("Ines");
        assertThat(itemsFor(sub)).isEqualTo(1);

        assertThat(signIn(email)).isNotBlank();
        assertThat(Profiles.item(stack, sub)).isEqualTo(profile);
        assertThat(itemsFor(sub)).isEqualTo(1);
    }

    @Test
    void aSignInWhileTheTableIsGoneStillSucceedsAndTheNextSignInAfterwardsHeals() {
        String email = newEmail();
        String sub = invite(email, "Otto");
        int invocationsBefore = FUNCTION_LOG.size();
        stack.dynamoDb().deleteTable(b -> b.tableName(LocalStack.TABLE_NAME));
        try {
            assertThat(firstSignIn(email)).as("the sign-in itself succeeds").isNotBlank();
            assertThat(FUNCTION_LOG.subList(invocationsBefore, FUNCTION_LOG.size()))
                    .as("the function answered, logging the failure and letting the sign-in through")
                    .anyMatch(line -> line.contains("\"userLetThrough\":true")
                            && line.contains("PostAuthentication_Authentication"))
                    .noneMatch(line -> line.contains("TriggerFailedException"));
        } finally {
            TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), LocalTables.TABLE_LOGICAL_ID)
                    .create(stack.dynamoDb(), LocalStack.TABLE_NAME);
        }

        assertThat(signIn(email)).isNotBlank();

        assertThat(Profiles.item(stack, sub).get("givenName").s()).isEqualTo("Otto");
    }

    private static java.net.http.HttpResponse<String> getMe(String authorization) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.apiEndpoint() + "/me"))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theProfileApiServesTheCallerWithARealTokenAndRefusesEveryOtherToken() throws Exception {
        String email = newEmail();
        String sub = signUp(email, "Grace");
        confirm(email);
        var tokens = cognito.initiateAuth(b -> b.clientId(stack.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))
                .authenticationResult();

        var withAccess = getMe("Bearer " + tokens.accessToken());
        var withId = getMe("Bearer " + tokens.idToken());
        assertThat(withAccess.statusCode()).isEqualTo(200);
        assertThat(withAccess.body()).contains("\"userId\":\"" + sub + "\"", "\"givenName\":\"Grace\"");
        assertThat(withAccess.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(withId.statusCode())
                .as("ID tokens carry no scope: the gateway refuses them (ADR 0015)")
                .isEqualTo(403);

        assertThat(getMe(null).statusCode()).as("no token").isEqualTo(401);
        assertThat(getMe("Bearer not.a.token").statusCode()).isEqualTo(401);
        String[] parts = tokens.accessToken().split("\\.");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(
                                        java.util.Base64.getUrlDecoder().decode(parts[1]),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .replace(sub, "00000000-0000-4000-8000-00000000abcd")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(getMe("Bearer " + tampered).statusCode())
                .as("a changed sub breaks the signature")
                .isEqualTo(401);

        String otherPool = cognito.createUserPool(b -> b.poolName("other-" + UUID.randomUUID()))
                .userPool()
                .id();
        String otherClient = cognito.createUserPoolClient(
                        b -> b.userPoolId(otherPool).clientName("other"))
                .userPoolClient()
                .clientId();
        String otherEmail = newEmail();
        cognito.signUp(b -> b.clientId(otherClient)
                .username(otherEmail)
                .password(PASSWORD)
                .userAttributes(
                        AttributeType.builder().name("email").value(otherEmail).build()));
        cognito.adminConfirmSignUp(b -> b.userPoolId(otherPool).username(otherEmail));
        String foreign = cognito.initiateAuth(b -> b.clientId(otherClient)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", otherEmail, "PASSWORD", PASSWORD)))
                .authenticationResult()
                .accessToken();
        assertThat(getMe("Bearer " + foreign).statusCode())
                .as("a token of another pool")
                .isEqualTo(401);

        String otherClientOfThePool = cognito.createUserPoolClient(
                        b -> b.userPoolId(stack.userPoolId()).clientName("another-app"))
                .userPoolClient()
                .clientId();
        String wrongAudience = cognito.initiateAuth(b -> b.clientId(otherClientOfThePool)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))
                .authenticationResult()
                .accessToken();
        assertThat(getMe("Bearer " + wrongAudience).statusCode())
                .as("a token for another app client")
                .isEqualTo(401);
        // An expired token is refused too: PoolTokenVerifierTest signs one, as cognito-local cannot issue it.
    }

    @Test
    void aSecondUserGetsTheirOwnProfile() {
        String first = newEmail();
        String second = newEmail();
        String firstSub = signUp(first, "Ada");
        String secondSub = signUp(second, "Edsger");

        confirm(first);
        confirm(second);

        assertThat(Profiles.item(stack, firstSub).get("givenName").s()).isEqualTo("Ada");
        assertThat(Profiles.item(stack, secondSub).get("givenName").s()).isEqualTo("Edsger");
        assertThat(itemsFor(firstSub) + itemsFor(secondSub)).isEqualTo(2);
    }

    @Test
    void aHandlerFailureIsALambdaFunctionErrorAtTheInvokeEndpoint() {
        stack.dynamoDb().deleteTable(b -> b.tableName(LocalStack.TABLE_NAME));
        try {
            InvokeResponse response = lambda.invoke(b -> b.functionName(stack.functionName())
                    .payload(SdkBytes.fromUtf8String(LambdaRuntimeJson.sampleEventJson("sign-up.json"))));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            String payload = response.payload().asUtf8String();
            assertThat(payload)
                    .containsPattern("\"errorMessage\":\"Your account could not be set up because of a temporary "
                            + "problem\\. Reference: [0-9a-f-]{36}\"")
                    .contains("\"errorType\":\"dev.userprofile.adapters.cognito.trigger.TriggerFailedException\"");
            assertThat(payload.replaceAll("\"stackTrace\":\\[[^\\]]*\\]", ""))
                    .as("what Cognito may show names nothing internal")
                    .doesNotContain(LocalStack.TABLE_NAME, "DynamoDB", "PutItem", "ResourceNotFound");
        } finally {
            TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), LocalTables.TABLE_LOGICAL_ID)
                    .create(stack.dynamoDb(), LocalStack.TABLE_NAME);
        }
    }

    @Test
    void theInvokeEndpointReturnsTheEventAsTheRuntimeSerialisesIt() {
        String event = LambdaRuntimeJson.sampleEventJson("federated-first-sign-in.json");

        InvokeResponse response =
                lambda.invoke(b -> b.functionName(stack.functionName()).payload(SdkBytes.fromUtf8String(event)));

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String())
                .isEqualTo(LambdaRuntimeJson.toJson(LambdaRuntimeJson.fromJson(event)));
        assertThat(Profiles.item(stack, "c0ffee00-1234-4abc-8def-0123456789ab")
                        .get("identityProvider")
                        .s())
                .isEqualTo("Google");
    }

    @Test
    void theSameInvokeEndpointServesTheProfileApiFunction() {
        InvokeResponse response = lambda.invoke(b -> b.functionName(LocalStack.API_FUNCTION_LOGICAL_ID)
                .payload(SdkBytes.fromUtf8String(LambdaRuntimeJson.sampleEventJson("api-get-me.json")
                        .replace("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21", "0a0a0a0a-0000-4000-8000-00000000abcd"))));

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).contains("\"statusCode\":404");
    }

    @Test
    void anUnknownFunctionIsNotFound() {
        assertThatThrownBy(() ->
                        lambda.invoke(b -> b.functionName("NoSuchFunction").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aPortInUseIsReportedClearlyAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LocalStack.Options options = new LocalStack.Options(0, port, 0, 0, Optional.empty(), "123456");

            assertThatThrownBy(() -> LocalStack.start(options, line -> {}, line -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use; choose another");
        }
    }

    @Test
    void withAPathTheUsersAndProfilesOutliveTheStack(@TempDir Path data) {
        LocalStack.Options keep = new LocalStack.Options(0, 0, 0, 0, Optional.of(data), "123456");
        String email = newEmail();
        String sub;
        String poolId;
        try (LocalStack first = LocalStack.start(keep, line -> {}, line -> {})) {
            poolId = first.userPoolId();
            sub = first.cognito()
                    .signUp(b -> b.clientId(first.clientId())
                            .username(email)
                            .password(PASSWORD)
                            .userAttributes(AttributeType.builder()
                                    .name("email")
                                    .value(email)
                                    .build()))
                    .userSub();
            first.cognito()
                    .confirmSignUp(
                            b -> b.clientId(first.clientId()).username(email).confirmationCode(first.code()));
        }

        try (LocalStack second = LocalStack.start(keep, line -> {}, line -> {})) {
            assertThat(second.userPoolId()).isEqualTo(poolId);
            assertThat(Profiles.item(second, sub).get("email").s()).isEqualTo(email);
            assertThat(second.cognito()
                            .adminGetUser(b -> b.userPoolId(poolId).username(email))
                            .username())
                    .isNotBlank();
        }
    }

    @Test
    void stoppingTheStackLeavesNothingListening() {
        // A second stack on two shared cores once took more than its 30 s to finish init: keep what it printed.
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        LocalStack other;
        try {
            other = LocalStack.start(LocalStack.Options.freePorts(), output::add, output::add);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "\n" + String.join("\n", output), e);
        }
        List<Integer> ports = List.of(
                other.dynamoDbEndpoint().getPort(),
                other.lambdaEndpoint().getPort(),
                other.cognitoEndpoint().getPort());
        assertThat(ports).allMatch(LoopbackPorts::isListening);

        other.close();

        assertThat(ports).noneMatch(LoopbackPorts::isListening).allMatch(LoopbackPorts::isFree);
    }
}
