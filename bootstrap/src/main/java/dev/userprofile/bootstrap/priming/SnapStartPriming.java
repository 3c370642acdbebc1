package dev.userprofile.bootstrap.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.adapters.shared.priming.Priming;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * A function's SnapStart hooks. Before the snapshot it runs the adapters' priming parts (each adapter keeps its own in
 * its {@code priming} package: real requests that cannot write, and whole invocations rehearsed on the function's own
 * graph over stores that never leave the process), so the classes they load and the code they warm are in the
 * snapshot rather than paid for by the first user after a restore. None writes. After a restore it refreshes what the
 * snapshot's age made stale (the credentials) on a thread of its own, while the runtime fetches the waiting event.
 *
 * <p>Best effort: the runtime turns anything a beforeCheckpoint hook throws into an init error, which fails the
 * version's publication (and the stack's deployment) or a snapshot Lambda re-creates on its own. So a part that
 * fails (DynamoDB throttled, unreachable, an IAM change still propagating) is logged once as a warning and skipped,
 * and the snapshot goes ahead; the function then simply loads that part on first use. A refresh that fails after a
 * restore is logged the same way; the first request then fetches what it needs itself.
 */
public final class SnapStartPriming implements Resource {

    /** One named step of the refresh after a restore. */
    public record Step(String name, Runnable work) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
        }
    }

    /** Where Lambda's runtime puts each invocation's trace header for the AWS SDK, which forwards it on its calls. */
    private static final String TRACE_HEADER_KEY = "AWS_LAMBDA_X_TRACE_ID";
    /** Shaped as the runtime's header for an unsampled invocation; a rehearsal's calls never leave the process. */
    private static final String REHEARSAL_TRACE_HEADER = "Root=1-00000000-000000000000000000000000;Sampled=0";

    private final List<Priming> beforeCheckpoint;
    private final List<Step> afterRestore;
    private final Clock clock;
    private final Supplier<LambdaLogger> logger;
    /** Built now, so a restore loads no class of its own before its refresh starts. */
    private final Thread.Builder refreshThread = Thread.ofPlatform().daemon().name("snapstart-refresh");

    private final Runnable refreshAndReport = this::refreshAndReport;

    /**
     * @param beforeCheckpoint the adapters' priming parts, run in this order before the snapshot
     * @param afterRestore     the refresh, run after each restore off the restoring thread
     * @param logger           where the lines go: no Lambda context exists outside an invocation, so Lambda's
     *                         runtime logger, which writes to the function's log all the same
     */
    public SnapStartPriming(
            List<Priming> beforeCheckpoint, List<Step> afterRestore, Clock clock, Supplier<LambdaLogger> logger) {
        this.beforeCheckpoint = List.copyOf(beforeCheckpoint);
        this.afterRestore = List.copyOf(afterRestore);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /**
     * A function's hooks as Lambda runs them: {@code parts} before the snapshot, the credentials fetched again after
     * each restore, every line to Lambda's runtime logger.
     */
    public static SnapStartPriming of(List<Priming> parts, AwsCredentialsProvider credentials, Clock clock) {
        return new SnapStartPriming(
                parts,
                List.of(new Step("credentials", credentials::resolveCredentials)),
                clock,
                LambdaRuntime::getLogger);
    }

    /**
     * Runs a part; a rehearsal as inside an invocation: with the trace header the runtime hands the SDK, so the SDK's
     * per-invocation path (forwarding it) is primed too. Whatever header the thread had before is put back.
     */
    private static void prime(Priming part) {
        if (!part.rehearsed()) {
            part.prime();
            return;
        }
        String before = SdkInternalThreadLocal.get(TRACE_HEADER_KEY);
        SdkInternalThreadLocal.put(TRACE_HEADER_KEY, REHEARSAL_TRACE_HEADER);
        try {
            part.prime();
        } finally {
            // put(key, null) removes the key, and with it the thread's map when it is left empty.
            SdkInternalThreadLocal.put(TRACE_HEADER_KEY, before);
        }
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
        int failed = 0;
        for (Priming part : beforeCheckpoint) {
            if (!run(part.name(), () -> prime(part), "snapstart_priming")) {
                failed++;
            }
        }
        return failed;
    }

    /** The refresh itself, on the calling thread, without the summary line; returns how many steps failed. */
    public int refresh() {
        int failed = 0;
        for (Step step : afterRestore) {
            if (!run(step.name(), step.work(), "snapstart_restore")) {
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

    private boolean run(String name, Runnable work, String event) {
        try {
            work.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            // The message names the table and the error code at most (the repository never quotes item data).
            JsonLogLine.of(clock, LogLevel.WARN)
                    .with("event", event)
                    .with("step", name)
                    .with("outcome", "STEP_SKIPPED")
                    .with("errorType", e.getClass().getName())
                    .with("error", e.getMessage())
                    .writeTo(logger.get());
            return false;
        }
    }
}
