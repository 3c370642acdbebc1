package dev.userprofile.application.service;

import dev.userprofile.application.port.in.EnsureUserRegisteredUseCase;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.UserLoader;
import java.util.Objects;

/**
 * A read first, because nearly every caller is already registered and a read costs half a write; then, only for a
 * missing user, the same idempotent registration as at sign-up. A read that lags a concurrent registration is
 * harmless: the registration's conditional write finds the user and changes nothing.
 */
public final class EnsureUserRegisteredService implements EnsureUserRegisteredUseCase {

    private final UserLoader users;
    private final RegisterUserUseCase registerUser;

    public EnsureUserRegisteredService(UserLoader users, RegisterUserUseCase registerUser) {
        this.users = Objects.requireNonNull(users, "users");
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
    }

    @Override
    public RegistrationResult ensureRegistered(RegisterUserCommand command) {
        Objects.requireNonNull(command, "command");
        if (users.exists(command.userId())) {
            return new RegistrationResult.AlreadyRegistered(command.userId());
        }
        return registerUser.register(command);
    }
}
