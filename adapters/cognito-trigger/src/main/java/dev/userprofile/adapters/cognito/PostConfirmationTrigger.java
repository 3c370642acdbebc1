package dev.userprofile.adapters.cognito;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import java.util.Map;
import java.util.Objects;

/**
 * Drives the RegisterUser use case from a PostConfirmation event. Only a sign-up confirmation registers; a password
 * reset fires the same trigger for an existing user and must never create or overwrite a profile.
 */
public final class PostConfirmationTrigger {

    private static final String ATTRIBUTES = "request.userAttributes";

    private final RegisterUserUseCase registerUser;
    private final CognitoAttributesMapper mapper;

    public PostConfirmationTrigger(RegisterUserUseCase registerUser, CognitoAttributesMapper mapper) {
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @throws InvalidTriggerEventException when a sign-up event lacks what a registration needs: the event, its
     *                                      {@code request.userAttributes}, or a well-formed {@code sub}
     */
    public TriggerOutcome handle(CognitoUserPoolPostConfirmationEvent event) {
        if (event == null) {
            throw new InvalidTriggerEventException("event", "is missing");
        }
        return switch (TriggerSource.of(event.getTriggerSource())) {
            case CONFIRM_SIGN_UP -> register(event);
            case CONFIRM_FORGOT_PASSWORD -> new TriggerOutcome.PasswordResetIgnored();
            case KEEP_ALIVE -> new TriggerOutcome.KeptAlive();
            case UNKNOWN -> new TriggerOutcome.UnknownSourceIgnored();
        };
    }

    private TriggerOutcome register(CognitoUserPoolPostConfirmationEvent event) {
        MappedRegistration registration = mapper.toRegistration(userAttributes(event), ATTRIBUTES);
        return switch (registerUser.register(registration.command())) {
            case RegistrationResult.Registered registered ->
                    new TriggerOutcome.Registered(registered.userId(), registration.dropped());
            case RegistrationResult.AlreadyRegistered already ->
                    new TriggerOutcome.AlreadyRegistered(already.userId(), registration.dropped());
        };
    }

    private static Map<String, String> userAttributes(CognitoUserPoolPostConfirmationEvent event) {
        if (event.getRequest() == null) {
            throw new InvalidTriggerEventException("request", "is missing");
        }
        Map<String, String> attributes = event.getRequest().getUserAttributes();
        if (attributes == null) {
            throw new InvalidTriggerEventException(ATTRIBUTES, "is missing");
        }
        return attributes;
    }
}
