package dev.userprofile.application.port.out;

import dev.userprofile.domain.Identity;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A user as the user pool has them now, in the domain's terms: the profile their attributes make (by the same
 * mapping as the triggers), whether the account is enabled, whether they can sign in (and so are owed a profile),
 * and when they joined.
 *
 * @param eligible whether the user can sign in: confirmed, federated or waiting for a password reset; not
 *                 unconfirmed or invited users who have not signed in yet
 */
public record DirectoryUser(UserId id, UserProfile profile, UserStatus status, boolean eligible, Instant createdAt) {

    public DirectoryUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** What the profile must follow. */
    public Identity identity() {
        return Identity.of(profile, status);
    }
}
