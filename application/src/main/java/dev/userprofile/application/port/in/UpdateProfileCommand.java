package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.UserId;

/** A user's change to their own profile, applied only to a version the condition admits. */
public record UpdateProfileCommand(UserId userId, ProfilePatch patch, VersionCondition condition) {

    public UpdateProfileCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (patch == null) {
            throw new InvalidUserDataException("patch", "is required");
        }
        if (condition == null) {
            throw new InvalidUserDataException("condition", "is required (Any for none)");
        }
    }

    /** A change to whatever version is stored. */
    public UpdateProfileCommand(UserId userId, ProfilePatch patch) {
        this(userId, patch, new VersionCondition.Any());
    }
}
