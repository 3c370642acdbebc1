package dev.userprofile.application.port.in;

/**
 * Brings one user's profile in line with the user pool, reading the pool as the truth: registers a user who has no
 * profile, applies a changed identity or status, erases a user who is gone, and writes nothing when all agrees.
 * Whatever asked for it (an event, a schedule, an operator) is only a hint, so repeating it is always harmless.
 */
public interface SyncUserUseCase {

    /**
     * @throws ProfileStoreUnavailableException when the store cannot be reached or refuses the request
     * @throws UserPoolUnavailableException when the pool cannot be read; never a sign that the user is gone
     * @throws SyncContendedException when others kept changing the profile through every attempt
     */
    SyncResult sync(SyncUserCommand command);
}
