package dev.userprofile.adapters.cognito.trigger.priming;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.adapters.shared.priming.RehearsalLogger;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A sign-up confirmation and a sign-in of a sample user, run through a whole {@link TriggerInvocation} (event
 * dispatch, mapping, use case, repository, log line) for SnapStart priming. The invocation given must be built on a
 * repository that never reaches the table (the DynamoDB adapter's rehearsal), so the paths a real user takes on
 * success (a registration accepted, a profile found) are in the snapshot without anything being written; its log
 * line goes to a {@link RehearsalLogger}, so no rehearsal counts in the function's metrics.
 */
public final class TriggerRehearsal {

    private final TriggerInvocation invocation;
    private final RehearsalLogger log = new RehearsalLogger();

    public TriggerRehearsal(TriggerInvocation invocation) {
        this.invocation = Objects.requireNonNull(invocation, "invocation");
    }

    /**
     * The rehearsal as a part of the function's priming, on the invocation {@code build} makes when the part runs
     * (the function's own graph on the DynamoDB adapter's rehearsal repository).
     */
    public static Priming priming(Supplier<TriggerInvocation> build) {
        return Priming.rehearsal(
                "invocation-rehearsal", Priming.REHEARSAL_ROUNDS, () -> new TriggerRehearsal(build.get())::run);
    }

    /** @throws IllegalStateException when a rehearsed invocation does not end as it would for a real user */
    public void run() {
        rehearse("PostConfirmation_ConfirmSignUp", "REGISTERED");
        rehearse("PostAuthentication_Authentication", "ALREADY_REGISTERED");
    }

    private void rehearse(String triggerSource, String outcome) {
        CognitoUserPoolPostConfirmationEvent event = CognitoUserPoolPostConfirmationEvent.builder()
                .withVersion("1")
                .withTriggerSource(triggerSource)
                .withRegion("eu-west-1")
                .withUserPoolId("eu-west-1_rehearsal")
                .withUserName("rehearsal")
                .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder()
                        .withUserAttributes(AttributeMappingPriming.SAMPLE_ATTRIBUTES)
                        .build())
                .build();
        invocation.handle(event, "rehearsal", log);
        if (!log.lastLine().contains("\"outcome\":\"" + outcome + "\"")) {
            throw new IllegalStateException("a rehearsed " + triggerSource + " did not end " + outcome
                    + " (is the invocation built on a rehearsal repository?)");
        }
    }
}
