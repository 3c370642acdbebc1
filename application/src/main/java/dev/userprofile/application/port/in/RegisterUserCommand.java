package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;

/** Asks for a confirmed user to be registered with the profile they gave at sign-up. */
public record RegisterUserCommand(UserId userId, UserProfile profile) {

    public RegisterUserCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (profile == null) {
            throw new InvalidUserDataException("profile", "is required");
        }
    }
}
