package dev.userprofile.adapters.api;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One API invocation as the function sees it: {@link ProfileApi} answers, one log line records it. An unexpected
 * failure is answered with a 500 problem naming only the request id; its details go to the log.
 */
public final class ApiInvocation {

    /**
     * The embedded metrics a 500 emits (namespace {@link JsonLogLine#METRIC_NAMESPACE}): {@code ServerErrors}
     * counts the answers to failures nobody expected; other answers carry no metrics. API Gateway's own 5xx also counts 503s (a store or pool
     * that cannot be reached) and cannot tell versions apart; this one is per version, for the deployment alarms.
     */
    public static final List<String> METRIC_NAMES = List.of("ServerErrors");

    private final ProfileApi api;
    private final Clock clock;
    private final MetricDimensions metrics;

    /** @param metrics the function's name and version, which its embedded metrics are dimensioned by */
    public ApiInvocation(ProfileApi api, Clock clock, MetricDimensions metrics) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Answers one request; never throws. */
    public APIGatewayV2HTTPResponse handle(
            @Nullable APIGatewayV2HTTPEvent request, String requestId, LambdaLogger logger) {
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
            // Counted on these lines only: a metric block on every answer would cost each request and the logs.
            line.withFailure(failure).metrics(metrics, Map.of("ServerErrors", 1));
        }
        line.writeTo(logger);
        return response;
    }

    private static @Nullable String method(@Nullable APIGatewayV2HTTPEvent request) {
        return request == null
                        || request.getRequestContext() == null
                        || request.getRequestContext().getHttp() == null
                ? null
                : request.getRequestContext().getHttp().getMethod();
    }
}
