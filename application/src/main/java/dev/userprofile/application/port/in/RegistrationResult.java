package dev.userprofile.application.port.in;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Objects;

/** The expected outcomes of a registration. Each is a success: a repeated delivery is not an error. */
public sealed interface RegistrationResult {

    UserId userId();

    /** The user was new and is now stored. */
    record Registered(User user) implements RegistrationResult {
        public Registered {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public UserId userId() {
            return user.id();
        }
    }

    /** The user was stored and their identity had changed in Cognito: the profile took it (a sign-in's refresh). */
    record Refreshed(User user) implements RegistrationResult {
        public Refreshed {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public UserId userId() {
            return user.id();
        }
    }

    /** A user with this id was already stored (a retry or an overlapping delivery); it was left as it was. */
    record AlreadyRegistered(UserId userId) implements RegistrationResult {
        public AlreadyRegistered {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
