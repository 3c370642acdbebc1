package dev.userprofile.application.port.out;

/**
 * Spaces the calls a bulk job makes to a rate-limited service, so that it takes only its share of a quota that
 * others (sign-ins, the sync function) share with it.
 */
public interface CallPacer {

    /** Returns when the next call may be made. */
    void awaitTurn() throws InterruptedException;
}
