package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.logging.JsonLogLine;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.crac.Core;

/**
 * The Lambda entry point of the profile API (API Gateway HTTP API, payload 2.0, JWT authorizer). Built once per
 * execution environment; an invocation translates, calls the adapter, logs one line and returns. An unexpected
 * failure is answered with a 500 problem naming only the request id; its details go to the log.
 */
public final class ProfileApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProfileApi api;
    private final Clock clock;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    /** Used by Lambda: configuration from the environment, clients built now, priming registered for SnapStart. */
    public ProfileApiHandler() {
        this(ProfileApiComponent.create(Configuration.fromEnvironment(System.getenv())));
    }

    ProfileApiHandler(ProfileApiComponent component) {
        this.api = component.profileApi();
        this.clock = component.clock();
        this.priming = component.snapStartPriming();
        Core.getGlobalContext().register(priming);
    }

    ProfileApiHandler(ProfileApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.priming = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        long start = System.nanoTime();
        String requestId = context.getAwsRequestId();
        APIGatewayV2HTTPResponse response;
        RuntimeException failure = null;
        try {
            response = api.handle(request, requestId);
        } catch (RuntimeException e) {
            failure = e;
            response = APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                    .withHeaders(Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"))
                    .withBody("{\"type\":\"urn:user-profile-service:problem:internal\",\"title\":\"Something "
                            + "failed\",\"status\":500,\"detail\":\"Reference: " + requestId + "\"}")
                    .build();
        }
        int status = response.getStatusCode();
        JsonLogLine.of(clock, status >= 500 ? LogLevel.ERROR : LogLevel.INFO)
                .with("requestId", requestId)
                .with("event", "profile_api")
                .with("method", method(request))
                .with("path", request == null ? null : request.getRawPath())
                .with("status", status)
                .with("errorType", failure == null ? null : failure.getClass().getName())
                .with("durationMs", Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0)
                .writeTo(context.getLogger());
        if (failure != null) {
            // The stack trace, for the log only, as the runtime logs a trigger's: the caller saw the fixed 500.
            context.getLogger().log(stackTrace(failure), LogLevel.ERROR);
        }
        return response;
    }

    private static String method(APIGatewayV2HTTPEvent request) {
        return request == null || request.getRequestContext() == null || request.getRequestContext().getHttp() == null
                ? null : request.getRequestContext().getHttp().getMethod();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
