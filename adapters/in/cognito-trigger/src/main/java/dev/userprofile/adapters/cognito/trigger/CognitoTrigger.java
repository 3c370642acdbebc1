package dev.userprofile.adapters.cognito.trigger;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.InvalidAttributesException;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.application.port.in.EnsureUserCurrentUseCase;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Drives registration from the user pool's triggers, so that every way into the pool ends with a profile:
 * <ul>
 *   <li>a sign-up confirmation registers (one conditional write);</li>
 *   <li>a password reset registers a user who has none yet, with the same conditional write, which never changes an
 *       existing profile (imported users finish through a reset);</li>
 *   <li>a sign-in (PostAuthentication) registers a user who has none (invited, migrated and imported users, and
 *       those whose earlier trigger failed) and refreshes a stored identity that Cognito changed: one read, and a
 *       write only when something is missing or different.</li>
 * </ul>
 * PostAuthentication events have the same shape as PostConfirmation ones (plus fields the runtime ignores), so
 * one event type serves both.
 */
public final class CognitoTrigger {

    private static final String ATTRIBUTES = "request.userAttributes";

    private final RegisterUserUseCase registerUser;
    private final EnsureUserCurrentUseCase ensureCurrent;
    private final CognitoAttributesMapper mapper;

    public CognitoTrigger(
            RegisterUserUseCase registerUser, EnsureUserCurrentUseCase ensureCurrent, CognitoAttributesMapper mapper) {
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.ensureCurrent = Objects.requireNonNull(ensureCurrent, "ensureCurrent");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @throws InvalidRegistrationInputException when an event that registers lacks what a registration needs: the event,
     *                                      its {@code request.userAttributes}, or a well-formed {@code sub}
     */
    public TriggerOutcome handle(@Nullable CognitoUserPoolPostConfirmationEvent event) {
        if (event == null) {
            throw new InvalidRegistrationInputException("event", "is missing");
        }
        return switch (TriggerSource.of(event.getTriggerSource())) {
            case CONFIRM_SIGN_UP, CONFIRM_FORGOT_PASSWORD -> register(event, registerUser::register);
            case POST_AUTHENTICATION -> register(event, ensureCurrent::ensureCurrent);
            case KEEP_ALIVE -> new TriggerOutcome.KeptAlive();
            case UNKNOWN -> new TriggerOutcome.UnknownSourceIgnored();
        };
    }

    private TriggerOutcome register(
            CognitoUserPoolPostConfirmationEvent event,
            Function<RegisterUserCommand, RegistrationResult> registration) {
        MappedAttributes mapped;
        try {
            mapped = mapper.toProfile(userAttributes(event), ATTRIBUTES);
        } catch (InvalidAttributesException e) {
            throw new InvalidRegistrationInputException(e.field(), e.rule());
        }
        return switch (registration.apply(new RegisterUserCommand(mapped.userId(), mapped.profile()))) {
            case RegistrationResult.Registered registered ->
                new TriggerOutcome.Registered(registered.userId(), mapped.dropped());
            case RegistrationResult.Refreshed refreshed ->
                new TriggerOutcome.Refreshed(refreshed.userId(), mapped.dropped());
            case RegistrationResult.AlreadyRegistered already ->
                new TriggerOutcome.AlreadyRegistered(already.userId(), mapped.dropped());
        };
    }

    private static Map<String, String> userAttributes(CognitoUserPoolPostConfirmationEvent event) {
        if (event.getRequest() == null) {
            throw new InvalidRegistrationInputException("request", "is missing");
        }
        return userAttributesOf(event)
                .orElseThrow(() -> new InvalidRegistrationInputException(ATTRIBUTES, "is missing"));
    }

    /** The event's user attributes, when it has any: the one place that reads them (and so the sub) from an event. */
    static Optional<Map<String, String>> userAttributesOf(@Nullable CognitoUserPoolPostConfirmationEvent event) {
        return event == null || event.getRequest() == null
                ? Optional.empty()
                : Optional.ofNullable(event.getRequest().getUserAttributes());
    }
}
