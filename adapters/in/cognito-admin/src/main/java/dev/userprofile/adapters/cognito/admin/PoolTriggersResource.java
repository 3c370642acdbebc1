package dev.userprofile.adapters.cognito.admin;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.userprofile.adapters.shared.logging.JsonText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * The stack's custom resource that guards the pool's triggers (template.yaml, {@code PoolTriggers}):
 *
 * <ul>
 *   <li>On create and update it checks that the pool is in the stack's region and exists: Cognito invokes only
 *       functions in its own region, so a stack elsewhere could never be attached. A deployment fails with the reason.
 *   <li>On delete, when the stack's functions are going away ({@link StackStatus}; never when an update rolls back),
 *       for a pool the stack created (retained when the stack goes), it takes the stack's function off the pool's
 *       triggers with {@link TriggerAttachment#detach}, before the function is deleted: a pool that invokes a deleted
 *       function fails every sign-up and sign-in. An existing pool is the operator's (detach-trigger, the runbook):
 *       if it still invokes the function, the deletion fails, saying so, while nothing is deleted yet.
 * </ul>
 *
 * <p>Every request is answered, a failure as FAILED with its reason, so CloudFormation never waits out its hour.
 */
public final class PoolTriggersResource {

    /** The resource's properties, as template.yaml names them. */
    public static final String USER_POOL_ID = "UserPoolId";

    public static final String FUNCTION_ARN = "FunctionArn";
    public static final String DETACH_ON_DELETE = "DetachOnDelete";

    /** Tries of a detachment refused because the pool changed while it was read. */
    static final int DETACH_ATTEMPTS = 3;

    private final TriggerAttachment attachment;
    private final StackStatus stackStatus;
    private final String region;
    private final CustomResourceResponder responder;
    private final Clock clock;

    /** @param region the stack's region (Lambda's AWS_REGION) */
    public PoolTriggersResource(
            TriggerAttachment attachment,
            StackStatus stackStatus,
            String region,
            CustomResourceResponder responder,
            Clock clock) {
        this.attachment = Objects.requireNonNull(attachment, "attachment");
        this.stackStatus = Objects.requireNonNull(stackStatus, "stackStatus");
        this.region = Objects.requireNonNull(region, "region");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a request ended with: CloudFormation's status, the reason when it failed, and the resource's id. */
    record Outcome(boolean success, String reason, String physicalId, Map<String, String> data) {}

    public void handle(CloudFormationCustomResourceEvent event, String requestId, LambdaLogger logger) {
        Outcome outcome;
        try {
            outcome = decide(event);
        } catch (RuntimeException | LinkageError e) {
            // No message: an SDK's may be long; the error code says enough, and the log line has the type.
            outcome = new Outcome(
                    false,
                    "unexpected " + e.getClass().getSimpleName() + reasonOf(e),
                    physicalIdOr(event, "none"),
                    Map.of());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now(clock).toString());
        line.put("level", outcome.success() ? "INFO" : "ERROR");
        line.put("requestId", requestId);
        line.put("event", "pool_triggers");
        line.put("requestType", event.getRequestType());
        line.put("outcome", outcome.success() ? "SUCCESS" : "FAILED");
        line.put("reason", outcome.reason());
        line.put("physicalResourceId", outcome.physicalId());
        line.putAll(outcome.data());
        logger.log((JsonText.of(line) + "\n").getBytes(StandardCharsets.UTF_8));
        responder.send(URI.create(event.getResponseUrl()), response(event, outcome));
    }

    Outcome decide(CloudFormationCustomResourceEvent event) {
        Map<String, Object> properties =
                event.getResourceProperties() == null ? Map.of() : event.getResourceProperties();
        String pool = text(properties, USER_POOL_ID);
        String function = text(properties, FUNCTION_ARN);
        boolean detachOnDelete = "true".equalsIgnoreCase(text(properties, DETACH_ON_DELETE));
        String requestType = String.valueOf(event.getRequestType());
        if (requestType.equals("Delete")) {
            return delete(event, pool, function, detachOnDelete);
        }
        if (!requestType.equals("Create") && !requestType.equals("Update")) {
            return new Outcome(false, "unknown request type " + requestType, physicalIdOr(event, "none"), Map.of());
        }
        if (pool.isEmpty() || function.isEmpty()) {
            return new Outcome(false, USER_POOL_ID + " and " + FUNCTION_ARN + " are required", "none", Map.of());
        }
        Optional<String> elsewhere = regionMismatch(pool);
        if (elsewhere.isPresent()) {
            return new Outcome(false, elsewhere.get(), "none", Map.of());
        }
        try {
            attachment.describe(pool);
        } catch (ResourceNotFoundException e) {
            return new Outcome(
                    false, "there is no user pool " + pool + " in this account and region " + region, "none", Map.of());
        }
        return new Outcome(true, "", pool, Map.of());
    }

    private Outcome delete(
            CloudFormationCustomResourceEvent event, String pool, String function, boolean detachOnDelete) {
        String physicalId = physicalIdOr(event, pool);
        if (pool.isEmpty()
                || function.isEmpty()
                || !physicalId.equals(pool)
                || regionMismatch(pool).isPresent()) {
            // A resource whose creation failed: nothing was ever attached through it.
            return new Outcome(true, "", physicalId, Map.of());
        }
        String status = stackStatus.of(event.getStackId());
        if (!StackStatus.functionsGoingAway(status)) {
            // An update rolling back: the stack returns to its previous state, triggers attached.
            return new Outcome(true, "", physicalId, Map.of("skipped", status));
        }
        try {
            return detachOnDelete
                    ? detachFrom(pool, function, physicalId)
                    : refuseIfStillAttached(pool, function, physicalId);
        } catch (ResourceNotFoundException gone) {
            // Deleted with the stack's consent or by hand: nothing invokes the function any more.
            return new Outcome(true, "", physicalId, Map.of("detached", "pool gone"));
        } catch (SdkException e) {
            return new Outcome(
                    false,
                    "could not take the function off pool " + pool + "'s triggers ("
                            + e.getClass().getSimpleName() + reasonOf(e)
                            + "); run profiles-admin detach-trigger, then delete the stack again",
                    physicalId,
                    Map.of());
        }
    }

    private Outcome detachFrom(String pool, String function, String physicalId) {
        TriggerAttachment.Result result = detach(pool, function);
        if (result.refusal().isPresent()) {
            return new Outcome(
                    false,
                    "could not take the function off pool " + pool + "'s triggers: "
                            + result.refusal().get()
                            + "; run profiles-admin detach-trigger, then delete the stack again",
                    physicalId,
                    Map.of());
        }
        List<String> detached = result.before().keySet().stream()
                .filter(trigger -> !result.after().containsKey(trigger))
                .toList();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("detached", String.join(",", detached));
        if (!result.otherChanges().isEmpty()) {
            data.put("otherChanges", String.join(",", result.otherChanges()));
        }
        return new Outcome(true, "", physicalId, data);
    }

    /** A pool the stack did not create is never written; its deletion stops while the pool still needs the function. */
    private Outcome refuseIfStillAttached(String pool, String function, String physicalId) {
        TriggerAttachment.Result planned = attachment.detach(new TriggerAttachment.Detachment(pool, function, true));
        if (planned.after().equals(planned.before())) {
            return new Outcome(true, "", physicalId, Map.of());
        }
        return new Outcome(
                false,
                "user pool " + pool + " still invokes this stack's function ("
                        + String.join(
                                ", ",
                                planned.before().keySet().stream()
                                        .filter(trigger -> !planned.after().containsKey(trigger))
                                        .toList())
                        + "): deleting it would fail every sign-up and sign-in. Run profiles-admin detach-trigger"
                        + " --user-pool-id " + pool + " --function " + function + ", then delete the stack again",
                physicalId,
                Map.of());
    }

    /** The detachment, tried again while someone else's change keeps it from writing. */
    private TriggerAttachment.Result detach(String pool, String function) {
        TriggerAttachment.Result result = attachment.detach(new TriggerAttachment.Detachment(pool, function, false));
        for (int attempt = 2; attempt <= DETACH_ATTEMPTS && result.refusal().isPresent(); attempt++) {
            result = attachment.detach(new TriggerAttachment.Detachment(pool, function, false));
        }
        return result;
    }

    /** Why a pool id names another region than the stack's, when it does: Cognito's ids begin with the region. */
    private Optional<String> regionMismatch(String pool) {
        int separator = pool.indexOf('_');
        String poolRegion = separator > 0 ? pool.substring(0, separator) : "";
        if (poolRegion.equals(region)) {
            return Optional.empty();
        }
        return Optional.of("user pool " + pool + " is in region " + poolRegion + " but this stack is in " + region
                + ": Cognito invokes only functions in the pool's own region, so deploy the stack in " + poolRegion);
    }

    private static String text(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? "" : value.toString().strip();
    }

    private static String physicalIdOr(CloudFormationCustomResourceEvent event, String fallback) {
        String id = event.getPhysicalResourceId();
        return id == null || id.isBlank() ? fallback : id;
    }

    private static String reasonOf(Throwable e) {
        return e instanceof CognitoIdentityProviderException cognito && cognito.awsErrorDetails() != null
                ? ": " + cognito.awsErrorDetails().errorCode()
                : "";
    }

    private static String response(CloudFormationCustomResourceEvent event, Outcome outcome) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Status", outcome.success() ? "SUCCESS" : "FAILED");
        document.put("Reason", outcome.success() ? "done" : outcome.reason());
        document.put("PhysicalResourceId", outcome.physicalId());
        document.put("StackId", event.getStackId());
        document.put("RequestId", event.getRequestId());
        document.put("LogicalResourceId", event.getLogicalResourceId());
        document.put("Data", outcome.data());
        return JsonText.of(document);
    }
}
