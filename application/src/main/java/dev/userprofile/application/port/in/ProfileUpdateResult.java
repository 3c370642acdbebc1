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

    /** The user has no profile and none could be made; nothing was created. */
    record NotFound() implements ProfileUpdateResult {}

    /** The account is disabled in the pool: nothing was changed. */
    record Disabled() implements ProfileUpdateResult {}

    /** The account was deleted and its profile erased: nothing was changed. */
    record Deleted() implements ProfileUpdateResult {}

    /**
     * The profile is not at a version the condition admits, or changed while the change was applied; nothing was
     * written.
     */
    record VersionMismatch(long currentVersion) implements ProfileUpdateResult {}
}
