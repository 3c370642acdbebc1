package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.UserId;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.EmbeddedMetrics;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The profile API's real handler, built by its real Dagger component from the environment, against dynalite; requests
 * and responses through the Lambda runtime's serialisation. Profiles are registered by the real trigger.
 */
@ExtendWith({SharedLocalTables.class, SharedCognitoLocal.class})
class ProfileApiHandlerEndToEndTest {

    private static LocalTables tables;
    private static CognitoLocalServer cognitoLocal;
    private static CognitoIdentityProviderClient admin;
    /** Every Cognito call of the function passes it: it records them and can fail them. */
    private static FaultInjectingProxy cognitoFront;

    private static String poolId;

    @BeforeAll
    static void useTablesAndAPool(LocalTables shared, CognitoLocalServer sharedCognito) throws Exception {
        tables = shared;
        cognitoLocal = sharedCognito;
        admin = cognitoLocal.client();
        cognitoFront = new FaultInjectingProxy(cognitoLocal.endpoint());
        poolId = admin.createUserPool(b -> b.poolName("api-" + UUID.randomUUID()))
                .userPool()
                .id();
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cognitoFront.close();
    }

    private static ProfileApiHandler api() {
        return LocalFunctions.api(tables, poolId, cognitoFront.endpoint());
    }

    private static final String JANE = "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21";

    @BeforeEach
    void emptyTable() {
        tables.reset();
        cognitoFront.clear();
        cognitoFront.clearRequests();
    }

