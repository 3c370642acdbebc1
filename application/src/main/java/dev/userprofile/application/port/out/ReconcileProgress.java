package dev.userprofile.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a whole-pool reconcile stands, as saved between two invocations (ADR 0021): the phase, the position in it
 * (a listing page or a store page), the users listed so far and what the run has counted and done.
 *
 * @param position the listing page (LISTING) or the store's page (COUNTING, ERASING) to go on from; empty for the
 *                 phase's first
 */
public record ReconcileProgress(
        Instant startedAt, Phase phase, Optional<String> position, ListedUsers listed, ReconcileTally tally) {

    /** A run lists the pool (and repairs), then counts the orphans (and asks), then erases them. */
    public enum Phase {
        LISTING,
        COUNTING,
        ERASING
    }

    public ReconcileProgress {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(listed, "listed");
        Objects.requireNonNull(tally, "tally");
    }
}
