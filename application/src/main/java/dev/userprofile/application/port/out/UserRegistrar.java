package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;

/** Adds new users to the store; it can never change one that is there. */
public interface UserRegistrar {

    /**
     * Stores {@code user} unless a user with the same id exists, as one atomic step: of several concurrent calls for
     * one id, exactly one returns {@link AddResult#ADDED}; the stored user is never overwritten.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    AddResult addIfAbsent(User user);

    /** What {@link #addIfAbsent} did. */
    enum AddResult {
        ADDED,
        ALREADY_PRESENT
    }
}
