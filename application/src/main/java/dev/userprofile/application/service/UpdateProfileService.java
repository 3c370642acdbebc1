package dev.userprofile.application.service;

import dev.userprofile.application.port.in.CallerProfile;
import dev.userprofile.application.port.in.ProfileUpdateResult;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UpdateProfileCommand;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.port.in.VersionCondition;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Read once, check the version condition on what was read, apply the patch in the domain, write conditionally on
 * that version: one atomic write, so concurrent changes and a registration racing one can never be lost or merged
 * wrongly. Without a condition a lost race is retried on the fresh profile (a patch names fields, not a whole
 * profile); with one it is reported. A caller with no profile is registered first when the pool has them; a
 * disabled or deleted account is never changed.
 */
public final class UpdateProfileService implements UpdateProfileUseCase {

    /**
     * Read-and-write rounds a change may take when others keep changing the same profile (public: the function's
     * timeout must cover them all).
     */
    public static final int MAX_ATTEMPTS = 3;

    private final CallerProfiles profiles;
    private final UserLoader loader;
    private final UserUpdater updater;
    private final Clock clock;

    public UpdateProfileService(UserLoader loader, UserUpdater updater, SyncUserUseCase syncUser, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.profiles = new CallerProfiles(loader, syncUser);
    }

    @Override
    public ProfileUpdateResult update(UpdateProfileCommand command) {
        Objects.requireNonNull(command, "command");
        return PortFailures.reported(() -> applyPatch(command));
    }

    private ProfileUpdateResult applyPatch(UpdateProfileCommand command) {
        for (int attempt = 1; ; attempt++) {
            CallerProfile found = attempt == 1 ? profiles.find(command.userId()) : profiles.stored(command.userId());
            User current;
            switch (found) {
                case CallerProfile.Active active -> current = active.user();
                case CallerProfile.Missing missing -> {
                    return new ProfileUpdateResult.NotFound();
                }
                case CallerProfile.Disabled disabled -> {
                    return new ProfileUpdateResult.Disabled();
                }
                case CallerProfile.Deleted deleted -> {
                    return new ProfileUpdateResult.Deleted();
                }
            }
            if (!command.condition().admits(current.version())) {
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
                    // Erased meanwhile (or a tombstone all along): the next round reads what is there.
                }
                case VERSION_CONFLICT -> {
                    boolean retry = command.condition() instanceof VersionCondition.Any && attempt < MAX_ATTEMPTS;
                    if (!retry) {
                        return new ProfileUpdateResult.VersionMismatch(loader.findById(command.userId())
                                .map(User::version)
                                .orElse(current.version()));
                    }
                }
            }
            if (attempt >= MAX_ATTEMPTS) {
                return new ProfileUpdateResult.NotFound();
            }
        }
    }
}
