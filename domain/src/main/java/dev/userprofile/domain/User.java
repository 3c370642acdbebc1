package dev.userprofile.domain;

import java.time.Instant;

/**
 * The user aggregate: one per Cognito user, created once when the user is confirmed and identified by the Cognito
 * {@code sub}.
 */
public record User(UserId id, UserProfile profile, Instant registeredAt) {

    public User {
        if (id == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (profile == null) {
            throw new InvalidUserDataException("profile", "is required");
        }
        if (registeredAt == null) {
            throw new InvalidUserDataException("registeredAt", "is required");
        }
    }

    /** A user registering now, at {@code registeredAt} as read from the caller's clock. */
    public static User register(UserId id, UserProfile profile, Instant registeredAt) {
        return new User(id, profile, registeredAt);
    }
}
