package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import java.util.function.Consumer;

/**
 * The whole set of stored users, for reconciling the store with the user pool: no request path needs it, so it is a
 * port of its own rather than part of {@link UserLoader}.
 */
public interface UserInventory {

    /**
     * Calls {@code action} with every stored user; erased users' tombstones are not users and are left out.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    void forEachUser(Consumer<User> action);
}
