package dev.userprofile.application.port.out;

import dev.userprofile.domain.UserId;
import java.util.function.Consumer;

/**
 * The whole set of stored users, for operators reconciling the store with the user pool: no function needs it, so
 * it is a port of its own rather than part of {@link UserLoader}.
 */
public interface UserInventory {

    /**
     * Calls {@code action} with the id of every stored user.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    void forEachUserId(Consumer<UserId> action);

    /**
     * Removes a stored user: the erasure of one who was deleted from the pool. Returns whether one was there.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    boolean remove(UserId id);
}
