package dev.userprofile.application.port.in;

import java.time.Instant;

/** Another invocation is working on the reconcile: this one leaves it alone (an expected overlap, not a failure). */
public final class ReconcileBusyException extends RuntimeException {

    private final Instant until;

    public ReconcileBusyException(Instant until) {
        super("another invocation holds the reconcile until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
