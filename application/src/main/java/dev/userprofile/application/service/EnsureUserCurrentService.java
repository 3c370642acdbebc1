package dev.userprofile.application.service;

import dev.userprofile.application.port.in.EnsureUserCurrentUseCase;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One cheap read first, because nearly every caller is registered and current; then, only when needed, one write: the
 * same idempotent registration as at sign-up for a missing user, or one replace conditioned on the version read for
 * a changed identity. A user who signs in is enabled, so a stored {@code DISABLED} becomes {@code ACTIVE}. A read that
 * lags, or a change racing the refresh, costs nothing but the refresh: the conditional write refuses, and the sign-in
 * goes on (the next sign-in, event or reconcile brings it in line). An erased user is never registered again.
 */
public final class EnsureUserCurrentService implements EnsureUserCurrentUseCase {

    private final UserLoader users;
    private final UserUpdater updater;
    private final RegisterUserUseCase registerUser;
    private final Clock clock;

    public EnsureUserCurrentService(
            UserLoader users, UserUpdater updater, RegisterUserUseCase registerUser, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegistrationResult ensureCurrent(RegisterUserCommand command) {
        Objects.requireNonNull(command, "command");
        return PortFailures.reported(() -> registerOrRefresh(command));
    }

    private RegistrationResult registerOrRefresh(RegisterUserCommand command) {
        return switch (users.lookUpCheaply(command.userId())) {
            case UserLookup.Absent absent -> registerUser.register(command);
            case UserLookup.Erased erased -> new RegistrationResult.AlreadyRegistered(command.userId());
            case UserLookup.Found found -> refresh(found.user(), command);
        };
    }

    private RegistrationResult refresh(User stored, RegisterUserCommand command) {
        User current = stored.follow(
                Identity.of(command.profile(), UserStatus.ACTIVE),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (current == stored) {
            return new RegistrationResult.AlreadyRegistered(command.userId());
        }
        return switch (updater.replace(current, stored.version())) {
            case REPLACED -> new RegistrationResult.Refreshed(current);
            case NOT_FOUND, VERSION_CONFLICT -> new RegistrationResult.AlreadyRegistered(command.userId());
        };
    }
}
