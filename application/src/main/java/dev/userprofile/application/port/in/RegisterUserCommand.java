package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks for a confirmed user to be registered with the profile they gave. The registration time is the clock's, unless
 * the user is known to have joined earlier (a backfill registers users with their Cognito creation date).
 */
public record RegisterUserCommand(UserId userId, UserProfile profile, Optional<Instant> registeredAt) {

    public RegisterUserCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (profile == null) {
            throw new InvalidUserDataException("profile", "is required");
        }
        if (registeredAt == null) {
            throw new InvalidUserDataException("registeredAt", "is required (empty for now)");
        }
    }

    /** A user registering now. */
    public RegisterUserCommand(UserId userId, UserProfile profile) {
        this(userId, profile, Optional.empty());
    }

    /** The same registration, dated when the user actually joined. */
    public RegisterUserCommand joinedAt(Instant joined) {
        return new RegisterUserCommand(userId, profile, Optional.of(joined));
    }
}
