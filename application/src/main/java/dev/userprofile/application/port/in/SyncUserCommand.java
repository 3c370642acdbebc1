package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.UserId;

/** Asks for one user's profile to be brought in line with the user pool, whatever hinted that it may differ. */
public record SyncUserCommand(UserId userId) {

    public SyncUserCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
    }
}
