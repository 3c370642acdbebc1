package dev.userprofile.adapters.cognito;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import java.util.Objects;

/**
 * Drives the RegisterUser use case from a PostConfirmation event. Only a sign-up confirmation registers; a password
 * reset fires the same trigger for an existing user and must never create or overwrite a profile.
 */
public final class PostConfirmationTrigger {

    private final RegisterUserUseCase registerUser;
    private final PostConfirmationCommandMapper mapper;

    public PostConfirmationTrigger(RegisterUserUseCase registerUser, PostConfirmationCommandMapper mapper) {
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @throws InvalidTriggerEventException when a sign-up event lacks what a registration needs
     */
    public TriggerOutcome handle(CognitoUserPoolPostConfirmationEvent event) {
        if (event == null) {
            throw new InvalidTriggerEventException("event", "is missing");
        }
        return switch (TriggerSource.of(event.getTriggerSource())) {
            case CONFIRM_SIGN_UP -> switch (registerUser.register(mapper.toCommand(event))) {
                case RegistrationResult.Registered registered -> new TriggerOutcome.Registered(registered.userId());
                case RegistrationResult.AlreadyRegistered already ->
                        new TriggerOutcome.AlreadyRegistered(already.userId());
            };
            case CONFIRM_FORGOT_PASSWORD -> new TriggerOutcome.PasswordResetIgnored();
            case UNKNOWN -> new TriggerOutcome.UnknownSourceIgnored();
        };
    }
}
