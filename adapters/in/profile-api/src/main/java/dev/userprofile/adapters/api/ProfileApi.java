package dev.userprofile.adapters.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.ProfileUpdateResult;
import dev.userprofile.application.port.in.UpdateProfileCommand;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The profile API, as API Gateway's HTTP API hands it over (payload format 2.0, after its JWT authorizer):
 * {@code GET /me} and {@code PATCH /me} for the caller, who is the token's {@code sub}, never a path or a body.
 */
public final class ProfileApi {

    /** Largest merge patch accepted; a profile's editable fields fit many times over. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PATH = "/me";
    /**
     * The route key of the stack's keep-alive schedule (not a route of the API): it invokes the function now and then
     * so that its SnapStart version is never idle long enough (14 days) to go inactive.
     */
    public static final String KEEP_ALIVE_ROUTE = "UserProfileService_KeepAlive";

    private final GetProfileUseCase getProfile;
    private final UpdateProfileUseCase updateProfile;

    public ProfileApi(GetProfileUseCase getProfile, UpdateProfileUseCase updateProfile) {
        this.getProfile = Objects.requireNonNull(getProfile, "getProfile");
        this.updateProfile = Objects.requireNonNull(updateProfile, "updateProfile");
    }

    /** Answers one request; {@code requestId} goes into a 5xx answer so support can find the log line. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, String requestId) {
        try {
            return route(request);
        } catch (ProblemException e) {
            return problem(e.problem(), Map.of());
        } catch (UserRepositoryUnavailableException e) {
            return problem(
                    Problem.of(
                            "unavailable",
                            "The service is temporarily unavailable",
                            503,
                            "Profiles cannot be reached just now; try again. Reference: " + requestId),
                    Map.of("Retry-After", "1"));
        }
    }

    /** A caller who cannot have a profile (Cognito subs are UUIDs), so warming up reads and never writes. */
    static final String PROBE_SUB = "profile-api-probe-not-a-user";

    /**
     * Runs a GET and a conditional PATCH through every layer down to the store, for SnapStart priming; writes
     * nothing. A storage failure is answered with a 503 rather than thrown, so it is thrown here: priming must end
     * its step at once instead of spending every round (and the SDK's retry tokens) on a store that is down.
     *
     * @throws IllegalStateException when a probe is answered with a 5xx
     */
    public void warmUp() {
        answered(handle(request(PROBE_SUB, "GET", null, Map.of()), "priming"));
        answered(handle(
                request(
                        PROBE_SUB,
                        "PATCH",
                        "{\"givenName\":\"Probe\",\"locale\":null}",
                        Map.of("content-type", MERGE_PATCH, "if-match", "\"1\"")),
                "priming"));
    }

