package dev.userprofile.application.port.in;

/**
 * Compares every user of the pool with the store and, as asked, repairs what differs: the safety net under the sign-in
 * refresh and the events, which can each miss a change (ADR 0021).
 */
public interface ReconcilePoolUseCase {

    /**
     * @throws InterruptedException when the run is stopped while it waits its turn; what was done is kept
     */
    ReconcileReport reconcile(ReconcilePoolCommand command) throws InterruptedException;
}
