package dev.userprofile.adapters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.adapters.api.priming.ApiPriming;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.service.DeleteAccountService;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();
    private final SyncUserService sync = new SyncUserService(
            pool, users, users, users, new RegisterUserService(users, CLOCK), CLOCK, Duration.ofDays(30));
    private final Set<String> poolUsernames = new HashSet<>(Set.of("ann"));
    private boolean poolDown;
    private final UserAccountDeleter deleter = username -> {
        if (poolDown) {
            throw new UserDirectoryUnavailableException(
                    "Cognito AdminDeleteUser on user pool eu-west-1_Secret failed", null);
        }
        return poolUsernames.remove(username)
                ? UserAccountDeleter.Deletion.DELETED
                : UserAccountDeleter.Deletion.ALREADY_GONE;
    };
    private final ProfileApi api = new ProfileApi(
            new GetProfileService(users, sync),
            new UpdateProfileService(users, users, sync, CLOCK),
            Optional.of(new DeleteAccountService(
                    users, deleter, users, CLOCK, Duration.ofMinutes(5), Duration.ofDays(30))));

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
        return request(method + " " + path, method, path, claims(sub), headers, body, base64);
    }

    /** The claims of an access token for {@code sub}, signed in an hour before now; none for a null sub. */
    static Map<String, String> claims(String sub) {
        if (sub == null) {
            return Map.of();
        }
        return Map.of(
                "sub", sub,
                "token_use", "access",
                "username", "ann",
                "scope", "aws.cognito.signin.user.admin",
                "auth_time", Long.toString(NOW.minusSeconds(3600).getEpochSecond()));
    }

    static String request(
            String routeKey,
            String method,
            String path,
            Map<String, String> claims,
            Map<String, String> headers,
            String body,
            boolean base64) {
        StringBuilder json = new StringBuilder("{\"version\":\"2.0\",\"routeKey\":")
                .append(quote(routeKey))
                .append(",\"rawPath\":\"")
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
                        + "\"userAgent\":\"test\"},\"requestId\":\"r1\",\"routeKey\":" + quote(routeKey)
                        + ",\"stage\":\"$default\","
                        + "\"time\":\"30/Nov/2026:10:00:00 +0000\",\"timeEpoch\":1796032800000");
        if (!claims.isEmpty()) {
            List<String> entries = new ArrayList<>();
            claims.forEach((name, value) -> entries.add(quote(name) + ":" + quote(value)));
            json.append(",\"authorizer\":{\"jwt\":{\"claims\":{")
                    .append(String.join(",", entries))
                    .append("},\"scopes\":null}}");
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

    static Map<String, String> idToken(String sub) {
        return Map.of("sub", sub, "token_use", "id", "cognito:username", "ann", "aud", "client");
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
                new Bad("PUT", request("PUT", "/me", ANN, Map.of(), "{}", false), 404, "not-found"),
                new Bad("POST", request("POST", "/me", ANN, Map.of(), "{}", false), 404, "not-found"),
                new Bad(
                        "an ID token",
                        request("GET /me", "GET", "/me", idToken(ANN), Map.of(), null, false),
                        401,
                        "unauthenticated"),
                new Bad(
                        "a delete with an old sign-in",
                        request("DELETE", "/me", ANN, Map.of(), null, false),
                        401,
                        "reauthentication-required"),
                new Bad(
                        "the default route",
                        request("$default", "GET", "/me", claims(ANN), Map.of(), null, false),
                        404,
                        "not-found"),
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
                        "an If-Match of another spelling of the version",
                        request(
                                "PATCH",
                                "/me",
                                ANN,
                                Map.of("content-type", ProfileApi.MERGE_PATCH, "if-match", "\"01\""),
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
                },
                Optional.empty());

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

        new ApiPriming(api).warmUp();

        assertThat(pool.reads())
                .as("the probe cannot be a Cognito sub: the pool is never asked")
                .isZero();
        assertThat(users.lookups() - lookupsBefore)
                .as("the GET's read and the PATCH's")
                .isGreaterThanOrEqualTo(2);
        assertThat(users.writeAttempts()).as("not even a refused write").isEqualTo(writesBefore);
    }

    @Test
    void warmingUpFailsWhenTheStoreIsDownRatherThanCountingA503AsAnAnswer() {
        ProfileApi down = new ProfileApi(
                id -> {
                    throw new ProfileStoreUnavailableException("store down", null);
                },
                command -> {
                    throw new AssertionError("no write");
                },
                Optional.empty());

        assertThatThrownBy(new ApiPriming(down)::warmUp)
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
        if (bad.status() == 401) {
            assertThat(response.getHeaders()).containsKey("WWW-Authenticate");
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

    private static String freshDelete(String sub) {
        Map<String, String> claims = new java.util.HashMap<>(claims(sub));
        claims.put("auth_time", Long.toString(NOW.minusSeconds(60).getEpochSecond()));
        return request("DELETE /me", "DELETE", "/me", claims, Map.of(), null, false);
    }

    @Test
    void aStagePrefixInThePathChangesNothing() {
        APIGatewayV2HTTPResponse response =
                send(request("GET /me", "GET", "/prod/v1/me", claims(ANN), Map.of(), null, false));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JsonValues.object(response.getBody())).containsEntry("userId", ANN);
    }

    @Test
    void aDeleteAfterAFreshSignInDeletesThePoolsUserAndErasesTheProfileAndARepeatIsTheSame() {
        APIGatewayV2HTTPResponse deleted = send(freshDelete(ANN));

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(deleted.getBody()).isNull();
        assertThat(poolUsernames).isEmpty();
        assertThat(users.stored(new UserId(ANN))).containsInstanceOf(UserLookup.Erased.class);
        assertThat(send(freshDelete(ANN)).getStatusCode()).as("a repeat").isEqualTo(204);
        assertProblem(send(request("GET", "/me", ANN, Map.of(), null, false)), 410, "account-deleted");
    }

    @Test
    void aDeleteWithAnOldOrNoSignInTimeAsksForASignInAndDeletesNothing() {
        APIGatewayV2HTTPResponse stale = send(request("DELETE", "/me", ANN, Map.of(), null, false));
        Map<String, String> noAuthTime = new java.util.HashMap<>(claims(ANN));
        noAuthTime.remove("auth_time");
        APIGatewayV2HTTPResponse unknown =
                send(request("DELETE /me", "DELETE", "/me", noAuthTime, Map.of(), null, false));

        assertProblem(stale, 401, "reauthentication-required");
        assertThat(stale.getHeaders())
                .containsEntry("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", max_age=300");
        assertProblem(unknown, 401, "reauthentication-required");
        assertThat(poolUsernames).containsExactly("ann");
        assertThat(users.findById(new UserId(ANN))).isPresent();
    }

    @Test
    void aDeleteWhileThePoolIsDownIs503AndErasesNothing() {
        poolDown = true;

        APIGatewayV2HTTPResponse response = send(freshDelete(ANN));

        assertProblem(response, 503, "unavailable");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("eu-west-1_Secret", "Cognito", "AdminDeleteUser");
        assertThat(users.findById(new UserId(ANN))).isPresent();
    }

    @Test
    void aDeleteWhoseErasureFailsStillSucceedsForThePoolsUserIsGone() {
        users.beforeEachWrite(id -> {
            throw new UserStoreUnavailableException("DynamoDB PutItem on table profiles failed", null);
        });

        APIGatewayV2HTTPResponse response = send(freshDelete(ANN));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(poolUsernames).isEmpty();
    }

    @Test
    void withDeletionTurnedOffADeleteIsAnUnknownRoute() {
        ProfileApi noDeletion = new ProfileApi(
                new GetProfileService(users, sync),
                new UpdateProfileService(users, users, sync, CLOCK),
                Optional.empty());

        APIGatewayV2HTTPResponse response =
                noDeletion.handle(LambdaRuntimeJson.fromJson(freshDelete(ANN), APIGatewayV2HTTPEvent.class), "r");

        assertProblem(response, 404, "not-found");
        assertThat(poolUsernames).containsExactly("ann");
    }

    @Test
    void aDisabledCallerIsRefusedOnEveryRoute() {
        User ann = users.findById(new UserId(ANN)).orElseThrow();
        users.store(ann.follow(Identity.of(ann.profile(), UserStatus.DISABLED), NOW));

        assertProblem(send(request("GET", "/me", ANN, Map.of(), null, false)), 403, "account-disabled");
        assertProblem(patch("{\"givenName\":\"X\"}", Map.of()), 403, "account-disabled");
        assertProblem(send(freshDelete(ANN)), 403, "account-disabled");
        assertThat(poolUsernames).containsExactly("ann");
    }

    @Test
    void aCallerWithoutAProfileWhomThePoolHasIsRegisteredOnTheirFirstRequest() {
        String bob = "5d3b1c2a-0000-4000-8000-00000000000b";
        pool.put(new DirectoryUser(
                new UserId(bob),
                UserProfile.builder()
                        .email(VerifiableEmail.of("bob@example.com", true))
                        .givenName(new Name("Bob"))
                        .build(),
                UserStatus.ACTIVE,
                true,
                REGISTERED));

        APIGatewayV2HTTPResponse response = send(request("GET", "/me", bob, Map.of(), null, false));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JsonValues.object(response.getBody()))
                .containsEntry("givenName", "Bob")
                .containsEntry("registeredAt", "2026-01-02T03:04:05.678Z");
        assertThat(users.findById(new UserId(bob))).isPresent();
    }

    @Test
    void aCallerWithoutAProfileWhileThePoolIsDownIs503() {
        pool.unavailable(true);

        APIGatewayV2HTTPResponse response =
                send(request("GET", "/me", "5d3b1c2a-0000-4000-8000-00000000000c", Map.of(), null, false));

        assertProblem(response, 503, "unavailable");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("fake pool");
    }

    @Test
    void aStoreThatFailsIs503WithAProblemThatNamesNoTableNoServiceAndNoOperation() {
        ProfileStoreUnavailableException down = new ProfileStoreUnavailableException(
                "DynamoDB GetItem on table user-profiles-prod failed: ProvisionedThroughputExceededException", null);
        ProfileApi failing = new ProfileApi(
                id -> {
                    throw down;
                },
                command -> {
                    throw down;
                },
                Optional.empty());
        for (String event : List.of(
                request("GET", "/me", ANN, Map.of(), null, false),
                request("PATCH", "/me", ANN, Map.of("content-type", ProfileApi.MERGE_PATCH), "{}", false))) {
            APIGatewayV2HTTPResponse response =
                    failing.handle(LambdaRuntimeJson.fromJson(event, APIGatewayV2HTTPEvent.class), "req-9");

            assertProblem(response, 503, "unavailable");
            assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
            assertThat(response.getBody())
                    .contains("req-9")
                    .doesNotContain("user-profiles-prod", "DynamoDB", "GetItem", "Provisioned", "table");
        }
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
