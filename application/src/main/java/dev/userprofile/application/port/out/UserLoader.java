package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Optional;

/** Reads stored users; it never writes. */
public interface UserLoader {

    /**
     * The stored user with the version it is stored at.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    Optional<User> findById(UserId id);

    /**
     * Whether a user with this id is stored, as cheaply as the store allows. May lag a write made a moment ago
     * (an eventually consistent read): callers that act on {@code false} must still write with
     * {@link UserRegistrar#addIfAbsent}.
     *
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    boolean exists(UserId id);
}
