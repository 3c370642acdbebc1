package dev.userprofile.adapters.schedule;

import java.util.Objects;

/**
 * A reconcile invocation that could not go on. What it had done is kept (each write is atomic); the next Continue
 * event goes on from the run's last save, against the pool as it then is. The message is fixed: the log line says what failed.
 */
public final class ReconcileFailedException extends RuntimeException {

    /** Why it failed. */
    public enum Reason {
        DIRECTORY_UNAVAILABLE,
        STORAGE_UNAVAILABLE,
        CONTENDED,
        INTERRUPTED,
        /** The invocation's event is not one the function takes (nothing was run). */
        MALFORMED_EVENT,
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
