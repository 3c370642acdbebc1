package dev.userprofile.application.port.in;

import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Optional;

/** A user's own profile, with the version it is at (what a conditional change must name). */
public interface GetProfileUseCase {

    Optional<User> getProfile(UserId id);
}
