package dev.userprofile.application.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Asks for the whole pool to be compared with the store.
 *
 * @param repair          register eligible users who have no profile and apply changed identities and statuses;
 *                        otherwise only report them
 * @param erasure         whether the profiles of users gone from the pool may be erased, asked once their number is
 *                        known; empty for a report that erases nothing
 * @param maxErasureShare the guard: more orphans than this share of the stored profiles (0 to 1; a few are always
 *                        allowed) are never erased, whatever the approval says; the run is refused instead
 * @param seenRecently    an orphan whose profile learnt of the user from the pool less than this long ago is left
 *                        alone: the pool's listing may not show a user created during the run
 * @param findings        told each user found out of line, as found
 * @param timeIsUp        asked between pages: once true, the run saves where it stands and returns, to be continued
 *                        by a later invocation
 * @param afterPage       told what the run has done so far after each page (an operator's progress), not finished
 */
public record ReconcilePoolCommand(
        boolean repair,
        Optional<ErasureApproval> erasure,
        double maxErasureShare,
        Duration seenRecently,
        Consumer<ReconcileFinding> findings,
        BooleanSupplier timeIsUp,
        Consumer<ReconcileReport> afterPage) {

    /** How long a profile must have gone without news of its user before a reconcile may erase it, by default. */
    public static final Duration SEEN_RECENTLY = Duration.ofMinutes(5);

    public ReconcilePoolCommand {
        Objects.requireNonNull(erasure, "erasure");
        Objects.requireNonNull(seenRecently, "seenRecently");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(timeIsUp, "timeIsUp");
        Objects.requireNonNull(afterPage, "afterPage");
        if (!(maxErasureShare >= 0 && maxErasureShare <= 1)) {
            throw new IllegalArgumentException("maxErasureShare must be between 0 and 1");
        }
        if (seenRecently.isNegative()) {
            throw new IllegalArgumentException("seenRecently must not be negative");
        }
    }

    /** A run to the end that tells no findings. */
    public ReconcilePoolCommand(
            boolean repair, Optional<ErasureApproval> erasure, double maxErasureShare, Duration seenRecently) {
        this(repair, erasure, maxErasureShare, seenRecently, finding -> {}, () -> false, soFar -> {});
    }

    /** The command with the default {@link #SEEN_RECENTLY}. */
    public ReconcilePoolCommand(boolean repair, Optional<ErasureApproval> erasure, double maxErasureShare) {
        this(repair, erasure, maxErasureShare, SEEN_RECENTLY);
    }

    public ReconcilePoolCommand tellingFindingsTo(Consumer<ReconcileFinding> listener) {
        return new ReconcilePoolCommand(repair, erasure, maxErasureShare, seenRecently, listener, timeIsUp, afterPage);
    }

    public ReconcilePoolCommand pausingWhen(BooleanSupplier condition) {
        return new ReconcilePoolCommand(repair, erasure, maxErasureShare, seenRecently, findings, condition, afterPage);
    }

    public ReconcilePoolCommand reportingProgressTo(Consumer<ReconcileReport> listener) {
        return new ReconcilePoolCommand(repair, erasure, maxErasureShare, seenRecently, findings, timeIsUp, listener);
    }
}
