package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;

/** Where users are kept, for registering them. */
public interface UserRepository extends UserLoader {

    /**
     * Stores {@code user} unless a user with the same id exists, as one atomic step: of several concurrent calls for
     * one id, exactly one returns {@link AddResult#ADDED}; the stored user is never overwritten.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    AddResult addIfAbsent(User user);

    /**
     * Whether a user with this id is stored, as cheaply as the store allows. May lag a write made a moment ago
     * (an eventually consistent read): callers that act on {@code false} must still write with
     * {@link #addIfAbsent}.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    boolean exists(UserId id);
}
