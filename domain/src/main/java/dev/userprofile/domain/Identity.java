package dev.userprofile.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The part of a user that Cognito owns for the user's whole life: how they are reached (email, phone and whether
 * each is verified), the identity provider they sign in with, and whether they may sign in at all. A profile
 * follows these; the names and locale belong to the profile once registered (ADR 0018).
 */
public record Identity(
        Optional<VerifiableEmail> email,
        Optional<VerifiablePhone> phone,
        Optional<IdentityProvider> identityProvider,
        UserStatus status) {

    public Identity {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(identityProvider, "identityProvider");
        if (status == null) {
            throw new InvalidUserDataException("status", "is required");
        }
    }

    /** The identity parts of {@code profile}, with {@code status}. */
    public static Identity of(UserProfile profile, UserStatus status) {
        return new Identity(profile.email(), profile.phone(), profile.identityProvider(), status);
    }

    /** {@code profile} with this identity's parts in place of its own; names and locale kept. */
    UserProfile appliedTo(UserProfile profile) {
        return new UserProfile(
                email,
                phone,
                profile.givenName(),
                profile.familyName(),
                profile.displayName(),
                profile.locale(),
                identityProvider);
    }
}
