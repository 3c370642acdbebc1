package dev.userprofile.adapters.schedule;

import java.util.Objects;

/**
 * A reconcile that could not finish. What it had done is kept (each write is atomic); the next run, or Lambda's
 * retry of this one, goes on from the pool as it then is. The message is fixed: the log line says what failed.
 */
public final class ReconcileFailedException extends RuntimeException {

    /** Why it failed. */
    public enum Reason {
        DIRECTORY_UNAVAILABLE,
        STORAGE_UNAVAILABLE,
        CONTENDED,
        INTERRUPTED,
        UNEXPECTED
    }

    private final Reason reason;

    public ReconcileFailedException(Reason reason, String requestId) {
        super("The reconcile could not finish (" + Objects.requireNonNull(reason, "reason") + "). Reference: "
                + requestId);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
