package dev.userprofile.application.port.in;

import dev.userprofile.domain.User;
import java.util.Objects;

/** The expected outcomes of a profile change. */
public sealed interface ProfileUpdateResult {

    /** The change was stored; {@code user} is the profile as it is now. */
    record Updated(User user) implements ProfileUpdateResult {
        public Updated {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The patch changed nothing, so nothing was written; {@code user} is the profile as it is. */
    record Unchanged(User user) implements ProfileUpdateResult {
        public Unchanged {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The user has no profile; nothing was created. */
    record NotFound() implements ProfileUpdateResult {}

    /** The profile is no longer at the version the change was based on; nothing was written. */
    record VersionMismatch(long currentVersion) implements ProfileUpdateResult {}
}
