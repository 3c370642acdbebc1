package dev.userprofile.bootstrap.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * A function's SnapStart hooks. Before the snapshot it runs the function's own paths, so the classes they load and
 * the code they warm are in the snapshot rather than paid for by the first user after a restore: for the trigger,
 * the attribute mapping, real DynamoDB requests that cannot write, and whole invocations rehearsed against a
 * repository that never leaves the process; for the profile API, requests for a user who does not exist and
 * rehearsed requests. None writes. After a restore it refreshes what the snapshot's age made stale (the
 * credentials) on a thread of its own, while the runtime fetches the waiting event.
 *
 * <p>Best effort: the runtime turns anything a beforeCheckpoint hook throws into an init error, which fails the
 * version's publication (and the stack's deployment) or a snapshot Lambda re-creates on its own. So a step that
 * fails (DynamoDB throttled, unreachable, an IAM change still propagating) is logged once as a warning and skipped,
 * and the snapshot goes ahead; the function then simply loads that part on first use. A refresh that fails after a
 * restore is logged the same way; the first request then fetches what it needs itself.
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
    /** How often an in-process rehearsal runs: it costs no request, so as often as the JIT needs. */
    public static final int REHEARSAL_ROUNDS = 500;

    /** Where Lambda's runtime puts each invocation's trace header for the AWS SDK, which forwards it on its calls. */
    private static final String TRACE_HEADER_KEY = "AWS_LAMBDA_X_TRACE_ID";
    /** Shaped as the runtime's header for an unsampled invocation; a rehearsal's calls never leave the process. */
    private static final String REHEARSAL_TRACE_HEADER = "Root=1-00000000-000000000000000000000000;Sampled=0";

    private final List<Step> beforeCheckpoint;
    private final List<Step> afterRestore;
    private final Clock clock;
    private final Supplier<LambdaLogger> logger;
    /** Built now, so a restore loads no class of its own before its refresh starts. */
    private final Thread.Builder refreshThread = Thread.ofPlatform().daemon().name("snapstart-refresh");

    private final Runnable refreshAndReport = this::refreshAndReport;

    /**
     * @param beforeCheckpoint the priming, run before the snapshot
     * @param afterRestore     the refresh, run after each restore off the restoring thread
     * @param logger           where the lines go: no Lambda context exists outside an invocation, so Lambda's
     *                         runtime logger, which writes to the function's log all the same
     */
    public SnapStartPriming(
            List<Step> beforeCheckpoint, List<Step> afterRestore, Clock clock, Supplier<LambdaLogger> logger) {
        this.beforeCheckpoint = List.copyOf(beforeCheckpoint);
        this.afterRestore = List.copyOf(afterRestore);
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

    /**
     * A step that builds a rehearsal when it runs (so nothing of it is built or kept outside a checkpoint, and a
     * failure to build it is a skipped step like any other) and runs it {@code rounds} times, each as inside an
     * invocation: with the trace header the runtime hands the SDK, so the SDK's per-invocation path (forwarding it)
     * is primed too. Whatever header the thread had before is put back.
     */
    public static Step rehearsed(String name, int rounds, Supplier<? extends Runnable> rehearsal) {
        return new Step(name, () -> {
            Runnable run = rehearsal.get();
            String before = SdkInternalThreadLocal.get(TRACE_HEADER_KEY);
            SdkInternalThreadLocal.put(TRACE_HEADER_KEY, REHEARSAL_TRACE_HEADER);
            try {
                for (int i = 0; i < rounds; i++) {
                    run.run();
                }
            } finally {
                // put(key, null) removes the key, and with it the thread's map when it is left empty.
                SdkInternalThreadLocal.put(TRACE_HEADER_KEY, before);
            }
        });
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        int failed = prime();
        summary("snapstart_priming", failed == 0 ? "PRIMED" : "PARTLY_PRIMED", failed, start);
    }

    /**
     * Starts the refresh and returns: the runtime asks for the waiting event as soon as the hooks return, so a
     * credentials fetch here overlaps with the event's delivery instead of preceding the user's first request (which
     * waits only for what is left of it).
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        if (!afterRestore.isEmpty()) {
            refreshThread.start(refreshAndReport);
        }
    }

    private void refreshAndReport() {
        long start = System.nanoTime();
        int failed = refresh();
        summary("snapstart_restore", failed == 0 ? "REFRESHED" : "PARTLY_REFRESHED", failed, start);
    }

    /** The priming itself, without the summary line; returns how many steps failed. */
    public int prime() {
        return runAll(beforeCheckpoint, "snapstart_priming");
    }

    /** The refresh itself, on the calling thread, without the summary line; returns how many steps failed. */
    public int refresh() {
        return runAll(afterRestore, "snapstart_restore");
    }

    private int runAll(List<Step> steps, String event) {
        int failed = 0;
        for (Step step : steps) {
            if (!run(step, event)) {
                failed++;
            }
        }
        return failed;
    }

    private void summary(String event, String outcome, int failedSteps, long start) {
        JsonLogLine.of(clock, LogLevel.INFO)
                .with("event", event)
                .with("outcome", outcome)
                .with("failedSteps", failedSteps)
                .withDurationSince(start)
                .writeTo(logger.get());
    }

    private boolean run(Step step, String event) {
        try {
            step.work().run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            // The message names the table and the error code at most (the repository never quotes item data).
            JsonLogLine.of(clock, LogLevel.WARN)
                    .with("event", event)
                    .with("step", step.name())
                    .with("outcome", "STEP_SKIPPED")
                    .with("errorType", e.getClass().getName())
                    .with("error", e.getMessage())
                    .writeTo(logger.get());
            return false;
        }
    }
}
