package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.cognito.InvalidTriggerEventException;
import dev.userprofile.adapters.cognito.PostConfirmationTrigger;
import dev.userprofile.adapters.cognito.TriggerOutcome;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.ServiceComponent;
import dev.userprofile.domain.InvalidUserDataException;
import java.util.Objects;
import org.crac.Core;

/**
 * The Lambda entry point for the Cognito PostConfirmation trigger. Everything is built in the constructor, which
 * Lambda runs once per execution environment during init (before the SnapStart snapshot); an invocation only
 * handles its event. Cognito requires the event back; a thrown exception fails the confirmation with its message.
 */
public final class PostConfirmationHandler
        implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {

    private final PostConfirmationTrigger trigger;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    /** Used by Lambda: configuration from the environment, clients built now, priming registered for SnapStart. */
    public PostConfirmationHandler() {
        this(ServiceComponent.create(Configuration.fromEnvironment(System.getenv())));
    }

    private PostConfirmationHandler(ServiceComponent component) {
        this.trigger = component.postConfirmationTrigger();
        this.priming = component.snapStartPriming();
        Core.getGlobalContext().register(priming);
    }

    PostConfirmationHandler(PostConfirmationTrigger trigger) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.priming = null;
    }

    @Override
    public CognitoUserPoolPostConfirmationEvent handleRequest(CognitoUserPoolPostConfirmationEvent event,
                                                              Context context) {
        long start = System.nanoTime();
        InvocationLog log = new InvocationLog(context.getAwsRequestId(),
                event == null ? null : event.getTriggerSource());
        try {
            TriggerOutcome outcome = trigger.handle(event);
            log.with("outcome", outcome.code()).with("userSub", subOf(outcome));
            log.with("durationMs", elapsedMillis(start)).write(context.getLogger(), LogLevel.INFO);
            return event;
        } catch (InvalidTriggerEventException | UserRepositoryUnavailableException | InvalidUserDataException e) {
            // These messages carry no personal data by construction: they name a field and rule, or a dependency.
            log.with("outcome", "FAILED").with("userSub", rawSub(event))
                    .with("errorType", e.getClass().getSimpleName()).with("error", e.getMessage())
                    .with("durationMs", elapsedMillis(start)).write(context.getLogger(), LogLevel.ERROR);
            throw e;
        } catch (RuntimeException unexpected) {
            // Any other message may quote data, and Cognito shows the message to the user: keep it to the stack
            // trace the runtime logs, and fail with a message of our own.
            log.with("outcome", "FAILED").with("userSub", rawSub(event))
                    .with("errorType", unexpected.getClass().getName())
                    .with("durationMs", elapsedMillis(start)).write(context.getLogger(), LogLevel.ERROR);
            throw new IllegalStateException("PostConfirmation failed unexpectedly (request " + context.getAwsRequestId()
                    + "); the function's log has the details", unexpected);
        }
    }

    private static String subOf(TriggerOutcome outcome) {
        return switch (outcome) {
            case TriggerOutcome.Registered registered -> registered.userId().value();
            case TriggerOutcome.AlreadyRegistered already -> already.userId().value();
            case TriggerOutcome.PasswordResetIgnored ignored -> null;
            case TriggerOutcome.UnknownSourceIgnored ignored -> null;
        };
    }

    /** The sub as sent, when it looks like one, so failed registrations can be found and repaired. */
    private static String rawSub(CognitoUserPoolPostConfirmationEvent event) {
        if (event == null || event.getRequest() == null || event.getRequest().getUserAttributes() == null) {
            return null;
        }
        String sub = event.getRequest().getUserAttributes().get("sub");
        return sub != null && sub.matches("[0-9A-Za-z-]{1,64}") ? sub : null;
    }

    /** Milliseconds to the microsecond: warm invocations take about a millisecond, so whole ones say little. */
    private static double elapsedMillis(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
    }
}
