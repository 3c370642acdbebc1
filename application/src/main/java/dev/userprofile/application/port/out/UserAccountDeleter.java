package dev.userprofile.application.port.out;

/** Deletes a user from the user pool, so they can never sign in again. */
public interface UserAccountDeleter {

    /** What a deletion found. */
    enum Deletion {
        DELETED,
        /** There was no such user: deleted before (a repeated request). */
        ALREADY_GONE
    }

    /** @throws UserDirectoryUnavailableException when the pool could not be reached or refused the deletion */
    Deletion deleteAccount(String username);
}
