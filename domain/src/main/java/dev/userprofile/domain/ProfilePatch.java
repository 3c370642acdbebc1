package dev.userprofile.domain;

import java.util.Objects;

/**
 * The changes a user may make to their own profile: names and locale. Everything else belongs to Cognito (email,
 * phone, their verification, the identity provider) or to the service (id, dates, version), and has no place here.
 */
public record ProfilePatch(
        FieldChange<Name> givenName,
        FieldChange<Name> familyName,
        FieldChange<Name> displayName,
        FieldChange<LanguageTag> locale) {

    /** A patch that changes nothing. */
    public static final ProfilePatch NONE =
            new ProfilePatch(FieldChange.keep(), FieldChange.keep(), FieldChange.keep(), FieldChange.keep());

    public ProfilePatch {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(locale, "locale");
    }

    public boolean isEmpty() {
        return givenName instanceof FieldChange.Keep
                && familyName instanceof FieldChange.Keep
                && displayName instanceof FieldChange.Keep
                && locale instanceof FieldChange.Keep;
    }

    /** The profile with these changes; the parts a user may not edit are kept as they are. */
    public UserProfile applyTo(UserProfile profile) {
        return new UserProfile(
                profile.email(),
                profile.phone(),
                givenName.applyTo(profile.givenName()),
                familyName.applyTo(profile.familyName()),
                displayName.applyTo(profile.displayName()),
                locale.applyTo(profile.locale()),
                profile.identityProvider());
    }
}
