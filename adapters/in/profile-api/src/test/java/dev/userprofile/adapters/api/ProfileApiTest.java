package dev.userprofile.adapters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import dev.userprofile.local.support.json.JsonValues;
import dev.userprofile.local.support.lambda.LambdaRuntimeJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API's contract, request by request: events as API Gateway sends them (payload 2.0, JWT claims), read by the
 * Lambda runtime's own serialiser; the use cases on an in-memory store.
 */
class ProfileApiTest {

    private static final String ANN = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final Instant REGISTERED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00.123Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final ProfileApi api = new ProfileApi(
            new GetProfileService(users), new UpdateProfileService(users, users, Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeEach
    void registerAnn() {
        users.addIfAbsent(User.register(
                new UserId(ANN),
                UserProfile.builder()
                        .email(VerifiableEmail.of("ann@example.com", true))
                        .phone(VerifiablePhone.of("+447700900123", false))
                        .givenName(new Name("Ann"))
                        .locale(new LanguageTag("en-GB"))
                        .identityProvider(new IdentityProvider("Google"))
                        .build(),
                REGISTERED));
    }

    /** An HTTP API request as API Gateway sends it to the function, through the runtime's deserialiser. */
    static String request(
            String method, String path, String sub, Map<String, String> headers, String body, boolean base64) {
        StringBuilder json = new StringBuilder("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"")
                .append(path)
                .append("\",\"rawQueryString\":\"\",\"headers\":{");
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> pairs.add(quote(name) + ":" + quote(value)));
        json.append(String.join(",", pairs))
                .append("},\"requestContext\":{\"accountId\":\"123456789012\","
                        + "\"apiId\":\"api\",\"domainName\":\"api.example.com\",\"http\":{\"method\":\"")
                .append(method)
                .append("\",\"path\":\"")
                .append(path)
                .append("\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"192.0.2.1\","
                        + "\"userAgent\":\"test\"},\"requestId\":\"r1\",\"routeKey\":\"$default\",\"stage\":\"$default\","
                        + "\"time\":\"30/Nov/2026:10:00:00 +0000\",\"timeEpoch\":1796032800000");
        if (sub != null) {
            json.append(",\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":")
                    .append(quote(sub))
                    .append(",\"token_use\":\"access\"},\"scopes\":null}}");
        }
        json.append("}");
        if (body != null) {
            json.append(",\"body\":")
                    .append(quote(
                            base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body));
        }
        return json.append(",\"isBase64Encoded\":").append(base64).append("}").toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private APIGatewayV2HTTPResponse send(String eventJson) {
        APIGatewayV2HTTPResponse response =
                api.handle(LambdaRuntimeJson.fromJson(eventJson, APIGatewayV2HTTPEvent.class), "req-1");
        // What the runtime sends back must serialise too.
        assertThat(LambdaRuntimeJson.toJson(response, APIGatewayV2HTTPResponse.class))
                .contains("statusCode");
        return response;
    }

    private APIGatewayV2HTTPResponse patch(String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("content-type", ProfileApi.MERGE_PATCH));
        headers.putAll(extraHeaders);
        return send(request("PATCH", "/me", ANN, headers, body, false));
    }

    @Test
    void getReturnsTheCallersProfileWithTheStoredFieldNamesAndAStrongETag() {
        APIGatewayV2HTTPResponse response = send(request("GET", "/me", ANN, Map.of(), null, false));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("ETag", "\"1\"")
                .containsEntry("Cache-Control", "no-store");
        assertThat(JsonValues.object(response.getBody()))
                .isEqualTo(Map.of(
                        "userId",
                        ANN,
                        "email",
                        "ann@example.com",
                        "emailVerified",
                        true,
                        "phoneNumber",
                        "+447700900123",
                        "phoneNumberVerified",
                        false,
                        "givenName",
                        "Ann",
                        "locale",
                        "en-GB",
                        "identityProvider",
                        "Google",
                        "registeredAt",
                        "2026-01-02T03:04:05.678Z"));
    }

    @Test
    void aPatchChangesTheEditableFieldsAndAnswersWithTheWholeProfileAndItsNewETag() {
        APIGatewayV2HTTPResponse response = patch(
                "{\"givenName\":\"Annie\",\"familyName\":\"Smith\"," + "\"locale\":null}", Map.of("if-match", "\"1\""));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        Map<String, Object> body = JsonValues.object(response.getBody());
        assertThat(body)
                .containsEntry("givenName", "Annie")
                .containsEntry("familyName", "Smith")
                .containsEntry("updatedAt", "2026-11-30T10:00:00.123Z")
                .containsEntry("email", "ann@example.com")
                .doesNotContainKey("locale");
        assertThat(users.findById(new UserId(ANN)).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void anEmptyPatchIs200AndChangesNothing() {
        User before = users.findById(new UserId(ANN)).orElseThrow();

        APIGatewayV2HTTPResponse response = patch("{}", Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(users.findById(new UserId(ANN))).contains(before);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        patch("{\"givenName\":\"Annie\"}", Map.of());
        User before = users.findById(new UserId(ANN)).orElseThrow();

        APIGatewayV2HTTPResponse response = patch("{\"givenName\":\"Late\"}", Map.of("if-match", "\"1\""));

        assertProblem(response, 412, "precondition-failed");
        assertThat(users.findById(new UserId(ANN))).contains(before);
        assertThat(patch("{\"givenName\":\"Anna\"}", Map.of("if-match", "\"7\", \"2\""))
                        .getStatusCode())
                .as("a list naming the current version matches")
                .isEqualTo(200);
        assertThat(patch("{\"givenName\":\"Any\"}", Map.of("if-match", "*")).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void theCallerWithoutAProfileGets404OnBothMethodsAndNothingIsCreated() {
        String stranger = "9b2c3f4e-0000-4000-8000-000000000001";

        assertProblem(send(request("GET", "/me", stranger, Map.of(), null, false)), 404, "no-profile");
        assertProblem(
                send(request(
                        "PATCH",
                        "/me",
                        stranger,
                        Map.of("content-type", ProfileApi.MERGE_PATCH),
                        "{\"givenName\":\"X\"}",
                        false)),
                404,
                "no-profile");
        assertThat(users.exists(new UserId(stranger))).isFalse();
    }

    @Test
    void aBase64BodyIsReadAsApiGatewayEncodesIt() {
        APIGatewayV2HTTPResponse response = send(request(
                "PATCH",
                "/me",
                ANN,
                Map.of("content-type", "application/merge-patch+json; charset=utf-8"),
                "{\"displayName\":\"Ann Z\u00f6e\"}",
                true));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JsonValues.object(response.getBody())).containsEntry("displayName", "Ann Z\u00f6e");
    }

    record Bad(String name, String event, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad patchBad(String name, String body, int status, String type) {
        return new Bad(
                name,
                request("PATCH", "/me", ANN, Map.of("content-type", ProfileApi.MERGE_PATCH), body, false),
                status,
                type);
    }

    static List<Bad> badRequests() {
        String longName = "n".repeat(2_049);
        return List.of(
                new Bad("no claims", request("GET", "/me", null, Map.of(), null, false), 401, "unauthenticated"),
                new Bad("blank sub", request("GET", "/me", " ", Map.of(), null, false), 401, "unauthenticated"),
                new Bad(
                        "sub with a space",
                        request("GET", "/me", "a b", Map.of(), null, false),
                        401,
                        "unauthenticated"),
                new Bad(
                        "patch without claims",
                        request("PATCH", "/me", null, Map.of("content-type", ProfileApi.MERGE_PATCH), "{}", false),
                        401,
                        "unauthenticated"),
                new Bad("another path", request("GET", "/users/" + ANN, ANN, Map.of(), null, false), 404, "not-found"),
                new Bad("the root", request("GET", "/", ANN, Map.of(), null, false), 404, "not-found"),
                new Bad("PUT", request("PUT", "/me", ANN, Map.of(), "{}", false), 405, "method-not-allowed"),
                new Bad("DELETE", request("DELETE", "/me", ANN, Map.of(), null, false), 405, "method-not-allowed"),
                new Bad("POST", request("POST", "/me", ANN, Map.of(), "{}", false), 405, "method-not-allowed"),
                new Bad(
                        "no content type",
                        request("PATCH", "/me", ANN, Map.of(), "{}", false),
                        415,
                        "unsupported-media-type"),
                new Bad(
                        "plain JSON",
                        request("PATCH", "/me", ANN, Map.of("content-type", "application/json"), "{}", false),
                        415,
                        "unsupported-media-type"),
                new Bad(
                        "JSON patch",
                        request(
                                "PATCH",
                                "/me",
                                ANN,
                                Map.of("content-type", "application/json-patch+json"),
                                "[]",
                                false),
                        415,
                        "unsupported-media-type"),
                new Bad(
                        "a body over 16 KiB",
                        request(
                                "PATCH",
                                "/me",
                                ANN,
                                Map.of("content-type", ProfileApi.MERGE_PATCH),
                                "{\"displayName\":\"" + "x".repeat(17_000) + "\"}",
                                false),
                        413,
                        "too-large"),
                patchBad("malformed JSON", "{\"givenName\":", 400, "invalid-request"),
                patchBad("not JSON", "given name please", 400, "invalid-request"),
                patchBad("an array", "[{\"givenName\":\"A\"}]", 400, "invalid-request"),
                patchBad("a string", "\"Annie\"", 400, "invalid-request"),
                patchBad("null", "null", 400, "invalid-request"),
                patchBad("no body", null, 400, "invalid-request"),
                patchBad("two objects", "{}{}", 400, "invalid-request"),
                patchBad("duplicate field", "{\"givenName\":\"A\",\"givenName\":\"B\"}", 400, "invalid-request"),
                patchBad("unknown field", "{\"nickname\":\"Annie\"}", 400, "invalid-field"),
                patchBad("email is Cognito's", "{\"email\":\"new@example.com\"}", 400, "invalid-field"),
                patchBad("emailVerified", "{\"emailVerified\":true}", 400, "invalid-field"),
                patchBad("phoneNumber", "{\"phoneNumber\":\"+15550100000\"}", 400, "invalid-field"),
                patchBad("identityProvider", "{\"identityProvider\":\"Evil\"}", 400, "invalid-field"),
                patchBad("userId", "{\"userId\":\"someone-else\"}", 400, "invalid-field"),
                patchBad("registeredAt", "{\"registeredAt\":\"2000-01-01T00:00:00Z\"}", 400, "invalid-field"),
                patchBad("version", "{\"version\":99}", 400, "invalid-field"),
                patchBad("a number for a name", "{\"givenName\":42}", 400, "invalid-field"),
                patchBad("an object for a name", "{\"familyName\":{\"first\":\"A\"}}", 400, "invalid-field"),
                patchBad("a boolean for the locale", "{\"locale\":true}", 400, "invalid-field"),
                patchBad("a blank name", "{\"givenName\":\"   \"}", 400, "invalid-field"),
                patchBad("an over-long name", "{\"displayName\":\"" + longName + "\"}", 400, "invalid-field"),
                patchBad("a control character", "{\"givenName\":\"A\\u0007B\"}", 400, "invalid-field"),
                patchBad("a locale that is no tag", "{\"locale\":\"en_US.UTF-8\"}", 400, "invalid-field"),
                patchBad(
                        "a valid field then an invalid one",
                        "{\"givenName\":\"Ok\",\"email\":\"x@y.z\"}",
                        400,
                        "invalid-field"),
                new Bad(
                        "a weak If-Match",
                        request(
                                "PATCH",
                                "/me",
                                ANN,
                                Map.of("content-type", ProfileApi.MERGE_PATCH, "if-match", "W/\"1\""),
                                "{\"givenName\":\"A\"}",
                                false),
                        412,
                        "precondition-failed"),
                new Bad(
                        "a garbage If-Match",
                        request(
                                "PATCH",
                                "/me",
                                ANN,
                                Map.of("content-type", ProfileApi.MERGE_PATCH, "if-match", "yesterday"),
                                "{\"givenName\":\"A\"}",
                                false),
                        412,
                        "precondition-failed"),
                new Bad(
                        "bad base64",
                        request("PATCH", "/me", ANN, Map.of("content-type", ProfileApi.MERGE_PATCH), "###", false)
                                .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true"),
                        400,
                        "invalid-request"),
                new Bad(
                        "malformed UTF-8",
                        request("PATCH", "/me", ANN, Map.of("content-type", ProfileApi.MERGE_PATCH), "BODY", false)
                                .replace(
                                        "\"BODY\"",
                                        "\""
                                                + Base64.getEncoder().encodeToString(new byte[] {
                                                    '{',
                                                    '"',
                                                    'g',
                                                    'i',
                                                    'v',
                                                    'e',
                                                    'n',
                                                    'N',
                                                    'a',
                                                    'm',
                                                    'e',
                                                    '"',
                                                    ':',
                                                    '"',
                                                    'A',
                                                    (byte) 0xC3,
                                                    '"',
                                                    '}'
                                                })
                                                + "\"")
                                .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true"),
                        400,
                        "invalid-request"));
    }

    @Test
    void theKeepAliveIsAnsweredWithoutTouchingTheStore() {
        ProfileApi guarded = new ProfileApi(
                id -> {
                    throw new AssertionError("no read");
                },
                command -> {
                    throw new AssertionError("no write");
                });

        APIGatewayV2HTTPResponse response = guarded.handle(
                LambdaRuntimeJson.fromJson(
                        "{\"routeKey\":\"" + ProfileApi.KEEP_ALIVE_ROUTE + "\"}", APIGatewayV2HTTPEvent.class),
                "r");

        assertThat(response.getStatusCode()).isEqualTo(204);
    }

    @Test
    void warmingUpReadsThroughEveryLayerAndWritesNothing() {
        int writesBefore = users.writeAttempts();
        int lookupsBefore = users.lookups();

        api.warmUp();

        assertThat(users.lookups() - lookupsBefore)
                .as("the GET's read and the PATCH's")
                .isGreaterThanOrEqualTo(2);
        assertThat(users.writeAttempts()).as("not even a refused write").isEqualTo(writesBefore);
    }

    @Test
    void warmingUpFailsWhenTheStoreIsDownRatherThanCountingA503AsAnAnswer() {
        ProfileApi down = new ProfileApi(
                id -> {
                    throw new UserRepositoryUnavailableException("store down", null);
                },
                command -> {
                    throw new AssertionError("no write");
                });

        assertThatThrownBy(down::warmUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("503");
    }

    @Test
    void thereAreAtLeastThirtyBadRequests() {
        assertThat(badRequests()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void eachBadRequestHasItsStatusAndProblemTypeNamesNoValueAndWritesNothing(Bad bad) {
        User before = users.findById(new UserId(ANN)).orElseThrow();
        int writesBefore = users.writeAttempts();

        APIGatewayV2HTTPResponse response = send(bad.event());

        assertProblem(response, bad.status(), bad.type());
        assertThat(response.getBody())
                .doesNotContain(
                        "new@example.com", "someone-else", "Annie", "Evil", "+15550100000", "yesterday", "en_US");
        assertThat(users.findById(new UserId(ANN))).contains(before);
        assertThat(users.writeAttempts()).isEqualTo(writesBefore);
        if (bad.status() == 405) {
            assertThat(response.getHeaders()).containsEntry("Allow", "GET, PATCH");
        }
        if (bad.status() == 415) {
            assertThat(response.getHeaders()).containsEntry("Accept-Patch", ProfileApi.MERGE_PATCH);
        }
    }

    @Test
    void aRejectedFieldIsNamedWithItsRule() {
        assertThat(JsonValues.object(patch("{\"email\":\"x@y.z\"}", Map.of()).getBody())
                        .get("detail"))
                .isEqualTo("email is not editable: it belongs to Cognito or to the service");
        assertThat(JsonValues.object(
                                patch("{\"locale\":\"English (UK)\"}", Map.of()).getBody())
                        .get("detail"))
                .isEqualTo("locale must be a language tag such as en or en-GB of at most 35 characters");
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        Map<String, Object> problem = JsonValues.object(response.getBody());
        assertThat(problem)
                .containsEntry("type", "urn:user-profile-service:problem:" + type)
                .containsEntry("status", (long) status)
                .containsKeys("title", "detail");
    }
}
