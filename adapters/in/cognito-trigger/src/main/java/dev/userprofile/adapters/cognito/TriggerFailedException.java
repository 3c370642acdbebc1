package dev.userprofile.adapters.cognito;

import java.util.Objects;

/**
 * What the function throws when a trigger fails. Cognito shows the message to the user ("PostConfirmation failed
 * with error ..."), so it is one of a few fixed sentences plus the request id, which support can look up in the
 * log: never a table, service, class name or exception text. The cause, with the details, goes to the log only.
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
        super(Objects.requireNonNull(reason, "reason").sentence() + " Reference: " + requestId, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
