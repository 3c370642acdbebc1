package dev.userprofile.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What a whole-pool reconcile found and did, from its start (across every invocation it took) to now.
 *
 * @param checked    pool users compared with the store
 * @param missing    eligible pool users who had no profile
 * @param stale      pool users whose stored identity or status differed from the pool's
 * @param orphaned   stored profiles whose user the pool did not list (counted once the listing is done)
 * @param registered missing users registered by this run
 * @param updated    stale profiles brought in line by this run
 * @param erased     orphans erased by this run, each after the pool said once more that the user is gone
 * @param failed     users whose repair or erasure failed on its own (the profile kept changing, a stored id that
 *                   cannot be a Cognito sub); the run went on with the others
 * @param refused    why repairs and erasure were refused by the guard, when they were
 * @param finished   false when the run paused for a later invocation to go on with
 */
public record ReconcileReport(
        int checked,
        int missing,
        int stale,
        int orphaned,
        int registered,
        int updated,
        int erased,
        int failed,
        Optional<Refusal> refused,
        boolean finished) {

    /** Why the guard refused: the first two are the mark of a pool and a table that do not go together. */
    public enum Refusal {
        /** The pool listed no users while the store holds profiles: nothing was repaired or erased. */
        POOL_LISTS_NO_USERS,
        /** None of the stored profiles sampled belongs to a user of the pool: nothing was repaired or erased. */
        NO_STORED_PROFILE_IN_POOL,
        /** More orphans than the command's share of the stored profiles: repairs were made, nothing was erased. */
        TOO_MANY_ORPHANS
    }

    public ReconcileReport {
        Objects.requireNonNull(refused, "refused");
    }

    /** What the run had to change or found out of line: what events and sign-ins had not brought in line. */
    public int drift() {
        return missing + stale + orphaned;
    }
}
