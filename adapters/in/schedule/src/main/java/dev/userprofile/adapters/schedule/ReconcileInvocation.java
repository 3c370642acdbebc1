package dev.userprofile.adapters.schedule;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.application.port.in.ErasureApproval;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.ReconcileBusyException;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One invocation of the scheduled reconcile (ADR 0021): the whole pool compared with the table, missing users
 * registered, stale ones brought in line, orphans erased unless the guard refuses. A run that needs longer than one
 * invocation pauses before Lambda's deadline and the Continue schedule's next event goes on with it. One line each
 * invocation; the metrics an operator alarms on once, when the run ends.
 */
public final class ReconcileInvocation {

    private final ReconcilePoolUseCase reconcilePool;
    private final double maxErasureShare;
    private final Duration seenRecently;
    private final Clock clock;
    private final String functionName;

    public ReconcileInvocation(
            ReconcilePoolUseCase reconcilePool,
            double maxErasureShare,
            Duration seenRecently,
            Clock clock,
            String functionName) {
        this.reconcilePool = Objects.requireNonNull(reconcilePool, "reconcilePool");
        this.maxErasureShare = maxErasureShare;
        this.seenRecently = Objects.requireNonNull(seenRecently, "seenRecently");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        // Fails at init, not at the first run, for values the command would refuse.
        new ReconcilePoolCommand(true, Optional.empty(), maxErasureShare, seenRecently);
    }

    /**
     * How long before Lambda's deadline a run pauses: enough for the page under way at the slowest pace (a listing
     * page's 60 repairs at one call a second) and for saving the progress.
     */
    public static final Duration PAUSE_MARGIN = Duration.ofSeconds(120);

    /**
     * Starts a run or goes on with the one under way ({@code {"continue":true}}: only goes on), until the run ends or
     * {@code remainingMillis} falls under {@link #PAUSE_MARGIN}.
     *
     * @return the run's report so far; empty when there was nothing to do (no run to continue, or another invocation
     *         holds the run)
     * @throws ReconcileFailedException when the invocation could not go on, so that the errors alarm applies; the
     *         next Continue event goes on from the last save
     */
    public Optional<ReconcileReport> handle(
            InputStream input, String requestId, LambdaLogger logger, LongSupplier remainingMillis) {
        long start = System.nanoTime();
        ReconcileEvent event;
        try {
            event = ReconcileEvent.read(input);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw failed(ReconcileFailedException.Reason.MALFORMED_EVENT, e, requestId, start, logger);
        }
        ReconcilePoolCommand command = new ReconcilePoolCommand(
                        true, Optional.of(ErasureApproval.ALWAYS), maxErasureShare, seenRecently)
                .pausingWhen(() -> remainingMillis.getAsLong() < PAUSE_MARGIN.toMillis());
        Optional<ReconcileReport> outcome;
        try {
            outcome = event.continueOnly()
                    ? reconcilePool.continueRun(command)
                    : Optional.of(reconcilePool.reconcile(command));
        } catch (ReconcileBusyException busy) {
            JsonLogLine.of(clock, LogLevel.INFO)
                    .with("requestId", requestId)
                    .with("event", "reconcile")
                    .with("outcome", "BUSY")
                    .with("heldUntil", busy.until().toString())
                    .withDurationSince(start)
                    .writeTo(logger);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(ReconcileFailedException.Reason.INTERRUPTED, e, requestId, start, logger);
        } catch (UserPoolUnavailableException e) {
            throw failed(ReconcileFailedException.Reason.DIRECTORY_UNAVAILABLE, e, requestId, start, logger);
        } catch (ProfileStoreUnavailableException e) {
            throw failed(ReconcileFailedException.Reason.STORAGE_UNAVAILABLE, e, requestId, start, logger);
        } catch (SyncContendedException e) {
            throw failed(ReconcileFailedException.Reason.CONTENDED, e, requestId, start, logger);
        } catch (RuntimeException e) {
            throw failed(ReconcileFailedException.Reason.UNEXPECTED, e, requestId, start, logger);
        }
        if (outcome.isEmpty()) {
            // Every few minutes when no run is under way: not worth a line at INFO.
            JsonLogLine.of(clock, LogLevel.DEBUG)
                    .with("requestId", requestId)
                    .with("event", "reconcile")
                    .with("outcome", "NOTHING_TO_CONTINUE")
                    .withDurationSince(start)
                    .writeTo(logger);
            return outcome;
        }
        ReconcileReport report = outcome.get();
        String result = !report.finished() ? "PAUSED" : report.refused().isPresent() ? "ERASURE_REFUSED" : "RECONCILED";
        JsonLogLine line = JsonLogLine.of(clock, report.refused().isPresent() ? LogLevel.WARN : LogLevel.INFO)
                .with("requestId", requestId)
                .with("event", "reconcile")
                .with("outcome", result)
                .with("refusal", report.refused().map(Enum::name).orElse(null))
                .with("checked", report.checked())
                .with("missing", report.missing())
                .with("stale", report.stale())
                .with("orphaned", report.orphaned())
                .with("registered", report.registered())
                .with("updated", report.updated())
                .with("erased", report.erased())
                .with("failedUsers", report.failed())
                .withDurationSince(start);
        if (!report.finished()) {
            // The counts so far; the metrics are the whole run's, emitted once, when it ends.
            line.writeTo(logger);
            return outcome;
        }
        Map<String, Integer> metrics = new LinkedHashMap<>();
        metrics.put("Checked", report.checked());
        metrics.put("Missing", report.missing());
        metrics.put("Stale", report.stale());
        metrics.put("Erased", report.erased());
        metrics.put("Refused", report.refused().isPresent() ? 1 : 0);
        // What events and sign-ins had not already brought in line: the one number a drift alarm watches.
        metrics.put("Drift", report.drift());
        line.metrics(functionName, metrics).writeTo(logger);
        return outcome;
    }

    /**
     * The embedded metrics a finished run emits, in this order ({@code Failed} alone when a run fails);
     * template.yaml's alarms and dashboard name only these (a test checks).
     */
    public static final List<String> METRIC_NAMES =
            List.of("Checked", "Missing", "Stale", "Erased", "Refused", "Drift", "Failed");

    private ReconcileFailedException failed(
            ReconcileFailedException.Reason reason,
            Exception cause,
            String requestId,
            long start,
            LambdaLogger logger) {
        JsonLogLine line = JsonLogLine.of(clock, LogLevel.ERROR)
                .with("requestId", requestId)
                .with("event", "reconcile")
                .with("outcome", "FAILED")
                .with("reason", reason.name());
        if (reason == ReconcileFailedException.Reason.UNEXPECTED) {
            line.withFailure(cause);
        } else {
            // These messages name a table, a pool or a count, never a user's data.
            line.with("errorType", cause.getClass().getName()).with("error", cause.getMessage());
        }
        line.withDurationSince(start).metrics(functionName, Map.of("Failed", 1)).writeTo(logger);
        return new ReconcileFailedException(reason, requestId);
    }
}
