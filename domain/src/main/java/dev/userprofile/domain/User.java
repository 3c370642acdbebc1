package dev.userprofile.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The user aggregate: one per Cognito user, created once when the user is confirmed and identified by the Cognito
 * {@code sub}. Its {@code version} counts the writes that made it (1 at registration; 0 for a profile stored before
 * versions were kept), so that a change can be made only to the version it was based on.
 */
public record User(UserId id, UserProfile profile, Instant registeredAt, Optional<Instant> updatedAt, long version) {

    /** The version of a user as first registered. */
    public static final long FIRST_VERSION = 1;

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
        if (updatedAt == null) {
            throw new InvalidUserDataException("updatedAt", "is required (empty until a change)");
        }
        if (version < 0) {
            throw new InvalidUserDataException("version", "must not be negative");
        }
    }

    /** A user as registered: first version, never changed. */
    public User(UserId id, UserProfile profile, Instant registeredAt) {
        this(id, profile, registeredAt, Optional.empty(), FIRST_VERSION);
    }

    /** A user registering now, at {@code registeredAt} as read from the caller's clock. */
    public static User register(UserId id, UserProfile profile, Instant registeredAt) {
        return new User(id, profile, registeredAt);
    }

    /**
     * The user after their own edit: the patched profile, the next version, changed {@code at}. An empty patch changes
     * nothing, not even the version.
     */
    public User edit(ProfilePatch patch, Instant at) {
        if (patch.isEmpty()) {
            return this;
        }
        return new User(id, patch.applyTo(profile), registeredAt, Optional.of(at), version + 1);
    }
}
