package dev.userprofile.application.port.out;

import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.User;
import java.util.Objects;

/** What the store holds under a user's id: their profile, the tombstone of an erased one, or nothing. */
public sealed interface UserLookup {

    /** A stored profile. */
    record Found(User user) implements UserLookup {
        public Found {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The user's personal data was erased; only the tombstone is left, until it expires. */
    record Erased(Erasure erasure) implements UserLookup {
        public Erased {
            Objects.requireNonNull(erasure, "erasure");
        }
    }

    /** Nothing is stored under the id. */
    record Absent() implements UserLookup {}
}
