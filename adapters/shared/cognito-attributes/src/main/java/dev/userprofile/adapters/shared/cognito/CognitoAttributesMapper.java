package dev.userprofile.adapters.shared.cognito;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns a user's Cognito attributes into a profile, by the same rules wherever they come from (a trigger event, a
 * pool listing, a single user read). Cognito sends every attribute as a string;
 * absent and empty optional attributes mean "not given", and unknown attributes (custom ones included) are ignored.
 *
 * <p>Only the {@code sub} is required. An optional attribute that breaks its rule is left out and reported, never
 * allowed to fail the registration: Cognito does not retry a failed trigger and the user stays confirmed, so
 * rejecting the whole sign-up for a malformed locale would lose the profile for good.
 */
public final class CognitoAttributesMapper {

    /**
     * @param attributes the user's attributes by Cognito name ({@code sub}, {@code email}, {@code given_name} ...)
     * @param fieldPrefix how the caller names the attribute map in errors, e.g. {@code request.userAttributes}
     * @throws InvalidAttributesException when the {@code sub} is missing or malformed
     */
    public MappedAttributes toProfile(Map<String, String> attributes, String fieldPrefix) {
        String sub = attributes.get("sub");
        if (sub == null || sub.isBlank()) {
            throw new InvalidAttributesException(fieldPrefix + ".sub", "is missing");
        }
        UserId userId;
        try {
            userId = new UserId(sub);
        } catch (InvalidUserDataException e) {
            throw new InvalidAttributesException(fieldPrefix + ".sub", e.rule());
        }

        Collector collector = new Collector();
        UserProfile.Builder profile = UserProfile.builder();
        String email = given(attributes, "email");
        if (email != null) {
            boolean verified = collector.flag(attributes, "email_verified");
            collector.optional("email", () -> VerifiableEmail.of(email, verified), profile::email);
        }
        String phone = given(attributes, "phone_number");
        if (phone != null) {
            boolean verified = collector.flag(attributes, "phone_number_verified");
            collector.optional("phone_number", () -> VerifiablePhone.of(phone, verified), profile::phone);
        }
        collector.optionalName(attributes, "given_name", profile::givenName);
        collector.optionalName(attributes, "family_name", profile::familyName);
        collector.optionalName(attributes, "name", profile::displayName);
        String locale = given(attributes, "locale");
        if (locale != null) {
            collector.optional("locale", () -> new LanguageTag(locale), profile::locale);
        }
        String identities = given(attributes, "identities");
        if (identities != null) {
            collector.optional(
                    "identities",
                    () -> FederatedIdentities.primaryProvider(identities).orElse(null),
                    profile::identityProvider);
        }
        return new MappedAttributes(userId, profile.build(), collector.dropped);
    }

    private static @Nullable String given(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Gathers the attributes that broke a rule while the profile is built. */
    private static final class Collector {
        private final List<DroppedAttribute> dropped = new ArrayList<>(0);

        <T> void optional(String key, Supplier<T> factory, Consumer<T> setter) {
            T value;
            try {
                value = factory.get();
            } catch (InvalidUserDataException e) {
                dropped.add(new DroppedAttribute(key, e.rule()));
                return;
            }
            if (value != null) {
                setter.accept(value);
            }
        }

        void optionalName(Map<String, String> attributes, String key, Consumer<Name> setter) {
            String value = given(attributes, key);
            if (value != null) {
                optional(key, () -> new Name(value), setter);
            }
        }

        /** Cognito sends booleans as "true"/"false"; case is ignored; absent or unreadable means not verified. */
        boolean flag(Map<String, String> attributes, String key) {
            String value = attributes.get(key);
            if (value == null || value.isEmpty()) {
                return false;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    dropped.add(new DroppedAttribute(key, "must be true or false"));
                    yield false;
                }
            };
        }
    }
}
