package dev.userprofile.adapters.cognito.admin;

import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * What the custom resource's stack is doing, read from CloudFormation. A Delete request alone cannot tell a stack
 * being deleted from an update rolling back, which deletes resources the failed update created while the functions
 * stay: only the first may take the trigger off the pool.
 */
public final class StackStatus {

    /**
     * The stack's functions are going away: it is being deleted, its creation is rolling back, or a finished update's
     * cleanup removes what it replaced (a pool replaced by another).
     */
    static final Set<String> FUNCTIONS_GOING_AWAY =
            Set.of("DELETE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");

    private final CloudFormationClient cloudFormation;

    public StackStatus(CloudFormationClient cloudFormation) {
        this.cloudFormation = Objects.requireNonNull(cloudFormation, "cloudFormation");
    }

    /** The stack's status as CloudFormation names it ({@code DELETE_IN_PROGRESS} ...). */
    public String of(String stackId) {
        return cloudFormation
                .describeStacks(b -> b.stackName(stackId))
                .stacks()
                .getFirst()
                .stackStatusAsString();
    }

    static boolean functionsGoingAway(String status) {
        return FUNCTIONS_GOING_AWAY.contains(status);
    }
}
