package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Optional;

/** Reads stored users; it never writes. */
public interface UserLoader {

    /**
     * What is stored under {@code id}, read consistently: the user with the version it is stored at, an erasure's
     * tombstone, or nothing.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    UserLookup lookUp(UserId id);

    /**
     * The stored user with the version it is stored at; empty when there is none or it was erased.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    default Optional<User> findById(UserId id) {
        return lookUp(id) instanceof UserLookup.Found found ? Optional.of(found.user()) : Optional.empty();
    }

    /**
     * The same as {@link #lookUp}, as cheaply as the store allows: it may lag a write made a moment ago (an eventually
     * consistent read), so a caller acting on it must write conditionally.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    UserLookup lookUpCheaply(UserId id);

    /**
     * Whether anything is stored under this id (a profile or an erasure's tombstone, both of which a registration
     * must leave alone), as cheaply as the store allows. May lag a write made a moment ago (an eventually consistent
     * read): callers that act on {@code false} must still write with {@link UserRegistrar#addIfAbsent}.
     *
     * @throws UserStoreUnavailableException when the store cannot be reached or refuses the request
     */
    boolean exists(UserId id);
}
