package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.UserId;
import dev.userprofile.local.support.dynamodb.LocalTables;
import dev.userprofile.local.support.json.JsonValues;
import dev.userprofile.local.support.lambda.LambdaRuntimeJson;
import dev.userprofile.local.support.lambda.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The profile API's real handler, built by its real Dagger component from the environment, against dynalite; requests
 * and responses through the Lambda runtime's serialisation. Profiles are registered by the real trigger.
 */
@ExtendWith(SharedLocalTables.class)
class ProfileApiHandlerEndToEndTest {

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

    private static void signUpJane() {
        LocalFunctions.trigger(tables)
                .handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), new LocalLambdaContext());
    }

    static String request(String method, String sub, Map<String, String> headers, String body) {
        StringBuilder json = new StringBuilder("{\"version\":\"2.0\",\"rawPath\":\"/me\",\"headers\":{");
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> pairs.add("\"" + name + "\":\"" + value.replace("\"", "\\\"") + "\""));
        json.append(String.join(",", pairs))
                .append("},\"requestContext\":{\"http\":{\"method\":\"")
                .append(method)
                .append("\",\"path\":\"/me\"},\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"")
                .append(sub)
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
        ProfileApiHandler handler = LocalFunctions.api(tables);
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
                .doesNotContain("jane.doe");
    }

    @Test
    void ofConcurrentPatchesWithTheSameIfMatchExactlyOneSucceedsAndTheRestAre412() throws Exception {
        signUpJane();
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> patches = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            ProfileApiHandler environment = LocalFunctions.api(tables);
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
        ProfileApiHandler api = LocalFunctions.api(tables);
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
        ProfileApiHandler handler = LocalFunctions.api(tables);

        APIGatewayV2HTTPResponse got = invoke(handler, request("GET", JANE, Map.of(), null), new LocalLambdaContext());
        APIGatewayV2HTTPResponse patched = invoke(handler, patch("{\"givenName\":\"Back\"}"), new LocalLambdaContext());

        assertThat(got.getStatusCode()).isEqualTo(404);
        assertThat(got.getBody()).doesNotContain("jane.doe");
        assertThat(patched.getStatusCode()).isEqualTo(404);
        assertThat(tables.item(JANE)).isEqualTo(tombstone);
    }

    @Test
    void aPatchForAUserWithoutAProfileIs404AndCreatesNothing() {
        APIGatewayV2HTTPResponse response =
                invoke(LocalFunctions.api(tables), patch("{\"givenName\":\"Ghost\"}"), new LocalLambdaContext());

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
                });
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
    }

    @Test
    void aStoreFailureEndsTheApiPrimingStepInsteadOfBeingAnsweredRoundAfterRound() {
        Map<String, String> environment = new HashMap<>(tables.functionEnvironment(LocalFunctions.API));
        environment.put("TABLE_NAME", "no-such-table");
        Configuration missingTable = Configuration.fromEnvironment(environment);

        // Both steps fail: the API's own step sees the 503 as a failure, not as an answer to prime with.
        assertThat(ProfileApiComponent.create(missingTable).snapStartPriming().prime())
                .isEqualTo(2);
    }

    @Test
    void theComponentPrimesTheApiPathWithoutWriting() {
        ProfileApiComponent.create(LocalFunctions.apiConfiguration(tables))
                .snapStartPriming()
                .prime();

        assertThat(tables.itemCount()).isZero();
    }
}
