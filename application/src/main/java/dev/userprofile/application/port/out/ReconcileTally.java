package dev.userprofile.application.port.out;

/**
 * What a reconcile has counted and done so far.
 *
 * @param checked    pool users compared with the store
 * @param missing    eligible pool users who had no profile
 * @param stale      pool users whose stored identity or status differed from the pool's
 * @param stored     stored profiles counted
 * @param orphaned   stored profiles whose user the pool did not list
 * @param registered missing users registered
 * @param updated    stale profiles brought in line
 * @param erased     orphans erased, each after the pool said once more that the user is gone
 * @param failed     users whose own repair or erasure failed
 */
public record ReconcileTally(
        int checked,
        int missing,
        int stale,
        int stored,
        int orphaned,
        int registered,
        int updated,
        int erased,
        int failed) {

    public static final ReconcileTally NONE = new ReconcileTally(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ReconcileTally {
        if (checked < 0
                || missing < 0
                || stale < 0
                || stored < 0
                || orphaned < 0
                || registered < 0
                || updated < 0
                || erased < 0
                || failed < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
