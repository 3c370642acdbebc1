package dev.userprofile.adapters.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request as API Gateway's HTTP API hands it over (payload format 2.0, after its JWT authorizer), read the way
 * the API needs it: the route, the caller and their token's claims, headers, and a body decoded strictly.
 */
final class ApiRequest {

    /** Largest body accepted; a profile's editable fields fit many times over. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final APIGatewayV2HTTPEvent event;

    private ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** @throws ProblemException (400) when the event is not an HTTP API request */
    static ApiRequest of(@Nullable APIGatewayV2HTTPEvent event) {
        if (event == null
                || event.getRequestContext() == null
                || event.getRequestContext().getHttp() == null) {
            throw new ProblemException(Problem.badRequest("the request is not an HTTP API request"));
        }
        return new ApiRequest(event);
    }

    /**
     * The route API Gateway matched ({@code GET /me}): what the API answers by, so that a stage name or a custom
     * domain's base path in the raw path changes nothing.
     */
    String routeKey() {
        return Objects.requireNonNullElse(event.getRouteKey(), "");
    }

    /**
     * The caller: the access token's {@code sub}. An ID token is refused: it says who signed in to the app, not what
     * the app may do, and the API's routes ask for an access token's scope (ADR 0015).
     *
     * @throws ProblemException (401) without a usable sub, or for another kind of token
     */
    UserId caller() {
        if (!"access".equals(claim("token_use").orElse(null))) {
            throw new ProblemException(
                    Problem.of(
                            "unauthenticated",
                            "Unauthenticated",
                            401,
                            "an access token of the user pool is required (not an ID token)"),
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        String sub = claim("sub").orElseThrow(ApiRequest::unauthenticated);
        try {
            return new UserId(sub);
        } catch (InvalidUserDataException e) {
            throw unauthenticated();
        }
    }

    /** The caller's user name in the pool, as an access token carries it. */
    String username() {
        return claim("username").orElseThrow(ApiRequest::unauthenticated);
    }

    /** When the caller last signed in with their credentials ({@code auth_time}, seconds); empty when unreadable. */
    Optional<Instant> signedIn() {
        return claim("auth_time").flatMap(text -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> claim(String name) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                event.getRequestContext().getAuthorizer();
        if (authorizer == null
                || authorizer.getJwt() == null
                || authorizer.getJwt().getClaims() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(authorizer.getJwt().getClaims().get(name)).filter(value -> !value.isBlank());
    }

    static ProblemException unauthenticated() {
        return new ProblemException(
                Problem.of("unauthenticated", "Unauthenticated", 401, "a valid token of the user pool is required"),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    Optional<String> header(String name) {
        if (event.getHeaders() == null) {
            return Optional.empty();
        }
        return event.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The media type of the body, lower case, without parameters; empty text when none is given. */
    String mediaType() {
        String contentType = header("content-type").orElse("");
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The body as text: base64 decoded when API Gateway encoded it, at most {@link #MAX_BODY_BYTES}, strictly UTF-8
     * (malformed bytes are refused rather than stored as replacement characters).
     *
     * @throws ProblemException (400, 413) for a body that is none of these
     */
    String text() {
        byte[] bytes = bytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(
                    "too-large", "Request body too large", 413, "a body may be at most " + MAX_BODY_BYTES + " bytes"));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.badRequest("the body is not valid UTF-8"));
        }
    }

    private byte[] bytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problem.badRequest("the body is not valid base64"));
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
