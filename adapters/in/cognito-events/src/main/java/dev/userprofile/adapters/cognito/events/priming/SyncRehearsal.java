package dev.userprofile.adapters.cognito.events.priming;

import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.adapters.cognito.events.UserChangeEvents;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.adapters.shared.priming.RehearsalLogger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Cognito event for a sample user, run through a whole {@link SyncInvocation} (reading, dispatch, use case,
 * repository, log line) for SnapStart priming. The invocation given must be built on a directory and a repository
 * that never leave the process, so the path a real change takes (a profile found and updated) is in the snapshot
 * without anything being read from the pool or written; its line goes to a {@link RehearsalLogger}, so no rehearsal
 * counts in the function's metrics.
 */
public final class SyncRehearsal {

    private final SyncInvocation invocation;
    private final byte[] event;
    private final RehearsalLogger log = new RehearsalLogger();

    public SyncRehearsal(SyncInvocation invocation, String userPoolId) {
        this.invocation = Objects.requireNonNull(invocation, "invocation");
        this.event = ("{\"source\":\"" + UserChangeEvents.SOURCE + "\",\"detail-type\":\""
                        + UserChangeEvents.DETAIL_TYPE
                        + "\",\"detail\":{\"eventName\":\"AdminUpdateUserAttributes\",\"requestParameters\":"
                        + "{\"userPoolId\":\"" + userPoolId + "\"},\"additionalEventData\":{\"sub\":\""
                        + AttributeMappingPriming.SAMPLE_SUB
                        + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rehearsal as a part of the function's priming, on the invocation {@code build} makes when the part runs
     * (the function's own graph on an in-process directory and the DynamoDB adapter's rehearsal repository).
     */
    public static Priming priming(Supplier<SyncInvocation> build, String userPoolId) {
        return Priming.rehearsal(
                "invocation-rehearsal",
                Priming.REHEARSAL_ROUNDS,
                () -> new SyncRehearsal(build.get(), userPoolId)::run);
    }

    /** @throws IllegalStateException when the rehearsed event does not end as a real change would */
    public void run() {
        invocation.handle(new ByteArrayInputStream(event), "rehearsal", log);
        if (!log.lastLine().contains("\"outcome\":\"UPDATED\"")) {
            throw new IllegalStateException("a rehearsed sync did not end UPDATED (is the invocation built on a "
                    + "rehearsal directory and repository?)");
        }
    }
}
