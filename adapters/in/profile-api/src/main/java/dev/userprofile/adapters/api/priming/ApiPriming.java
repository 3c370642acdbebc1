package dev.userprofile.adapters.api.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.shared.priming.Priming;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Requests for SnapStart priming: a {@code GET} and a conditional {@code PATCH /me} of a caller who cannot have a
 * profile, through every layer down to the store; and the request shape the rehearsal sends.
 */
public final class ApiPriming {

    /**
     * A caller who cannot have a profile, nor be looked up in the pool (an underscore is no part of a Cognito sub),
     * so warming up reads the store and never writes, nor spends the pool's quota.
     */
    static final String PROBE_SUB = "profile_api_probe_not_a_user";

    private final ProfileApi api;

    public ApiPriming(ProfileApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The probe's requests as a part of the function's priming. */
    public static Priming requests(ProfileApi api) {
        return Priming.repeated("api-requests", Priming.REQUEST_ROUNDS, new ApiPriming(api)::warmUp);
    }

    /**
     * Writes nothing. A storage failure is answered with a 503 rather than thrown, so it is thrown here: priming
     * must end its step at once instead of spending every round (and the SDK's retry tokens) on a store that is down.
     *
     * @throws IllegalStateException when a probe is answered with a 5xx
     */
    public void warmUp() {
        answered(api.handle(request(PROBE_SUB, "GET", null, Map.of()), "priming"));
        answered(api.handle(
                request(
                        PROBE_SUB,
                        "PATCH",
                        "{\"givenName\":\"Probe\",\"locale\":null}",
                        Map.of("content-type", ProfileApi.MERGE_PATCH, "if-match", "\"1\"")),
                "priming"));
    }

    private static void answered(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException("the probe was answered " + response.getStatusCode());
        }
    }

    /** A request as API Gateway passes it on, its caller's access token verified and naming {@code sub}. */
    static APIGatewayV2HTTPEvent request(
            String sub, String method, @Nullable String body, Map<String, String> headers) {
        return request(sub, method, body, headers, Instant.EPOCH);
    }

    /** The same, from a caller who signed in at {@code signedIn}. */
    static APIGatewayV2HTTPEvent request(
            String sub, String method, @Nullable String body, Map<String, String> headers, Instant signedIn) {
        Map<String, String> claims = new HashMap<>();
        claims.put("auth_time", Long.toString(signedIn.getEpochSecond()));
        claims.put("sub", sub);
        claims.put("token_use", "access");
        claims.put("username", sub);
        claims.put("scope", "aws.cognito.signin.user.admin");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " /me")
                .withRawPath("/me")
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath("/me")
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(claims)
                                        .build())
                                .build())
                        .build())
                .build();
    }
}
