package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import java.time.Clock;
import org.crac.Core;

/**
 * The Lambda entry point of the profile API (API Gateway HTTP API, payload 2.0, JWT authorizer). Built once per
 * execution environment; an invocation hands the request to the adapter's {@link ApiInvocation}, which answers,
 * logs and turns an unexpected failure into a 500.
 */
public final class ProfileApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiInvocation invocation;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    /** Used by Lambda: configuration from the environment, clients built now, priming registered for SnapStart. */
    public ProfileApiHandler() {
        this(ProfileApiComponent.create(System.getenv()));
    }

    /** An environment built from a component the caller configured (tests and tools give it their variables). */
    public ProfileApiHandler(ProfileApiComponent component) {
        this.invocation = component.apiInvocation();
        this.priming = component.snapStartPriming();
        Core.getGlobalContext().register(priming);
    }

    ProfileApiHandler(ProfileApi api, Clock clock) {
        this.invocation = new ApiInvocation(api, clock, MetricDimensions.byName("local"));
        this.priming = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return invocation.handle(request, context.getAwsRequestId(), context.getLogger());
    }
}
