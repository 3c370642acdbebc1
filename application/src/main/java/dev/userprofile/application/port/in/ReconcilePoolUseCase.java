package dev.userprofile.application.port.in;

import java.util.Optional;

/**
 * Compares every user of the pool with the store and, as asked, repairs what differs: the safety net under the sign-in
 * refresh and the events, which can each miss a change (ADR 0021). A run may take several invocations: it pauses when
 * the command says time is up, and the next call goes on where it stopped.
 */
public interface ReconcilePoolUseCase {

    /**
     * Goes on with the run under way, or starts one.
     *
     * @throws InterruptedException when the run is stopped while it waits its turn; what was saved is kept
     * @throws ReconcileBusyException when another invocation is working on the run
     * @throws ProfileStoreUnavailableException when the store cannot be reached or refuses the request
     * @throws UserPoolUnavailableException when the pool cannot be read; never a sign that the user is gone
     */
    ReconcileReport reconcile(ReconcilePoolCommand command) throws InterruptedException;

    /**
     * Goes on with the run under way, if there is one; starts none.
     *
     * @throws InterruptedException when the run is stopped while it waits its turn; what was saved is kept
     * @throws ReconcileBusyException when another invocation is working on the run
     * @throws ProfileStoreUnavailableException when the store cannot be reached or refuses the request
     * @throws UserPoolUnavailableException when the pool cannot be read; never a sign that the user is gone
     */
    Optional<ReconcileReport> continueRun(ReconcilePoolCommand command) throws InterruptedException;
}
