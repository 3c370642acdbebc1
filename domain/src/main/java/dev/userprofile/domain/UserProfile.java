package dev.userprofile.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a user told Cognito about themselves. Every part is optional: federated users may bring no email, phone-only
 * users have none, and names and locale are never required.
 */
public record UserProfile(
        Optional<VerifiableEmail> email,
        Optional<VerifiablePhone> phone,
        Optional<Name> givenName,
        Optional<Name> familyName,
        Optional<Name> displayName,
        Optional<LanguageTag> locale,
        Optional<IdentityProvider> identityProvider) {

    public UserProfile {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(identityProvider, "identityProvider");
    }

    public static UserProfile empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True for users who signed in through an external identity provider rather than with a password. */
    public boolean isFederated() {
        return identityProvider.isPresent();
    }

    /** Collects the optional parts; any left unset stay empty. */
    public static final class Builder {
        private Optional<VerifiableEmail> email = Optional.empty();
        private Optional<VerifiablePhone> phone = Optional.empty();
        private Optional<Name> givenName = Optional.empty();
        private Optional<Name> familyName = Optional.empty();
        private Optional<Name> displayName = Optional.empty();
        private Optional<LanguageTag> locale = Optional.empty();
        private Optional<IdentityProvider> identityProvider = Optional.empty();

        private Builder() {}

        public Builder email(VerifiableEmail value) {
            this.email = Optional.ofNullable(value);
            return this;
        }

        public Builder phone(VerifiablePhone value) {
            this.phone = Optional.ofNullable(value);
            return this;
        }

        public Builder givenName(Name value) {
            this.givenName = Optional.ofNullable(value);
            return this;
        }

        public Builder familyName(Name value) {
            this.familyName = Optional.ofNullable(value);
            return this;
        }

        public Builder displayName(Name value) {
            this.displayName = Optional.ofNullable(value);
            return this;
        }

        public Builder locale(LanguageTag value) {
            this.locale = Optional.ofNullable(value);
            return this;
        }

        public Builder identityProvider(IdentityProvider value) {
            this.identityProvider = Optional.ofNullable(value);
            return this;
        }

        public UserProfile build() {
            return new UserProfile(email, phone, givenName, familyName, displayName, locale, identityProvider);
        }
    }
}
