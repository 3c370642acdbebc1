package dev.userprofile.application.service;

import dev.userprofile.application.port.in.CallerProfile;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserStatus;
import java.util.Objects;

/**
 * A caller's profile as the API may show it, registering a caller who has none when the pool has them (ADR 0023):
 * the same sync as the events, told that a user the pool does not find may only be too new for it, so nothing is
 * ever erased on the API's path.
 */
final class CallerProfiles {

    private final UserLoader users;
    private final SyncUserUseCase syncUser;

    CallerProfiles(UserLoader users, SyncUserUseCase syncUser) {
        this.users = Objects.requireNonNull(users, "users");
        this.syncUser = Objects.requireNonNull(syncUser, "syncUser");
    }

    /** The stored profile, or the one registered now. */
    CallerProfile find(UserId id) {
        return switch (users.lookUp(id)) {
            case UserLookup.Found found -> of(found.user());
            case UserLookup.Erased erased -> new CallerProfile.Deleted();
            case UserLookup.Absent absent -> registerLazily(id);
        };
    }

    /** The stored profile, without registering anyone (a retry after a lost race). */
    CallerProfile stored(UserId id) {
        return switch (users.lookUp(id)) {
            case UserLookup.Found found -> of(found.user());
            case UserLookup.Erased erased -> new CallerProfile.Deleted();
            case UserLookup.Absent absent -> new CallerProfile.Missing();
        };
    }

    private CallerProfile registerLazily(UserId id) {
        SyncResult result;
        try {
            result = syncUser.sync(new SyncUserCommand(id, new SyncUserCommand.Absence.MayBeTooNew()));
        } catch (IllegalArgumentException notASub) {
            // No Cognito user can have this id: there is nobody to register.
            return new CallerProfile.Missing();
        } catch (SyncContendedException contended) {
            // Others kept writing this profile meanwhile: what they wrote is the answer.
            return stored(id);
        }
        return switch (result) {
            case SyncResult.Registered r -> of(r.user());
            case SyncResult.Updated u -> of(u.user());
            case SyncResult.Unchanged u -> of(u.user());
            case SyncResult.Erased e -> new CallerProfile.Deleted();
            case SyncResult.AlreadyErased e -> new CallerProfile.Deleted();
            case SyncResult.NotYetEligible n -> new CallerProfile.Missing();
            case SyncResult.NotSeenYet n -> new CallerProfile.Missing();
        };
    }

    private static CallerProfile of(User user) {
        return user.status() == UserStatus.DISABLED ? new CallerProfile.Disabled() : new CallerProfile.Active(user);
    }
}
