package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.userprofile.adapters.schedule.ReconcileInvocation;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.ReconcileSettings;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.wiring.ReconcileComponent;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The Lambda entry point of the scheduled reconcile: the daily schedule's event starts a run (or goes on with one),
 * the Continue schedule's goes on with a paused one. The answer of an asynchronous invocation is never read.
 */
public final class ReconcileHandler implements RequestStreamHandler {

    private final ReconcileInvocation invocation;

    /** Used by Lambda: configuration from the environment, clients built now. */
    public ReconcileHandler() {
        this(System.getenv());
    }

    /** An environment built from the variables given (tests and tools give their own). */
    public ReconcileHandler(Map<String, String> environment) {
        this.invocation = ReconcileComponent.create(
                        Configuration.fromEnvironment(environment),
                        SyncSettings.fromEnvironment(environment),
                        ReconcileSettings.fromEnvironment(environment))
                .reconcileInvocation();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        invocation.handle(input, context.getAwsRequestId(), context.getLogger(), context::getRemainingTimeInMillis);
    }
}
