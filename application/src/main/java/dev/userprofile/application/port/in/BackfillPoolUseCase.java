package dev.userprofile.application.port.in;

/**
 * Gives every eligible user of the pool who has no profile one, page by page, dated with the day they joined the
 * pool. Existing profiles are never changed: bringing them in line is the reconcile's work.
 */
public interface BackfillPoolUseCase {

    /**
     * @throws UserPoolUnavailableException when the pool cannot be listed
     *         for a reason that resuming would not cure (a wrong pool, a missing permission, a bad page token); a
     *         passing outage ends the run with a report that says where to resume instead
     */
    BackfillReport backfill(BackfillCommand command) throws InterruptedException;
}
