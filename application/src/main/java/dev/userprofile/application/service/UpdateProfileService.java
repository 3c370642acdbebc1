package dev.userprofile.application.service;

import dev.userprofile.application.port.in.ProfileUpdateResult;
import dev.userprofile.application.port.in.UpdateProfileCommand;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Read, apply the patch in the domain, write conditionally on the version read: one atomic write, so concurrent
 * changes and a registration racing one can never be lost or merged wrongly. Without an expected version a lost race
 * is retried on the fresh profile (a patch names fields, not a whole profile); with one it is reported.
 */
public final class UpdateProfileService implements UpdateProfileUseCase {

    /**
     * Read-and-write rounds a change may take when others keep changing the same profile (public: the function's
     * timeout must cover them all).
     */
    public static final int MAX_ATTEMPTS = 3;

    private final UserLoader loader;
    private final UserUpdater updater;
    private final Clock clock;

    public UpdateProfileService(UserLoader loader, UserUpdater updater, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProfileUpdateResult update(UpdateProfileCommand command) {
        Objects.requireNonNull(command, "command");
        for (int attempt = 1; ; attempt++) {
            Optional<User> stored = loader.findById(command.userId());
            if (stored.isEmpty()) {
                return new ProfileUpdateResult.NotFound();
            }
            User current = stored.get();
            if (command.expectedVersion().isPresent()
                    && command.expectedVersion().getAsLong() != current.version()) {
                return new ProfileUpdateResult.VersionMismatch(current.version());
            }
            if (command.patch().isEmpty()) {
                return new ProfileUpdateResult.Unchanged(current);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            User edited = current.edit(command.patch(), now);
            switch (updater.replace(edited, current.version())) {
                case REPLACED -> {
                    return new ProfileUpdateResult.Updated(edited);
                }
                case NOT_FOUND -> {
                    return new ProfileUpdateResult.NotFound();
                }
                case VERSION_CONFLICT -> {
                    if (command.expectedVersion().isPresent() || attempt >= MAX_ATTEMPTS) {
                        return new ProfileUpdateResult.VersionMismatch(loader.findById(command.userId())
                                .map(User::version)
                                .orElse(current.version()));
                    }
                }
            }
        }
    }
}
