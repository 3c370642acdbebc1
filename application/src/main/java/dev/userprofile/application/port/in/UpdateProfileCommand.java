package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.UserId;
import java.util.OptionalLong;

/**
 * A user's change to their own profile, optionally only if the profile is still at {@code expectedVersion} (what an
 * HTTP {@code If-Match} asks).
 */
public record UpdateProfileCommand(UserId userId, ProfilePatch patch, OptionalLong expectedVersion) {

    public UpdateProfileCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (patch == null) {
            throw new InvalidUserDataException("patch", "is required");
        }
        if (expectedVersion == null) {
            throw new InvalidUserDataException("expectedVersion", "is required (empty for any)");
        }
    }
}
