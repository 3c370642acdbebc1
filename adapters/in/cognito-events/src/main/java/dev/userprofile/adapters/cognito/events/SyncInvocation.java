package dev.userprofile.adapters.cognito.events;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.shared.cognito.CognitoSub;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.domain.UserId;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One invocation of the sync function: an EventBridge event in, one JSON log line out. A Cognito event naming a user
 * is only a hint (ADR 0019): the use case re-reads the pool, so a late, repeated, reordered or forged event does no
 * harm. Events that name no user of this pool are logged and ignored, never retried; a sync that cannot finish
 * throws, so Lambda retries it.
 */
public final class SyncInvocation {

    /** The {@code source} of the stack's keep-alive schedule; template.yaml sends the same. */
    public static final String KEEP_ALIVE_SOURCE = "user-profile-service.keep-alive";

    private final CognitoEventReader reader = new CognitoEventReader();
    private final SyncUserUseCase syncUser;
    private final String userPoolId;
    private final Clock clock;
    private final String functionName;

    public SyncInvocation(SyncUserUseCase syncUser, String userPoolId, Clock clock, String functionName) {
        this.syncUser = Objects.requireNonNull(syncUser, "syncUser");
        this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
    }

    /**
     * @throws SyncFailedException when the user could not be synced; nothing is half-written (each write is atomic)
     */
    public void handle(InputStream input, String requestId, LambdaLogger logger) {
        long start = System.nanoTime();
        CognitoUserEvent event;
        try {
            event = reader.read(input);
        } catch (MalformedEventException e) {
            ignored(requestId, null, e.getMessage(), start, logger);
            return;
        }
        if (KEEP_ALIVE_SOURCE.equals(event.source())) {
            line(LogLevel.INFO, requestId, event)
                    .with("outcome", "KEPT_ALIVE")
                    .withDurationSince(start)
                    .writeTo(logger);
            return;
        }
        if (!UserChangeEvents.SOURCE.equals(event.source())) {
            ignored(requestId, event, "not a Cognito event", start, logger);
            return;
        }
        if (event.userPoolId().isPresent() && !event.userPoolId().get().equals(userPoolId)) {
            ignored(requestId, event, "another user pool", start, logger);
            return;
        }
        if (event.sub().isEmpty()) {
            ignored(requestId, event, "no sub", start, logger);
            return;
        }
        if (!CognitoSub.isWellFormed(event.sub().get())) {
            ignored(requestId, event, "malformed sub", start, logger);
            return;
        }
        String sub = event.sub().get();
        SyncResult result;
        try {
            result = syncUser.sync(new SyncUserCommand(new UserId(sub), absenceAfter(event.eventName())));
        } catch (UserPoolUnavailableException e) {
            throw failed(SyncFailedException.Reason.DIRECTORY_UNAVAILABLE, e, requestId, event, start, logger);
        } catch (ProfileStoreUnavailableException e) {
            throw failed(SyncFailedException.Reason.STORAGE_UNAVAILABLE, e, requestId, event, start, logger);
        } catch (SyncContendedException e) {
            throw failed(SyncFailedException.Reason.CONTENDED, e, requestId, event, start, logger);
        } catch (RuntimeException e) {
            throw failed(SyncFailedException.Reason.UNEXPECTED, e, requestId, event, start, logger);
        }
        line(LogLevel.INFO, requestId, event)
                .with("outcome", code(result))
                .with("userSub", sub)
                .withDurationSince(start)
                .metrics(functionName, counts(result, false))
                .writeTo(logger);
    }

    private void ignored(
            String requestId,
            @Nullable CognitoUserEvent event,
            @Nullable String reason,
            long start,
            LambdaLogger logger) {
        line(LogLevel.WARN, requestId, event)
                .with("outcome", "IGNORED")
                .with("reason", reason)
                .withDurationSince(start)
                .metrics(functionName, counts(null, false))
                .writeTo(logger);
    }

    private SyncFailedException failed(
            SyncFailedException.Reason reason,
            RuntimeException cause,
            String requestId,
            CognitoUserEvent event,
            long start,
            LambdaLogger logger) {
        JsonLogLine line = line(LogLevel.ERROR, requestId, event)
                .with("outcome", "FAILED")
                .with("reason", reason.name())
                .with("userSub", event.sub().orElse(null));
        if (reason == SyncFailedException.Reason.UNEXPECTED) {
            // A bug: its frames matter; its message may quote data, so it is left out.
            line.withFailure(cause);
        } else {
            // The adapters' and the use case's messages name a table, a pool or a count, never a user's data.
            line.with("errorType", cause.getClass().getName()).with("error", cause.getMessage());
        }
        line.withDurationSince(start).metrics(functionName, counts(null, true)).writeTo(logger);
        return new SyncFailedException(reason, requestId);
    }

    private JsonLogLine line(LogLevel level, String requestId, @Nullable CognitoUserEvent event) {
        return JsonLogLine.of(clock, level)
                .with("requestId", requestId)
                .with("event", "user_sync")
                .with("eventName", event == null || event.eventName().isEmpty() ? null : event.eventName());
    }

    /**
     * After a call that created the user or made them able to sign in, the pool not finding them may be the pool not
     * having caught up: never an erasure (ADR 0020).
     */
    static SyncUserCommand.Absence absenceAfter(String eventName) {
        return UserChangeEvents.CREATING.contains(eventName)
                ? new SyncUserCommand.Absence.MayBeTooNew()
                : new SyncUserCommand.Absence.Gone();
    }

    static String code(SyncResult result) {
        return switch (result) {
            case SyncResult.Registered r -> "REGISTERED";
            case SyncResult.Updated u -> "UPDATED";
            case SyncResult.Unchanged u -> "UNCHANGED";
            case SyncResult.NotYetEligible n -> "NOT_YET_ELIGIBLE";
            case SyncResult.NotSeenYet n -> "NOT_SEEN_YET";
            case SyncResult.Erased e -> "ERASED";
            case SyncResult.AlreadyErased a -> "ALREADY_ERASED";
        };
    }

    /**
     * The embedded metrics every sync emits, in this order; template.yaml's alarms and dashboard name only these (a
     * test checks).
     */
    public static final List<String> METRIC_NAMES =
            List.of("Registered", "Updated", "Unchanged", "Erased", "Ignored", "Failed");

    /** Embedded metrics: what a sync changed, what was ignored, what failed (a null result is neither). */
    private static Map<String, Integer> counts(@Nullable SyncResult result, boolean failed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("Registered", result instanceof SyncResult.Registered ? 1 : 0);
        counts.put("Updated", result instanceof SyncResult.Updated ? 1 : 0);
        counts.put("Unchanged", result instanceof SyncResult.Unchanged ? 1 : 0);
        counts.put("Erased", result instanceof SyncResult.Erased ? 1 : 0);
        counts.put("Ignored", result == null && !failed ? 1 : 0);
        counts.put("Failed", failed ? 1 : 0);
        return counts;
    }
}
