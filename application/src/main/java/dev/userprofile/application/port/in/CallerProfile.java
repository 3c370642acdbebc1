package dev.userprofile.application.port.in;

import dev.userprofile.domain.User;
import java.util.Objects;

/** What the profile API may tell a caller about their own profile. */
public sealed interface CallerProfile {

    /** The caller's profile, with the version it is at (what a conditional change must name). */
    record Active(User user) implements CallerProfile {
        public Active {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The account is disabled in the pool: its profile is neither shown nor changed. */
    record Disabled() implements CallerProfile {}

    /**
     * The caller has no profile and none could be made: the pool does not have them (yet), or they cannot sign in
     * yet.
     */
    record Missing() implements CallerProfile {}

    /** The account was deleted and its profile erased; it never comes back. */
    record Deleted() implements CallerProfile {}
}
