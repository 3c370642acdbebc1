package dev.userprofile.adapters.cognito;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.domain.Email;
import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.Phone;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a sign-up confirmation into a {@link RegisterUserCommand}. Cognito sends every attribute as a string; absent
 * and empty optional attributes mean "not given", and unknown attributes (custom ones included) are ignored.
 */
public final class PostConfirmationCommandMapper {

    private static final String ATTRIBUTES = "request.userAttributes";

    public RegisterUserCommand toCommand(CognitoUserPoolPostConfirmationEvent event) {
        Map<String, String> attributes = userAttributes(event);
        String sub = attributes.get("sub");
        if (sub == null || sub.isBlank()) {
            throw new InvalidTriggerEventException(ATTRIBUTES + ".sub", "is missing");
        }
        UserId userId = attribute("sub", () -> new UserId(sub));

        UserProfile.Builder profile = UserProfile.builder();
        String email = given(attributes, "email");
        if (email != null) {
            boolean verified = flag(attributes, "email_verified");
            profile.email(attribute("email", () -> Email.of(email, verified)));
        }
        String phone = given(attributes, "phone_number");
        if (phone != null) {
            boolean verified = flag(attributes, "phone_number_verified");
            profile.phone(attribute("phone_number", () -> Phone.of(phone, verified)));
        }
        name(attributes, "given_name", profile::givenName);
        name(attributes, "family_name", profile::familyName);
        name(attributes, "name", profile::displayName);
        String locale = given(attributes, "locale");
        if (locale != null) {
            profile.locale(attribute("locale", () -> new LanguageTag(locale)));
        }
        FederatedIdentities.primaryProvider(attributes.get("identities")).ifPresent(profile::identityProvider);
        return new RegisterUserCommand(userId, profile.build());
    }

    private static Map<String, String> userAttributes(CognitoUserPoolPostConfirmationEvent event) {
        if (event == null) {
            throw new InvalidTriggerEventException("event", "is missing");
        }
        if (event.getRequest() == null) {
            throw new InvalidTriggerEventException("request", "is missing");
        }
        Map<String, String> attributes = event.getRequest().getUserAttributes();
        if (attributes == null) {
            throw new InvalidTriggerEventException(ATTRIBUTES, "is missing");
        }
        return attributes;
    }

    private static String given(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Cognito sends booleans as "true"/"false"; case is ignored, absence means not verified. */
    private static boolean flag(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidTriggerEventException(ATTRIBUTES + "." + key, "must be true or false");
        };
    }

    private static void name(Map<String, String> attributes, String key, Consumer<Name> setter) {
        String value = given(attributes, key);
        if (value != null) {
            setter.accept(attribute(key, () -> new Name(value)));
        }
    }

    /** Builds a value object, reporting a broken rule under the Cognito attribute's name. */
    private static <T> T attribute(String key, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidUserDataException e) {
            throw new InvalidTriggerEventException(ATTRIBUTES + "." + key, e.rule());
        }
    }
}
