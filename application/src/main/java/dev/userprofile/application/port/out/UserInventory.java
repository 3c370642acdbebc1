package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole set of stored users, page by page, for reconciling the store with the user pool: no request path needs
 * it, so it is a port of its own rather than part of {@link UserLoader}.
 */
public interface UserInventory {

    /**
     * The stored users of the page that {@code from} names (a page's {@link InventoryPage#next}), or of the first
     * page. Erased users' tombstones are not users and are left out, so a page may hold none and still have a next.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    InventoryPage page(Optional<String> from);

    /**
     * What is stored under each of {@code ids} (at most {@link #MOST_AT_ONCE}), read together as cheaply as the store
     * allows: it may lag a write made a moment ago, so a caller acting on it must write conditionally. Every id asked
     * for has an answer, {@link UserLookup.Absent} when nothing is stored.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    Map<UserId, UserLookup> lookUpAll(Set<UserId> ids);

    /** The most ids {@link #lookUpAll} takes at once: a listing page's worth and more. */
    int MOST_AT_ONCE = 100;

    /**
     * Calls {@code action} with every stored user, page by page.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    default void forEachUser(Consumer<User> action) {
        Optional<String> from = Optional.empty();
        do {
            InventoryPage page = page(from);
            page.users().forEach(action);
            from = page.next();
        } while (from.isPresent());
    }
}
