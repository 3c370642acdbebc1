package dev.userprofile.adapters.shared.priming;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One part of a function's SnapStart priming, owned by the adapter whose paths it runs (each adapter keeps its parts in
 * its {@code priming} package). Before the snapshot the function runs every part once; a part runs its paths as often
 * as the JIT needs to compile them, so the first user after a restore finds them warm. A part writes nothing.
 */
public interface Priming {

    /** How often a part that sends real requests runs them: enough for the JIT, few enough for the service's quota. */
    int REQUEST_ROUNDS = 25;
    /** How often an in-process rehearsal runs: it costs no request, so as often as the JIT needs. */
    int REHEARSAL_ROUNDS = 500;
    /** How often a pure mapping runs: it costs microseconds. */
    int MAPPING_ROUNDS = 2_000;

    /** Names the part in the function's log when it fails. */
    String name();

    /**
     * Whether the part rehearses whole invocations (in-process). Such a part is run as inside an invocation, so the
     * per-invocation paths of the libraries it crosses are primed too.
     */
    boolean rehearsed();

    /**
     * Runs the part. Whatever it builds for the purpose is built here and dropped when it returns.
     *
     * @throws RuntimeException when a path fails; the rest of the part is skipped (repeating a failed request would
     *     spend the service's retry capacity)
     */
    void prime();

    /** A part that runs {@code once} {@code rounds} times; {@code once} may send requests. */
    static Priming repeated(String name, int rounds, Runnable once) {
        Objects.requireNonNull(once, "once");
        return new Part(name, false, () -> {
            for (int i = 0; i < rounds; i++) {
                once.run();
            }
        });
    }

    /**
     * A rehearsal: built when the part starts (so nothing of it is built or kept outside the priming, and a failure
     * to build it fails this part like any other), then run {@code rounds} times, all in-process.
     */
    static Priming rehearsal(String name, int rounds, Supplier<? extends Runnable> build) {
        Objects.requireNonNull(build, "build");
        return new Part(name, true, () -> {
            Runnable rehearsal = build.get();
            for (int i = 0; i < rounds; i++) {
                rehearsal.run();
            }
        });
    }

    /** A part given by its name, whether it rehearses invocations, and its work. */
    record Part(String name, boolean rehearsed, Runnable work) implements Priming {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
        }

        @Override
        public void prime() {
            work.run();
        }
    }
}
