package dev.userprofile.application.port.in;

import dev.userprofile.domain.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a whole-pool reconcile found and did.
 *
 * @param checked    pool users compared with the store
 * @param missing    eligible pool users who had no profile
 * @param stale      pool users whose stored identity or status differed from the pool's
 * @param orphaned   stored profiles whose user the pool did not list
 * @param registered missing users registered by this run
 * @param updated    stale profiles brought in line by this run
 * @param erased     orphans erased by this run, each after the pool said once more that the user is gone
 * @param failed     users whose repair or erasure failed on its own (the profile kept changing, a stored id that
 *                   cannot be a Cognito sub); the run went on with the others
 * @param refused    why repairs and erasure were refused by the guard, when they were
 */
public record ReconcileReport(
        int checked,
        Set<UserId> missing,
        Set<UserId> stale,
        Set<UserId> orphaned,
        int registered,
        int updated,
        int erased,
        int failed,
        Optional<Refusal> refused) {

    /** Why the guard refused: the first two are the mark of a pool and a table that do not go together. */
    public enum Refusal {
        /** The pool listed no users while the store holds profiles: nothing was repaired or erased. */
        POOL_LISTS_NO_USERS,
        /** None of the stored profiles belongs to a user the pool listed: nothing was repaired or erased. */
        NO_STORED_PROFILE_IN_POOL,
        /** More orphans than the command's share of the stored profiles: repairs were made, nothing was erased. */
        TOO_MANY_ORPHANS
    }

    public ReconcileReport {
        missing = Set.copyOf(missing);
        stale = Set.copyOf(stale);
        orphaned = Set.copyOf(orphaned);
        Objects.requireNonNull(refused, "refused");
    }
}
