package dev.userprofile.adapters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.service.DeleteAccountService;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.ObjectMapper;

/**
 * The handler's real answers held to docs/openapi.yaml: every status a request gets must be documented for its
 * operation, every body must validate against the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 uses), and
 * every documented required header must be there. An answer the document does not describe fails the build.
 */
class OpenApiContractTest {

    private static final String DOCUMENT = "https://user-profile-service.example/openapi.json";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ANN = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String BOB = "5d3b1c2a-0000-4000-8000-00000000000b";
    private static final String DIS = "5d3b1c2a-0000-4000-8000-00000000000d";
    private static final String GONE = "5d3b1c2a-0000-4000-8000-00000000000e";

    private static Map<String, Object> openApi;
    private static SchemaRegistry schemas;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheDocument() throws IOException {
        Path file = CloudFormationYaml.findTemplate().getParent().resolve("docs/openapi.yaml");
        openApi = (Map<String, Object>) new Yaml().load(Files.readString(file));
        String json = new ObjectMapper().writeValueAsString(openApi);
        schemas = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(DOCUMENT, json)));
    }

    /** Which statuses each operation answered, to show that the scenarios cover the document. */
    private final Map<String, Set<Integer>> answered = new LinkedHashMap<>();

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();
    private final SyncUserService sync = new SyncUserService(
            pool, users, users, users, new RegisterUserService(users, CLOCK), CLOCK, Duration.ofDays(30));
    private boolean poolDown;
    private final UserAccountDeleter deleter = username -> {
        if (poolDown) {
            throw new UserDirectoryUnavailableException("down", null);
        }
        return UserAccountDeleter.Deletion.DELETED;
    };

    private ProfileApi api(boolean storeDown) {
        if (storeDown) {
            ProfileStoreUnavailableException down = new ProfileStoreUnavailableException("down", null);
            return new ProfileApi(
                    id -> {
                        throw down;
                    },
                    command -> {
                        throw down;
                    },
                    Optional.empty());
        }
        return new ProfileApi(
                new GetProfileService(users, sync),
                new UpdateProfileService(users, users, sync, CLOCK),
                Optional.of(new DeleteAccountService(
                        users, deleter, users, CLOCK, Duration.ofMinutes(5), Duration.ofDays(30))));
    }

    private void givenUsers() {
        UserProfile ann = UserProfile.builder()
                .email(VerifiableEmail.of("ann@example.com", true))
                .givenName(new Name("Ann"))
                .build();
        users.store(User.register(new UserId(ANN), ann, NOW.minusSeconds(86_400)));
        User dis = User.register(new UserId(DIS), ann, NOW.minusSeconds(86_400));
        users.store(dis.follow(Identity.of(ann, UserStatus.DISABLED), NOW));
        users.erase(Erasure.of(new UserId(GONE), NOW, ErasureReason.DELETED_BY_USER, Duration.ofDays(30)));
        pool.put(new DirectoryUser(new UserId(BOB), ann, UserStatus.ACTIVE, true, NOW.minusSeconds(60)));
    }

    private void check(ProfileApi api, String method, String sub, Map<String, String> headers, String body) {
        check(api, method, sub, NOW.minusSeconds(30), headers, body);
    }

    private void check(
            ProfileApi api, String method, String sub, Instant signedIn, Map<String, String> headers, String body) {
        Map<String, String> claims = new HashMap<>();
        if (sub != null) {
            claims.putAll(Map.of(
                    "sub",
                    sub,
                    "token_use",
                    "access",
                    "username",
                    "u",
                    "auth_time",
                    Long.toString(signedIn.getEpochSecond())));
        }
        String event = ProfileApiTest.request(method + " /me", method, "/me", claims, headers, body, false);
        APIGatewayV2HTTPResponse response =
                api.handle(LambdaRuntimeJson.fromJson(event, APIGatewayV2HTTPEvent.class), "req-1");
        conforms(method, response);
    }

    @SuppressWarnings("unchecked")
    private void conforms(String method, APIGatewayV2HTTPResponse response) {
        String operation = method.toLowerCase(Locale.ROOT);
        Map<String, Object> responses = (Map<String, Object>)
                ((Map<String, Object>) path("paths", "/me").get(operation)).get("responses");
        String status = Integer.toString(response.getStatusCode());
        assertThat(responses)
                .as("%s /me answered %s, which docs/openapi.yaml does not document", method, status)
                .containsKey(status);
        answered.computeIfAbsent(method, m -> new TreeSet<>()).add(response.getStatusCode());
        Map<String, Object> described = (Map<String, Object>) responses.get(status);
        String pointer = "/paths/~1me/" + operation + "/responses/" + status;
        if (described.get("$ref") instanceof String ref) {
            pointer = ref.substring(1);
            described = path(ref.substring(2).split("/"));
        }
        Map<String, Object> headers = (Map<String, Object>) described.getOrDefault("headers", Map.of());
        headers.forEach((name, header) -> {
            Map<String, Object> declared = (Map<String, Object>) header;
            if (Boolean.TRUE.equals(declared.get("required"))) {
                assertThat(response.getHeaders())
                        .as("%s %s needs %s", method, status, name)
                        .containsKey(name);
            }
        });
        Map<String, Object> content = (Map<String, Object>) described.get("content");
        if (content == null) {
            assertThat(response.getBody())
                    .as("%s %s has no body", method, status)
                    .isNullOrEmpty();
            return;
        }
        String mediaType = response.getHeaders().get("Content-Type");
        assertThat(content).as("%s %s answered %s", method, status, mediaType).containsKey(mediaType);
        Schema schema = schemas.getSchema(
                SchemaLocation.of(DOCUMENT + "#" + pointer + "/content/" + mediaType.replace("/", "~1") + "/schema"));
        List<Error> errors = schema.validate(response.getBody(), InputFormat.JSON);
        assertThat(errors).as("%s %s: %s", method, status, response.getBody()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(String... keys) {
        Object node = openApi;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (Map<String, Object>) node;
    }

    @Test
    void everyAnswerOfEveryRouteIsDocumentedAndMatchesItsSchema() {
        givenUsers();
        ProfileApi api = api(false);
        String patch = ProfileApi.MERGE_PATCH;

        check(api, "GET", ANN, Map.of(), null);
        check(api, "GET", BOB, Map.of(), null);
        check(api, "GET", "5d3b1c2a-0000-4000-8000-0000000000ff", Map.of(), null);
        check(api, "GET", DIS, Map.of(), null);
        check(api, "GET", GONE, Map.of(), null);
        check(api, "GET", null, Map.of(), null);
        check(api, "PATCH", ANN, Map.of("content-type", patch), "{\"givenName\":\"Annie\"}");
        check(api, "PATCH", ANN, Map.of("content-type", patch, "if-match", "\"1\""), "{\"givenName\":\"Late\"}");
        check(api, "PATCH", ANN, Map.of("content-type", patch), "{\"email\":\"x@example.com\"}");
        check(api, "PATCH", ANN, Map.of("content-type", "application/json"), "{}");
        check(api, "PATCH", ANN, Map.of("content-type", patch), "{\"displayName\":\"" + "x".repeat(17_000) + "\"}");
        check(api, "PATCH", DIS, Map.of("content-type", patch), "{}");
        check(api, "PATCH", GONE, Map.of("content-type", patch), "{}");
        check(api, "PATCH", "5d3b1c2a-0000-4000-8000-0000000000ff", Map.of("content-type", patch), "{}");
        check(api, "DELETE", ANN, NOW.minusSeconds(3_600), Map.of(), null);
        check(api, "DELETE", DIS, Map.of(), null);
        check(api, "DELETE", ANN, Map.of(), null);
        poolDown = true;
        check(api, "DELETE", BOB, Map.of(), null);
        ProfileApi storeDown = api(true);
        check(storeDown, "GET", ANN, Map.of(), null);
        check(storeDown, "PATCH", ANN, Map.of("content-type", patch), "{}");
        check(storeDown, "DELETE", ANN, Map.of(), null);

        assertThat(answered.get("GET")).containsExactly(200, 401, 403, 404, 410, 503);
        assertThat(answered.get("PATCH")).containsExactly(200, 400, 403, 404, 410, 412, 413, 415, 503);
        assertThat(answered.get("DELETE")).containsExactly(204, 401, 403, 404, 503);
    }

    @Test
    void anUndocumentedAnswerFailsTheCheck() {
        APIGatewayV2HTTPResponse teapot = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(418)
                .withHeaders(Map.of("Content-Type", "application/problem+json"))
                .withBody("{}")
                .build();
        APIGatewayV2HTTPResponse badProblem = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(404)
                .withHeaders(Map.of("Content-Type", "application/problem+json"))
                .withBody("{\"type\":\"urn:user-profile-service:problem:made-up\",\"title\":\"t\",\"status\":404}")
                .build();

        assertThatThrownBy(() -> conforms("GET", teapot)).hasMessageContaining("does not document");
        assertThatThrownBy(() -> conforms("GET", badProblem))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("made-up");
    }
}
