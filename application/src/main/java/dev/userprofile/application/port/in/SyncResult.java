package dev.userprofile.application.port.in;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Objects;

/** The expected outcomes of bringing one user's profile in line with the pool. Each is a success. */
public sealed interface SyncResult {

    UserId userId();

    /** The user had no profile and now has one, as the pool has them. */
    record Registered(User user) implements SyncResult {
        public Registered {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public UserId userId() {
            return user.id();
        }
    }

    /** The profile took the pool's newer identity or status. */
    record Updated(User user) implements SyncResult {
        public Updated {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public UserId userId() {
            return user.id();
        }
    }

    /** The profile already matched the pool: nothing was written. */
    record Unchanged(User user) implements SyncResult {
        public Unchanged {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public UserId userId() {
            return user.id();
        }
    }

    /** The user is in the pool but cannot sign in yet (unconfirmed, invited): no profile is owed, none was made. */
    record NotYetEligible(UserId userId) implements SyncResult {
        public NotYetEligible {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * The pool did not find the user, but they may only be too new for it (the hint said so, or the profile learnt of
     * them moments ago): nothing was erased or written. The next sign-in, event or reconcile decides.
     */
    record NotSeenYet(UserId userId) implements SyncResult {
        public NotSeenYet {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The user is gone from the pool: their personal data was erased now. */
    record Erased(UserId userId) implements SyncResult {
        public Erased {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The user's data had been erased before: nothing was written, and nothing is ever registered again. */
    record AlreadyErased(UserId userId) implements SyncResult {
        public AlreadyErased {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
