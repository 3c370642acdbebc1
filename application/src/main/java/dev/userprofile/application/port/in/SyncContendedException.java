package dev.userprofile.application.port.in;

/**
 * A sync could not apply the pool's change because the profile kept changing under it through every attempt. Nothing
 * is lost: the caller's retry (Lambda's for an event, the next reconcile) applies it.
 */
public final class SyncContendedException extends RuntimeException {

    public SyncContendedException(int attempts) {
        super("the profile changed during each of " + attempts + " attempts to sync it");
    }
}
