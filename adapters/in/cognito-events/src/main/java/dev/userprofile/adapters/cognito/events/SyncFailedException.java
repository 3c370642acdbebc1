package dev.userprofile.adapters.cognito.events;

import java.util.Objects;

/**
 * A sync that could not finish (the pool or the table unreachable, or the profile changing under it every time).
 * Thrown out of the function so that Lambda's asynchronous retries, and then the dead-letter queue, take the event.
 * The message is fixed: the log line before it says what failed; nothing of a cause's message is carried.
 */
public final class SyncFailedException extends RuntimeException {

    /** Why it failed. */
    public enum Reason {
        DIRECTORY_UNAVAILABLE,
        STORAGE_UNAVAILABLE,
        CONTENDED,
        UNEXPECTED
    }

    private final Reason reason;

    public SyncFailedException(Reason reason, String requestId) {
        super("The user could not be synced (" + Objects.requireNonNull(reason, "reason") + "); Lambda retries the "
                + "event. Reference: " + requestId);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