    private static void answered(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException("the probe was answered " + response.getStatusCode());
        }
    }

    /** A request as API Gateway passes it on, its caller's token verified and naming {@code sub}. */
    static APIGatewayV2HTTPEvent request(String sub, String method, String body, Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(PATH)
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(PATH)
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", sub))
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent request) {
        if (request != null && KEEP_ALIVE_ROUTE.equals(request.getRouteKey())) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(204)
                    .withHeaders(Map.of())
                    .build();
        }
        if (request == null
                || request.getRequestContext() == null
                || request.getRequestContext().getHttp() == null) {
            throw new ProblemException(Problem.badRequest("the request is not an HTTP API request"));
        }
        String path = request.getRawPath();
        if (!PATH.equals(path)) {
            throw new ProblemException(
                    Problem.of("not-found", "No such resource", 404, "the only resource is " + PATH));
        }
        String method = request.getRequestContext().getHttp().getMethod();
        return switch (method == null ? "" : method) {
            case "GET" -> get(caller(request));
            case "PATCH" -> patch(caller(request), request);
            default ->
                problem(
                        Problem.of("method-not-allowed", "Method not allowed", 405, PATH + " answers GET and PATCH"),
                        Map.of("Allow", "GET, PATCH"));
        };
    }

    private APIGatewayV2HTTPResponse get(UserId caller) {
        return getProfile.getProfile(caller).map(this::profile).orElseGet(this::noProfile);
    }

    private APIGatewayV2HTTPResponse patch(UserId caller, APIGatewayV2HTTPEvent request) {
        String contentType =
                header(request, "content-type").map(ProfileApi::mediaType).orElse("");
        if (!MERGE_PATCH.equals(contentType)) {
            // RFC 5789: a 415 to a PATCH says which patch formats are accepted.
            return problem(
                    Problem.of(
                            "unsupported-media-type",
                            "Unsupported media type",
                            415,
                            "a change is a JSON merge patch: Content-Type: " + MERGE_PATCH),
                    Map.of("Accept-Patch", MERGE_PATCH));
        }
        byte[] body = body(request);
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(
                    "too-large",
                    "Request body too large",
                    413,
                    "a merge patch may be at most " + MAX_BODY_BYTES + " bytes"));
        }
        ProfilePatch patch = MergePatchReader.read(utf8(body));
        Optional<String> ifMatch = header(request, "if-match");
        OptionalLong expected = OptionalLong.empty();
        if (ifMatch.isPresent()) {
            List<Long> versions = strongVersions(ifMatch.get());
            boolean any = ifMatch.get().strip().equals("*");
            if (!any && versions.size() != 1) {
                Optional<User> current = getProfile.getProfile(caller);
                if (current.isEmpty() || !versions.contains(current.get().version())) {
                    throw preconditionFailed();
                }
                versions = List.of(current.get().version());
            }
            if (!any) {
                expected = OptionalLong.of(versions.getFirst());
            }
        }
        return switch (updateProfile.update(new UpdateProfileCommand(caller, patch, expected))) {
            case ProfileUpdateResult.Updated updated -> profile(updated.user());
            case ProfileUpdateResult.Unchanged unchanged -> profile(unchanged.user());
            case ProfileUpdateResult.NotFound notFound -> {
                if (ifMatch.isPresent()) {
                    throw preconditionFailed();
                }
                yield noProfile();
            }
            case ProfileUpdateResult.VersionMismatch mismatch -> {
                if (ifMatch.isEmpty()) {
                    yield problem(
                            Problem.of(
                                    "conflict",
                                    "Changed concurrently",
                                    409,
                                    "the profile kept changing while this change was applied; send it again"),
                            Map.of());
                }
                throw preconditionFailed();
            }
        };
    }

    private static ProblemException preconditionFailed() {
        return new ProblemException(Problem.of(
                "precondition-failed",
                "Precondition failed",
                412,
                "If-Match does not name the profile's current version (its ETag); nothing was changed"));
    }

    /** The caller: the token's {@code sub}, as API Gateway's JWT authorizer passes it on. */
    private static UserId caller(APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                request.getRequestContext().getAuthorizer();
        String sub = authorizer == null
                        || authorizer.getJwt() == null
                        || authorizer.getJwt().getClaims() == null
                ? null
                : authorizer.getJwt().getClaims().get("sub");
        if (sub == null || sub.isBlank()) {
            throw unauthenticated();
        }
        try {
            return new UserId(sub);
        } catch (InvalidUserDataException e) {
            throw unauthenticated();
        }
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(
                Problem.of("unauthenticated", "Unauthenticated", 401, "a valid token of the user pool is required"));
    }

    private APIGatewayV2HTTPResponse profile(User user) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("ETag", etag(user.version()));
        headers.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(headers)
                .withBody(ProfileJson.profile(user))
                .build();
    }

    private APIGatewayV2HTTPResponse noProfile() {
        return problem(Problem.of("no-profile", "No profile", 404, "the caller has no profile"), Map.of());
    }

    private static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/problem+json");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extra);
        if (problem.status() == 401) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(ProfileJson.problem(problem))
                .build();
    }

    /** A strong entity tag of a version: {@code "3"}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The versions a list of entity tags names; weak tags never match (If-Match compares strongly). */
    static List<Long> strongVersions(String ifMatch) {
        List<Long> versions = new ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.length() > 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                String digits = trimmed.substring(1, trimmed.length() - 1);
                if (digits.matches("[0-9]{1,18}")) {
                    versions.add(Long.parseLong(digits));
                }
            }
        }
        return versions;
    }

    private static Optional<String> header(APIGatewayV2HTTPEvent request, String name) {
        if (request.getHeaders() == null) {
            return Optional.empty();
        }
        return request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static byte[] body(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (request.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problem.badRequest("the body is not valid base64"));
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Strict: malformed UTF-8 is refused rather than stored as replacement characters. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.badRequest("the body is not valid UTF-8"));
        }
    }
}
