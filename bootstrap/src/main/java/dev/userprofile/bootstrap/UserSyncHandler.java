package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.SyncComponent;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.crac.Core;

/**
 * The Lambda entry point of the sync function: EventBridge delivers Cognito's CloudTrail events (and the stack's
 * keep-alive) as bytes, which the adapter's {@link SyncInvocation} reads, acts on and logs. An asynchronous
 * invocation's answer is never read, so nothing is written back.
 */
public final class UserSyncHandler implements RequestStreamHandler {

    private final SyncInvocation invocation;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    /** Used by Lambda: configuration from the environment, clients built now, priming registered for SnapStart. */
    public UserSyncHandler() {
        this(System.getenv());
    }

    /** An environment built from the variables given (tests and tools give their own). */
    public UserSyncHandler(Map<String, String> environment) {
        this(SyncComponent.create(
                Configuration.fromEnvironment(environment), SyncSettings.fromEnvironment(environment)));
    }

    public UserSyncHandler(SyncComponent component) {
        this.invocation = component.syncInvocation();
        this.priming = component.snapStartPriming();
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        invocation.handle(input, context.getAwsRequestId(), context.getLogger());
    }
}
