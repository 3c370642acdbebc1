package dev.userprofile.bootstrap.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.lambda.logging.JsonLogLine;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs a function's own paths before the SnapStart snapshot, so the classes they load and the code they warm are in
 * the snapshot rather than paid for by the first user after a restore. Each function names its steps (for the
 * trigger: the attribute mapping and real DynamoDB requests that cannot write; for the profile API: requests for a
 * user who does not exist). None writes.
 *
 * <p>Best effort: the runtime turns anything a beforeCheckpoint hook throws into an init error, which fails the
 * version's publication (and the stack's deployment) or a snapshot Lambda re-creates on its own. So a step that
 * fails (DynamoDB throttled, unreachable, an IAM change still propagating) is logged once as a warning and skipped,
 * and the snapshot goes ahead; the function then simply loads that part on first use.
 */
public final class SnapStartPriming implements Resource {

    /** One named part of the priming; it stops at its first failure (repeating one would spend retry capacity). */
    public record Step(String name, Runnable work) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
        }
    }

    /** How often a request path runs: enough for the JIT to compile it before the snapshot. */
    public static final int REQUEST_ROUNDS = 25;

    private final List<Step> steps;
    private final Clock clock;
    private final Supplier<LambdaLogger> logger;

    /**
     * @param logger where the lines go: no Lambda context exists before a checkpoint, so Lambda's runtime logger,
     *               which writes to the function's log all the same
     */
    public SnapStartPriming(List<Step> steps, Clock clock, Supplier<LambdaLogger> logger) {
        this.steps = List.copyOf(steps);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** A step that runs {@code work} {@code rounds} times. */
    public static Step repeated(String name, int rounds, Runnable work) {
        return new Step(name, () -> {
            for (int i = 0; i < rounds; i++) {
                work.run();
            }
        });
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        int failed = prime();
        JsonLogLine.of(clock, LogLevel.INFO)
                .with("event", "snapstart_priming")
                .with("outcome", failed == 0 ? "PRIMED" : "PARTLY_PRIMED")
                .with("failedSteps", failed)
                .with("durationMs", (System.nanoTime() - start) / 1_000_000)
                .writeTo(logger.get());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials come from the container endpoint on demand, and the SDK retries a pooled
        // connection that did not survive the snapshot.
    }

    /** The priming itself, without the summary line; returns how many steps failed. */
    public int prime() {
        int failed = 0;
        for (Step step : steps) {
            if (!run(step)) {
                failed++;
            }
        }
        return failed;
    }

    private boolean run(Step step) {
        try {
            step.work().run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            // The message names the table and the error code at most (the repository never quotes item data).
            JsonLogLine.of(clock, LogLevel.WARN)
                    .with("event", "snapstart_priming")
                    .with("step", step.name())
                    .with("outcome", "STEP_SKIPPED")
                    .with("errorType", e.getClass().getName())
                    .with("error", e.getMessage())
                    .writeTo(logger.get());
            return false;
        }
    }
}
