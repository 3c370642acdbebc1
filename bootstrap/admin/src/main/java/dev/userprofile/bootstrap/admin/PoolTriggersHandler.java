package dev.userprofile.bootstrap.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.userprofile.adapters.cognito.admin.PoolTriggersResource;
import java.util.Map;

/**
 * The Lambda entry point of the stack's {@code PoolTriggers} custom resource (template.yaml): CloudFormation invokes it
 * when the stack is created, updated and deleted. It ships in profiles-admin.jar, beside detach-trigger, whose
 * read-modify-write it shares, and away from the functions users wait on.
 */
public final class PoolTriggersHandler implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private final PoolTriggersResource resource;

    /** Used by Lambda: the region and credentials from the environment. */
    public PoolTriggersHandler() {
        this(System.getenv());
    }

    /** On the variables given (tests give a local Cognito's endpoint and their own credentials). */
    public PoolTriggersHandler(Map<String, String> environment) {
        this.resource = PoolTriggersWiring.resource(environment);
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        resource.handle(event, context.getAwsRequestId(), context.getLogger());
        return null;
    }
}
