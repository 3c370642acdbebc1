package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;

/** Writes a changed user over the stored one, only if nobody changed it in between. */
public interface UserUpdater {

    /** What {@link #replace} did. */
    enum ReplaceResult {
        REPLACED,
        /** No user with that id is stored: nothing was written (a change never creates a user). */
        NOT_FOUND,
        /** The stored user is no longer at the expected version: nothing was written. */
        VERSION_CONFLICT
    }

    /**
     * Stores {@code updated} in place of the stored user with the same id, as one atomic step, if that user is still
     * at {@code expectedVersion}.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    ReplaceResult replace(User updated, long expectedVersion);
}
