package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Optional;

/** Reads one stored user, with the version it is stored at. */
public interface UserLoader {

    /**
     * @throws UserRepositoryUnavailableException when the store cannot be reached or refuses the request
     */
    Optional<User> findById(UserId id);
}
