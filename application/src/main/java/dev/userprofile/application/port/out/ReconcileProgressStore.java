package dev.userprofile.application.port.out;

import java.time.Instant;

/**
 * Keeps a whole-pool reconcile's progress between invocations, and lets one invocation at a time work on it: a run
 * outlasts one invocation, and a schedule may start the next slice while one is still running.
 */
public interface ReconcileProgressStore {

    /** What {@link #claim} found. */
    sealed interface Claim {

        /** No run is under way; the caller now holds the store. {@code lastListed}: the last run's users, or 0. */
        record Fresh(long lastListed) implements Claim {}

        /** A run is under way; the caller now holds it. */
        record Resumed(ReconcileProgress progress) implements Claim {}

        /** Another invocation holds the store until {@code until}. */
        record Busy(Instant until) implements Claim {}
    }

    /**
     * Takes the store until {@code until}, unless another invocation holds it at {@code now}.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached
     * @throws IllegalStateException              when the saved progress cannot be read back
     */
    Claim claim(Instant now, Instant until);

    /** Saves the run's progress for the next invocation and lets go of the store. */
    void save(ReconcileProgress progress);

    /** The run is over: forgets its progress, remembers how many users it listed, and lets go of the store. */
    void finish(long listed);

    /** Lets go of the store, keeping what was saved last (a failed invocation). */
    void release();

    /** A store that keeps nothing: every run starts afresh and runs to its end (the operator tool's). */
    ReconcileProgressStore NONE = new ReconcileProgressStore() {
        @Override
        public Claim claim(Instant now, Instant until) {
            return new Claim.Fresh(0);
        }

        @Override
        public void save(ReconcileProgress progress) {
            throw new IllegalStateException("a run without a progress store cannot be paused");
        }

        @Override
        public void finish(long listed) {}

        @Override
        public void release() {}
    };
}
