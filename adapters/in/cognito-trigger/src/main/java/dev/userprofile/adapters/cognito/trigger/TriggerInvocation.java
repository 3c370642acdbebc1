package dev.userprofile.adapters.cognito.trigger;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.shared.cognito.DroppedAttribute;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One trigger invocation as the function sees it: runs the {@link CognitoTrigger}, writes one log line with
 * its outcome and embedded metrics, and translates a failure. A failed sign-up confirmation throws
 * {@link TriggerFailedException}, whose message Cognito shows the user: a fixed sentence and the request id; the
 * details go to the log line and the stack trace. A failed reset or sign-in is logged and let through.
 */
public final class TriggerInvocation {

    private final CognitoTrigger trigger;
    private final Clock clock;
    private final MetricDimensions metrics;

    /** @param metrics the function's name and version, which its embedded metrics are dimensioned by */
    public TriggerInvocation(CognitoTrigger trigger, Clock clock, MetricDimensions metrics) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Handles one invocation and returns the event, as Cognito requires.
     *
     * @throws TriggerFailedException when a sign-up confirmation could not register the user
     */
    public @Nullable CognitoUserPoolPostConfirmationEvent handle(
            @Nullable CognitoUserPoolPostConfirmationEvent event, String requestId, LambdaLogger logger) {
        long start = System.nanoTime();
        String sourceValue = event == null ? null : event.getTriggerSource();
        TriggerSource source = TriggerSource.of(sourceValue);
        TriggerOutcome outcome;
        try {
            outcome = trigger.handle(event);
        } catch (InvalidRegistrationInputException e) {
            return failed(
                    TriggerFailedException.Reason.INVALID_EVENT,
                    e,
                    e.getMessage(),
                    event,
                    source,
                    requestId,
                    logger,
                    start);
        } catch (ProfileStoreUnavailableException e) {
            return failed(
                    TriggerFailedException.Reason.STORAGE_UNAVAILABLE,
                    e,
                    e.getMessage(),
                    event,
                    source,
                    requestId,
                    logger,
                    start);
        } catch (RuntimeException e) {
            // Its message may quote data: the log line gets its type and frames, never its text.
            return failed(TriggerFailedException.Reason.UNEXPECTED, e, null, event, source, requestId, logger, start);
        }
        LogLevel level = outcome.dropped().isEmpty() ? LogLevel.INFO : LogLevel.WARN;
        JsonLogLine line = line(level, requestId, source, sourceValue)
                .with("outcome", outcome.code())
                .with("userSub", subOf(outcome))
                .with("droppedAttributes", dropped(outcome.dropped()))
                .withDurationSince(start);
        if (!(outcome instanceof TriggerOutcome.KeptAlive)) {
            line.metrics(metrics, counts(outcome, source));
        }
        line.writeTo(logger);
        return event;
    }

    /**
     * Logs a failure, then fails the user's sign-up confirmation, or lets a password reset or sign-in through (the
     * user's next sign-in registers them instead).
     */
    private @Nullable CognitoUserPoolPostConfirmationEvent failed(
            TriggerFailedException.Reason reason,
            RuntimeException cause,
            @Nullable String detail,
            @Nullable CognitoUserPoolPostConfirmationEvent event,
            TriggerSource source,
            String requestId,
            LambdaLogger logger,
            long start) {
        boolean blocking = event == null || source.failureBlocksTheUser();
        JsonLogLine line = line(LogLevel.ERROR, requestId, source, event == null ? null : event.getTriggerSource())
                .with("outcome", "FAILED")
                .with("reason", reason.name())
                .with("userLetThrough", !blocking)
                .with("userSub", rawSub(event));
        if (reason == TriggerFailedException.Reason.UNEXPECTED) {
            // A bug: where it happened matters, so the frames go in (never the message, which may quote data).
            line.withFailure(cause);
        } else {
            // An expected failure is told by its reason and detail; frames would only bury them.
            line.with("errorType", cause.getClass().getName());
        }
        line.with("error", detail)
                .withDurationSince(start)
                .metrics(metrics, counts(null, TriggerSource.UNKNOWN))
                .writeTo(logger);
        if (blocking) {
            throw new TriggerFailedException(reason, requestId, cause);
        }
        return event;
    }

    /** The line's common fields: the source as the function read it, and as Cognito sent it. */
    private JsonLogLine line(LogLevel level, String requestId, TriggerSource source, @Nullable String sourceValue) {
        return JsonLogLine.of(clock, level)
                .with("requestId", requestId)
                .with("event", source.logEvent())
                .with("triggerSource", sourceValue);
    }

    /**
     * The embedded metrics every counted invocation emits, in this order (CloudWatch namespace
     * {@link JsonLogLine#METRIC_NAMESPACE}); template.yaml's alarms and dashboard name only these (a test checks).
     * {@code Healed} counts the registrations a sign-in made: users who had no profile until then.
     */
    public static final List<String> METRIC_NAMES =
            List.of("Registered", "AlreadyRegistered", "Refreshed", "Healed", "Ignored", "Failed", "AttributesDropped");

    /** The outcome counts for embedded metrics; a null outcome is a failure. */
    private static Map<String, Integer> counts(@Nullable TriggerOutcome outcome, TriggerSource source) {
        boolean registered = outcome instanceof TriggerOutcome.Registered;
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("Registered", registered ? 1 : 0);
        counts.put("AlreadyRegistered", outcome instanceof TriggerOutcome.AlreadyRegistered ? 1 : 0);
        counts.put("Refreshed", outcome instanceof TriggerOutcome.Refreshed ? 1 : 0);
        counts.put("Healed", registered && source == TriggerSource.POST_AUTHENTICATION ? 1 : 0);
        counts.put("Ignored", outcome instanceof TriggerOutcome.UnknownSourceIgnored ? 1 : 0);
        counts.put("Failed", outcome == null ? 1 : 0);
        counts.put("AttributesDropped", outcome == null ? 0 : outcome.dropped().size());
        return counts;
    }

    private static @Nullable List<Map<String, String>> dropped(List<DroppedAttribute> dropped) {
        if (dropped.isEmpty()) {
            return null;
        }
        return dropped.stream()
                .map(d -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("attribute", d.attribute());
                    entry.put("rule", d.rule());
                    return entry;
                })
                .toList();
    }

    private static @Nullable String subOf(TriggerOutcome outcome) {
        return switch (outcome) {
            case TriggerOutcome.Registered registered -> registered.userId().value();
            case TriggerOutcome.AlreadyRegistered already -> already.userId().value();
            case TriggerOutcome.Refreshed refreshed -> refreshed.userId().value();
            case TriggerOutcome.KeptAlive ignored -> null;
            case TriggerOutcome.UnknownSourceIgnored ignored -> null;
        };
    }

    /** The sub as sent, when it looks like one, so failed registrations can be found and repaired. */
    private static @Nullable String rawSub(@Nullable CognitoUserPoolPostConfirmationEvent event) {
        return CognitoTrigger.userAttributesOf(event)
                .map(attributes -> attributes.get("sub"))
                .filter(sub -> sub.matches("[0-9A-Za-z-]{1,64}"))
                .orElse(null);
    }
}
