package dev.userprofile.application.service;

import dev.userprofile.application.port.in.AccountDeletionResult;
import dev.userprofile.application.port.in.DeleteAccountCommand;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Deletes the caller's account (ADR 0022): only after a recent sign-in, so a stolen or forgotten token cannot; the
 * pool's user first, so nothing is erased while the user can still sign in; then the profile, replaced by a
 * tombstone. Once the pool's user is gone the deletion has happened: a profile the store could not erase now is
 * erased by the deletion's event or the reconcile, and the caller is told it succeeded.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final UserLoader users;
    private final UserAccountDeleter accounts;
    private final UserEraser eraser;
    private final Clock clock;
    private final Duration reauthenticationWindow;
    private final Duration tombstoneLifetime;

    /**
     * @param reauthenticationWindow how recently the caller must have signed in
     * @param tombstoneLifetime      how long the tombstone is kept
     */
    public DeleteAccountService(
            UserLoader users,
            UserAccountDeleter accounts,
            UserEraser eraser,
            Clock clock,
            Duration reauthenticationWindow,
            Duration tombstoneLifetime) {
        this.users = Objects.requireNonNull(users, "users");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.eraser = Objects.requireNonNull(eraser, "eraser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reauthenticationWindow = Objects.requireNonNull(reauthenticationWindow, "reauthenticationWindow");
        this.tombstoneLifetime = Objects.requireNonNull(tombstoneLifetime, "tombstoneLifetime");
        if (reauthenticationWindow.isNegative() || reauthenticationWindow.isZero()) {
            throw new IllegalArgumentException("the re-authentication window must be positive");
        }
    }

    @Override
    public AccountDeletionResult deleteAccount(DeleteAccountCommand command) {
        Objects.requireNonNull(command, "command");
        return PortFailures.reported(() -> deleteAndErase(command));
    }

    private AccountDeletionResult deleteAndErase(DeleteAccountCommand command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean recent = command.signedIn()
                .map(at -> !at.isBefore(now.minus(reauthenticationWindow)))
                .orElse(false);
        UserLookup stored = users.lookUp(command.userId());
        if (stored instanceof UserLookup.Found found && found.user().status() == UserStatus.DISABLED) {
            return new AccountDeletionResult.Disabled();
        }
        if (!recent) {
            return new AccountDeletionResult.ReauthenticationRequired(reauthenticationWindow);
        }
        if (stored instanceof UserLookup.Erased) {
            // Deleted before: the pool is not asked again, for a user name may since belong to someone else
            // (a pool whose user names are not emails lets a new account take a freed one).
            return new AccountDeletionResult.Deleted(true);
        }
        accounts.deleteAccount(command.username());
        try {
            eraser.erase(Erasure.of(command.userId(), now, ErasureReason.DELETED_BY_USER, tombstoneLifetime));
            return new AccountDeletionResult.Deleted(true);
        } catch (UserStoreUnavailableException storeDown) {
            return new AccountDeletionResult.Deleted(false);
        }
    }
}
