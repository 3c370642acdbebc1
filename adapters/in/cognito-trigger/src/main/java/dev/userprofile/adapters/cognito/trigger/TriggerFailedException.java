package dev.userprofile.adapters.cognito.trigger;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the function throws when a trigger fails. Cognito shows the message to the user ("PostConfirmation failed
 * with error ..."), so it is one of a few fixed sentences plus the request id, which support can look up in the
 * log: never a table, service, class name or exception text. The runtime also writes the thrown exception and its
 * causes to the log, messages included, so the cause is kept as a {@link RedactedCause}: the original's type and
 * frames, no message. The details go to the function's own log line.
 */
public final class TriggerFailedException extends RuntimeException {

    /** Why it failed, in words a user can read. */
    public enum Reason {
        INVALID_EVENT("Your account could not be set up because the sign-up data was incomplete."),
        STORAGE_UNAVAILABLE("Your account could not be set up because of a temporary problem."),
        UNEXPECTED("Your account could not be set up because of an unexpected problem.");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final Reason reason;

    public TriggerFailedException(Reason reason, String requestId, Throwable cause) {
        super(
                Objects.requireNonNull(reason, "reason").sentence() + " Reference: " + requestId,
                RedactedCause.of(cause));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** A cause with the type name and stack frames of the original (and of its causes) but none of their messages. */
    public static final class RedactedCause extends RuntimeException {

        private final String originalType;

        private RedactedCause(Throwable original) {
            super(
                    original.getClass().getName(),
                    original.getCause() == null ? null : of(original.getCause()),
                    false,
                    true);
            this.originalType = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static @Nullable RedactedCause of(@Nullable Throwable original) {
            return original == null ? null : new RedactedCause(original);
        }

        /** The class name of the exception this stands in for. */
        public String originalType() {
            return originalType;
        }
    }
}
