package dev.userprofile.application.service;

import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Registers a user with one atomic add-if-absent and no read first: a read-then-write would race when Cognito
 * delivers the same confirmation twice at once.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRegistrar users;
    private final Clock clock;

    public RegisterUserService(UserRegistrar users, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegistrationResult register(RegisterUserCommand command) {
        Objects.requireNonNull(command, "command");
        return PortFailures.reported(() -> addIfAbsent(command));
    }

    private RegistrationResult addIfAbsent(RegisterUserCommand command) {
        // Milliseconds are what every consumer of the table (JavaScript's Date included) can represent.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant registeredAt = command.registeredAt().orElse(now).truncatedTo(ChronoUnit.MILLIS);
        User user = User.register(command.userId(), command.profile(), registeredAt, now);
        return switch (users.addIfAbsent(user)) {
            case ADDED -> new RegistrationResult.Registered(user);
            case ALREADY_PRESENT -> new RegistrationResult.AlreadyRegistered(user.id());
        };
    }
}
