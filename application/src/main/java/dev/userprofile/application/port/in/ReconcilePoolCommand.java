package dev.userprofile.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Asks for the whole pool to be compared with the store.
 *
 * @param repair           register eligible users who have no profile and apply changed identities and statuses;
 *                         otherwise only report them
 * @param erasure          whether the profiles of users gone from the pool may be erased, asked once their number is
 *                         known; empty for a report that erases nothing
 * @param maxErasureShare  the guard: more orphans than this share of the stored profiles (0 to 1) are never erased,
 *                         whatever the approval says; the run is refused instead
 */
public record ReconcilePoolCommand(boolean repair, Optional<ErasureApproval> erasure, double maxErasureShare) {

    public ReconcilePoolCommand {
        Objects.requireNonNull(erasure, "erasure");
        if (!(maxErasureShare >= 0 && maxErasureShare <= 1)) {
            throw new IllegalArgumentException("maxErasureShare must be between 0 and 1");
        }
    }
}
