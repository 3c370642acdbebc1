package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.cognito.trigger.CognitoTrigger;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.TriggerComponent;
import java.time.Clock;
import org.crac.Core;

/**
 * The Lambda entry point for the user pool's PostConfirmation and PostAuthentication triggers (and the stack's
 * keep-alive). Everything is built in the constructor, which Lambda runs once per execution environment during init
 * (before the SnapStart snapshot); an invocation hands its event to the adapter's {@link TriggerInvocation}, which
 * logs the outcome and translates failures.
 */
public final class CognitoTriggerHandler
        implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {

    private final TriggerInvocation invocation;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    /** Used by Lambda: configuration from the environment, clients built now, priming registered for SnapStart. */
    public CognitoTriggerHandler() {
        this(TriggerComponent.create(Configuration.fromEnvironment(System.getenv())));
    }

    /** An environment built from a component the caller configured (tests and tools give it their variables). */
    public CognitoTriggerHandler(TriggerComponent component) {
        this.invocation = component.triggerInvocation();
        this.priming = component.snapStartPriming();
        Core.getGlobalContext().register(priming);
    }

    CognitoTriggerHandler(CognitoTrigger trigger, Clock clock, String functionName) {
        this.invocation = new TriggerInvocation(trigger, clock, MetricDimensions.byName(functionName));
        this.priming = null;
    }

    @Override
    public CognitoUserPoolPostConfirmationEvent handleRequest(
            CognitoUserPoolPostConfirmationEvent event, Context context) {
        return invocation.handle(event, context.getAwsRequestId(), context.getLogger());
    }
}