    private static void signUpJane() {
        LocalFunctions.trigger(tables)
                .handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), new LocalLambdaContext());
    }

    /** A request of the pool's access token for {@code sub} (user name {@code sub}), signed in a minute ago. */
    static String request(String method, String sub, Map<String, String> headers, String body) {
        return request(method, sub, sub, Instant.now().minusSeconds(60), headers, body);
    }

    static String request(
            String method, String sub, String username, Instant signedIn, Map<String, String> headers, String body) {
        StringBuilder json = new StringBuilder(
                "{\"version\":\"2.0\",\"routeKey\":\"" + method + " /me\",\"rawPath\":\"/me\",\"headers\":{");
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> pairs.add("\"" + name + "\":\"" + value.replace("\"", "\\\"") + "\""));
        json.append(String.join(",", pairs))
                .append("},\"requestContext\":{\"http\":{\"method\":\"")
                .append(method)
                .append("\",\"path\":\"/me\"},\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"")
                .append(sub)
                .append("\",\"token_use\":\"access\",\"scope\":\"aws.cognito.signin.user.admin\",\"username\":\"")
                .append(username)
                .append("\",\"auth_time\":\"")
                .append(signedIn.getEpochSecond())
                .append("\"}}}}");
        if (body != null) {
            json.append(",\"body\":\"").append(body.replace("\"", "\\\"")).append('"');
        }
        return json.append(",\"isBase64Encoded\":false}").toString();
    }

    private static APIGatewayV2HTTPResponse invoke(
            ProfileApiHandler handler, String eventJson, LocalLambdaContext context) {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(LambdaRuntimeJson.fromJson(eventJson, APIGatewayV2HTTPEvent.class), context);
        return LambdaRuntimeJson.fromJson(
                LambdaRuntimeJson.toJson(response, APIGatewayV2HTTPResponse.class), APIGatewayV2HTTPResponse.class);
    }

    private static String patch(String body) {
        return request("PATCH", JANE, Map.of("content-type", "application/merge-patch+json"), body);
    }

    @Test
    void readsTheProfileTheTriggerStoredAndChangesItWithOneConditionalWrite() {
        signUpJane();
        ProfileApiHandler handler = api();
        LocalLambdaContext context = new LocalLambdaContext();

        APIGatewayV2HTTPResponse got = invoke(handler, request("GET", JANE, Map.of(), null), context);
        APIGatewayV2HTTPResponse patched = invoke(
                handler,
                request(
                        "PATCH",
                        JANE,
                        Map.of("content-type", "application/merge-patch+json", "if-match", "\"1\""),
                        "{\"givenName\":\"Janet\",\"locale\":null}"),
                new LocalLambdaContext());

        assertThat(got.getStatusCode()).isEqualTo(200);
        assertThat(JsonValues.object(got.getBody()))
                .containsEntry("givenName", "Jane")
                .containsEntry("email", "jane.doe@example.com");
        assertThat(got.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(patched.getStatusCode()).isEqualTo(200);
        assertThat(patched.getHeaders()).containsEntry("ETag", "\"2\"");
        Map<String, AttributeValue> item = tables.item(JANE);
        assertThat(item.get("givenName").s()).isEqualTo("Janet");
        assertThat(item).doesNotContainKey("locale").containsKey("updatedAt");
        assertThat(item.get("version").n()).isEqualTo("2");
        assertThat(item.get("email").s()).isEqualTo("jane.doe@example.com");
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"event\":\"profile_api\"", "\"status\":200", "\"method\":\"GET\"")
                .doesNotContain("jane.doe", "_aws");
    }

    @Test
    void ofConcurrentPatchesWithTheSameIfMatchExactlyOneSucceedsAndTheRestAre412() throws Exception {
        signUpJane();
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> patches = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            ProfileApiHandler environment = api();
            String body = "{\"givenName\":\"Writer " + i + "\"}";
            patches.add(() -> {
                start.await();
                return invoke(
                                environment,
                                request(
                                        "PATCH",
                                        JANE,
                                        Map.of("content-type", "application/merge-patch+json", "if-match", "\"1\""),
                                        body),
                                new LocalLambdaContext())
                        .getStatusCode();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Integer>> results = patches.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        assertThat(tables.item(JANE).get("version").n()).isEqualTo("2");
    }

    @Test
    void aPatchRacingTheRegistrationNeverCreatesAProfileAndNeverLosesTheRegistration() throws Exception {
        ProfileApiHandler api = api();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> patch = pool.submit(() -> {
                start.await();
                return invoke(api, patch("{\"familyName\":\"Racer\"}"), new LocalLambdaContext())
                        .getStatusCode();
            });
            Future<?> registration = pool.submit(() -> {
                start.await();
                signUpJane();
                return null;
            });
            start.countDown();
            registration.get();
            int status = patch.get();

            Map<String, AttributeValue> item = tables.item(JANE);
            assertThat(item.get("email").s()).as("the registration is whole").isEqualTo("jane.doe@example.com");
            if (status == 404) {
                assertThat(item.get("familyName").s()).isEqualTo("Doe");
                assertThat(item.get("version").n()).isEqualTo("1");
            } else {
                assertThat(status).isEqualTo(200);
                assertThat(item.get("familyName").s()).isEqualTo("Racer");
                assertThat(item.get("version").n()).isEqualTo("2");
            }
        }
        assertThat(tables.itemCount()).isEqualTo(1);
    }

    @Test
    void anErasedProfileIsNeverServedNorBroughtBackByAPatch() {
        signUpJane();
        new DynamoDbUserRepository(DynamoDbClients.enhanced(tables.client()), tables.tableName())
                .erase(Erasure.of(
                        new UserId(JANE),
                        Instant.parse("2026-12-01T08:00:00Z"),
                        ErasureReason.DELETED_FROM_POOL,
                        Duration.ofDays(30)));
        Map<String, AttributeValue> tombstone = tables.item(JANE);
        ProfileApiHandler handler = api();

        APIGatewayV2HTTPResponse got = invoke(handler, request("GET", JANE, Map.of(), null), new LocalLambdaContext());
        APIGatewayV2HTTPResponse patched = invoke(handler, patch("{\"givenName\":\"Back\"}"), new LocalLambdaContext());

        assertThat(got.getStatusCode()).as("gone for good").isEqualTo(410);
        assertThat(got.getBody()).doesNotContain("jane.doe");
        assertThat(patched.getStatusCode()).isEqualTo(410);
        assertThat(tables.item(JANE)).isEqualTo(tombstone);
    }

    @Test
    void aPatchForAUserWithoutAProfileIs404AndCreatesNothing() {
        APIGatewayV2HTTPResponse response = invoke(api(), patch("{\"givenName\":\"Ghost\"}"), new LocalLambdaContext());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(tables.itemCount()).isZero();
    }

    @Test
    void aFailureTheAdapterDoesNotExpectIsA500NamingOnlyTheRequestIdWithTheDetailsInTheLog() {
        ProfileApi broken = new ProfileApi(
                id -> {
                    throw new IllegalArgumentException("jane.doe@example.com broke it");
                },
                command -> {
                    throw new AssertionError("unused");
                },
                Optional.empty());
        LocalLambdaContext context = new LocalLambdaContext();

        APIGatewayV2HTTPResponse response =
                invoke(new ProfileApiHandler(broken, Clock.systemUTC()), request("GET", JANE, Map.of(), null), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(JsonValues.object(response.getBody()))
                .containsEntry("detail", "Reference: " + context.getAwsRequestId());
        assertThat(response.getBody()).doesNotContain("jane.doe", "IllegalArgument");
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"ERROR\"",
                        "\"status\":500",
                        "\"errorType\":\"java.lang.IllegalArgumentException\"",
                        "\"stackTrace\":[",
                        "ProfileApiHandlerEndToEndTest")
                .doesNotContain("jane.doe");
        assertThat(JsonValues.object(context.logLines().getFirst())).containsEntry("ServerErrors", 1L);
        assertThat(EmbeddedMetrics.names(context.logLines().getFirst())).isEqualTo(ApiInvocation.METRIC_NAMES);
    }

    @Test
    void aStoreFailureEndsTheApiPrimingStepInsteadOfBeingAnsweredRoundAfterRound() {
        Map<String, String> environment =
                new HashMap<>(LocalFunctions.apiEnvironment(tables, poolId, cognitoFront.endpoint()));
        environment.put("TABLE_NAME", "no-such-table");

        // Both steps fail: the API's own step sees the 503 as a failure, not as an answer to prime with.
        assertThat(ProfileApiComponent.create(environment).snapStartPriming().prime())
                .isEqualTo(2);
    }

    @Test
    void theComponentPrimesTheApiPathWithoutWriting() {
        int failedSteps = ProfileApiComponent.create(
                        LocalFunctions.apiEnvironment(tables, poolId, cognitoFront.endpoint()))
                .snapStartPriming()
                .prime();

        assertThat(failedSteps).as("every step, the lifecycle rehearsal too").isZero();
        assertThat(tables.itemCount()).isZero();
        assertThat(cognitoFront.operations())
                .as("a few reads: of a sub nobody has, and of one user; no write, no deletion")
                .hasSize(2 * Priming.REQUEST_ROUNDS)
                .containsOnly("ListUsers");
    }

    /** A confirmed user of the pool; their user name is their email. */
    private static String[] poolUser() {
        String email = "api-" + UUID.randomUUID() + "@example.com";
        return new String[] {PoolUsers.confirmed(admin, poolId, email), email};
    }

    private static APIGatewayV2HTTPResponse send(String method, String[] user, Instant signedIn) {
        return invoke(api(), request(method, user[0], user[1], signedIn, Map.of(), null), new LocalLambdaContext());
    }

    private static boolean inPool(String username) {
        try {
            admin.adminGetUser(b -> b.userPoolId(poolId).username(username));
            return true;
        } catch (UserNotFoundException gone) {
            return false;
        }
    }

    @Test
    void aCallerWithoutAProfileWhomThePoolHasIsRegisteredByTheirFirstGet() {
        String[] user = poolUser();

        APIGatewayV2HTTPResponse got = send("GET", user, Instant.now());

        assertThat(got.getStatusCode()).isEqualTo(200);
        assertThat(JsonValues.object(got.getBody())).containsEntry("email", user[1]);
        assertThat(tables.item(user[0])).containsKey("registeredAt");
        assertThat(cognitoFront.operations()).containsExactly("ListUsers");
    }

    @Test
    void aCallerThePoolDoesNotHaveIs404AndNothingIsStored() {
        String[] stranger = {UUID.randomUUID().toString(), "stranger"};

        APIGatewayV2HTTPResponse got = send("GET", stranger, Instant.now());

        assertThat(got.getStatusCode()).isEqualTo(404);
        assertThat(tables.itemCount()).isZero();
    }

    @Test
    void aCallerWithoutAProfileWhileCognitoIsDownIs503WithRetryAfter() {
        String[] user = poolUser();
        cognitoFront.failAlways(FaultInjectingProxy.Fault.SERVICE_UNAVAILABLE_503);

        APIGatewayV2HTTPResponse got = send("GET", user, Instant.now());

        assertThat(got.getStatusCode()).isEqualTo(503);
        assertThat(got.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(got.getBody()).doesNotContain(poolId, "ListUsers", "Cognito");
        assertThat(tables.itemCount()).isZero();
    }

    @Test
    void aDisabledCallerIsRefusedWith403() {
        String[] user = poolUser();
        admin.adminDisableUser(b -> b.userPoolId(poolId).username(user[1]));

        APIGatewayV2HTTPResponse got = send("GET", user, Instant.now());
        APIGatewayV2HTTPResponse deleted = send("DELETE", user, Instant.now());

        assertThat(got.getStatusCode()).isEqualTo(403);
        assertThat(JsonValues.object(got.getBody()))
                .containsEntry("type", "urn:user-profile-service:problem:account-disabled");
        assertThat(deleted.getStatusCode()).isEqualTo(403);
        assertThat(inPool(user[1])).isTrue();
    }

    @Test
    void aDeleteAfterAFreshSignInRemovesThePoolsUserAndLeavesATombstoneAndARepeatIs204() {
        String[] user = poolUser();
        assertThat(send("GET", user, Instant.now()).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse deleted = send("DELETE", user, Instant.now().minusSeconds(30));
        APIGatewayV2HTTPResponse again = send("DELETE", user, Instant.now().minusSeconds(30));

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(again.getStatusCode()).isEqualTo(204);
        assertThat(inPool(user[1])).isFalse();
        assertThat(tables.item(user[0]).keySet())
                .containsExactlyInAnyOrder("userId", "erasedAt", "erasureReason", "expiresAt");
        assertThat(tables.item(user[0]).get("erasureReason").s()).isEqualTo("DELETED_BY_USER");
        assertThat(send("GET", user, Instant.now()).getStatusCode()).isEqualTo(410);
    }

    @Test
    void aDeleteWithAStaleSignInIs401AndDeletesNothing() {
        String[] user = poolUser();
        send("GET", user, Instant.now());

        APIGatewayV2HTTPResponse stale = send("DELETE", user, Instant.now().minusSeconds(301));

        assertThat(stale.getStatusCode()).isEqualTo(401);
        assertThat(stale.getHeaders().get("WWW-Authenticate")).contains("insufficient_user_authentication");
        assertThat(inPool(user[1])).isTrue();
        assertThat(tables.item(user[0])).containsKey("email");
    }

    @Test
    void aDeleteWhileCognitoIsDownIs503AndTheProfileIsKept() {
        String[] user = poolUser();
        send("GET", user, Instant.now());
        cognitoFront.failAlways(FaultInjectingProxy.Fault.INTERNAL_SERVER_ERROR_500);

        APIGatewayV2HTTPResponse deleted = send("DELETE", user, Instant.now());

        assertThat(deleted.getStatusCode()).isEqualTo(503);
        assertThat(deleted.getHeaders()).containsEntry("Retry-After", "1");
        cognitoFront.clear();
        assertThat(inPool(user[1])).isTrue();
        assertThat(tables.item(user[0])).containsKey("email");
    }

    @Test
    void aDeleteWhoseErasureFailsStillSucceedsAndTheUserIsGoneFromThePool() {
        String[] user = poolUser();
        send("GET", user, Instant.now());
        tables.front().failAlways(FaultInjectingProxy.Fault.INTERNAL_SERVER_ERROR_500, "PutItem");

        APIGatewayV2HTTPResponse deleted = send("DELETE", user, Instant.now());

        tables.front().clear();
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(inPool(user[1])).isFalse();
        assertThat(tables.item(user[0]))
                .as("left for the event or the reconcile")
                .containsKey("email");
    }

    @Test
    void anIdTokenIsRefusedWith401() {
        signUpJane();
        String idToken =
                request("GET", JANE, Map.of(), null).replace("\"token_use\":\"access\"", "\"token_use\":\"id\"");

        APIGatewayV2HTTPResponse got = invoke(api(), idToken, new LocalLambdaContext());

        assertThat(got.getStatusCode()).isEqualTo(401);
        assertThat(got.getBody()).doesNotContain("jane.doe");
    }

    @Test
    void aStagePrefixInThePathIsServedByItsRoute() {
        signUpJane();
        String staged = request("GET", JANE, Map.of(), null).replace("\"rawPath\":\"/me\"", "\"rawPath\":\"/prod/me\"");

        APIGatewayV2HTTPResponse got = invoke(api(), staged, new LocalLambdaContext());

        assertThat(got.getStatusCode()).isEqualTo(200);
    }

    @Test
    void theStoreDownIs503WithAProblemNamingNoTableOnGetAndPatch() {
        signUpJane();
        tables.front().failAlways(FaultInjectingProxy.Fault.SERVICE_UNAVAILABLE_503);
        try {
            for (String event : List.of(request("GET", JANE, Map.of(), null), patch("{\"givenName\":\"X\"}"))) {
                APIGatewayV2HTTPResponse response = invoke(api(), event, new LocalLambdaContext());

                assertThat(response.getStatusCode()).isEqualTo(503);
                assertThat(response.getHeaders())
                        .containsEntry("Retry-After", "1")
                        .containsEntry("Content-Type", "application/problem+json");
                assertThat(response.getBody()).doesNotContain(tables.tableName(), "DynamoDB", "GetItem", "table");
            }
        } finally {
            tables.front().clear();
        }
    }
}
