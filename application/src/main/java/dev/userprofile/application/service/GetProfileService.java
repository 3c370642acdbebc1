package dev.userprofile.application.service;

import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/** One read of the stored user. */
public final class GetProfileService implements GetProfileUseCase {

    private final UserLoader users;

    public GetProfileService(UserLoader users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Optional<User> getProfile(UserId id) {
        return users.findById(Objects.requireNonNull(id, "id"));
    }
}
