package dev.userprofile.adapters.api;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.lambda.logging.JsonLogLine;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * One API invocation as the function sees it: {@link ProfileApi} answers, one log line records it. An unexpected
 * failure is answered with a 500 problem naming only the request id; its details go to the log.
 */
public final class ApiInvocation {

    private final ProfileApi api;
    private final Clock clock;

    public ApiInvocation(ProfileApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Answers one request; never throws. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, String requestId, LambdaLogger logger) {
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response;
        RuntimeException failure = null;
        try {
            response = api.handle(request, requestId);
        } catch (RuntimeException e) {
            failure = e;
            response = APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(500)
                    .withHeaders(Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"))
                    .withBody("{\"type\":\"urn:user-profile-service:problem:internal\",\"title\":\"Something "
                            + "failed\",\"status\":500,\"detail\":\"Reference: " + requestId + "\"}")
                    .build();
        }
        int status = response.getStatusCode();
        JsonLogLine line = JsonLogLine.of(clock, status >= 500 ? LogLevel.ERROR : LogLevel.INFO)
                .with("requestId", requestId)
                .with("event", "profile_api")
                .with("route", request == null ? null : request.getRouteKey())
                .with("method", method(request))
                .with("path", request == null ? null : request.getRawPath())
                .with("status", status)
                .withDurationSince(start);
        if (failure != null) {
            // For the log only, without messages (they may quote personal data): the caller saw the fixed 500.
            line.withFailure(failure);
        }
        line.writeTo(logger);
        return response;
    }

    private static String method(APIGatewayV2HTTPEvent request) {
        return request == null
                        || request.getRequestContext() == null
                        || request.getRequestContext().getHttp() == null
                ? null
                : request.getRequestContext().getHttp().getMethod();
    }
}
