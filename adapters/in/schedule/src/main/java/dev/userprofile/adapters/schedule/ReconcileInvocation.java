package dev.userprofile.adapters.schedule;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.lambda.logging.JsonLogLine;
import dev.userprofile.application.port.in.ErasureApproval;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduled reconcile (ADR 0021): the whole pool compared with the table, missing users registered, stale ones
 * brought in line, orphans erased unless the guard refuses; one summary line with the metrics an operator alarms on.
 * Whatever the schedule sends is ignored: the run needs nothing from it.
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
     * @throws ReconcileFailedException when the run could not finish, so that Lambda's retry and the errors alarm apply
     */
    public ReconcileReport handle(String requestId, LambdaLogger logger) {
        long start = System.nanoTime();
        ReconcileReport report;
        try {
            report = reconcilePool.reconcile(
                    new ReconcilePoolCommand(true, Optional.of(ErasureApproval.ALWAYS), maxErasureShare, seenRecently));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(ReconcileFailedException.Reason.INTERRUPTED, e, requestId, start, logger);
        } catch (UserDirectoryUnavailableException e) {
            throw failed(ReconcileFailedException.Reason.DIRECTORY_UNAVAILABLE, e, requestId, start, logger);
        } catch (UserRepositoryUnavailableException e) {
            throw failed(ReconcileFailedException.Reason.STORAGE_UNAVAILABLE, e, requestId, start, logger);
        } catch (SyncContendedException e) {
            throw failed(ReconcileFailedException.Reason.CONTENDED, e, requestId, start, logger);
        } catch (RuntimeException e) {
            throw failed(ReconcileFailedException.Reason.UNEXPECTED, e, requestId, start, logger);
        }
        JsonLogLine line = JsonLogLine.of(clock, report.refused().isPresent() ? LogLevel.WARN : LogLevel.INFO)
                .with("requestId", requestId)
                .with("event", "reconcile")
                .with("outcome", report.refused().isPresent() ? "ERASURE_REFUSED" : "RECONCILED")
                .with("refusal", report.refused().map(Enum::name).orElse(null))
                .with("checked", report.checked())
                .with("missing", report.missing().size())
                .with("stale", report.stale().size())
                .with("orphaned", report.orphaned().size())
                .with("registered", report.registered())
                .with("updated", report.updated())
                .with("erased", report.erased())
                .with("failedUsers", report.failed())
                .withDurationSince(start);
        Map<String, Integer> metrics = new LinkedHashMap<>();
        metrics.put("Checked", report.checked());
        metrics.put("Missing", report.missing().size());
        metrics.put("Stale", report.stale().size());
        metrics.put("Erased", report.erased());
        metrics.put("Refused", report.refused().isPresent() ? 1 : 0);
        // What events and sign-ins had not already brought in line: the one number a drift alarm watches.
        metrics.put(
                "Drift",
                report.missing().size()
                        + report.stale().size()
                        + report.orphaned().size());
        line.metrics(functionName, metrics).writeTo(logger);
        return report;
    }

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
