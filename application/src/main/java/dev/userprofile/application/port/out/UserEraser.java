package dev.userprofile.application.port.out;

import dev.userprofile.domain.Erasure;

/** Erases users' personal data, leaving a tombstone that keeps their id from being registered again. */
public interface UserEraser {

    /** What {@link #erase} did. */
    enum EraseResult {
        /** The stored profile, if there was one, is gone; the tombstone is in its place. */
        ERASED,
        /** The user was already erased: the first tombstone is kept as it was. */
        ALREADY_ERASED
    }

    /**
     * Replaces whatever is stored under the erasure's id with its tombstone, as one atomic step, whether a profile is
     * there or not (a tombstone also stops a late registration of a user who never had a profile).
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    EraseResult erase(Erasure erasure);
}
