package dev.userprofile.application.port.out;

import dev.userprofile.domain.UserId;
import java.util.Optional;

/** The source of truth about who the users are: the stack's own user pool. */
public interface UserDirectory {

    /**
     * The user with this {@code sub} as the pool has them now; empty when the pool has no such user (deleted, or
     * never there).
     *
     * @throws UserDirectoryUnavailableException when the pool cannot be read (unreachable, throttled past the retry
     *                                           budget, or refusing the request): never taken as "no such user"
     * @throws IllegalArgumentException           when {@code sub} cannot be a pool's sub (only letters, digits and
     *                                           hyphens): the pool is not asked
     */
    Optional<DirectoryUser> findBySub(UserId sub);
}
