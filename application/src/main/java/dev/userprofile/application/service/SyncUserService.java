package dev.userprofile.application.service;

import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of the pool (the truth), then as many rounds of read-and-conditional-write on the store as concurrent
 * changes need: the store's write is conditioned on the version read, so a {@code PATCH /me} racing the sync is never
 * lost, and the sync re-applies its change on top of it. The pool is read once, so a retry costs no Cognito quota.
 */
public final class SyncUserService implements SyncUserUseCase {

    /** Store rounds a sync may take when others keep changing the same profile (the function's timeout covers them). */
    public static final int MAX_ATTEMPTS = 3;

    private final UserDirectory directory;
    private final UserLoader loader;
    private final UserUpdater updater;
    private final UserEraser eraser;
    private final RegisterUserUseCase registerUser;
    private final Clock clock;
    private final Duration tombstoneLifetime;

    public SyncUserService(
            UserDirectory directory,
            UserLoader loader,
            UserUpdater updater,
            UserEraser eraser,
            RegisterUserUseCase registerUser,
            Clock clock,
            Duration tombstoneLifetime) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.eraser = Objects.requireNonNull(eraser, "eraser");
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tombstoneLifetime = Objects.requireNonNull(tombstoneLifetime, "tombstoneLifetime");
        if (tombstoneLifetime.isNegative() || tombstoneLifetime.isZero()) {
            throw new IllegalArgumentException("the tombstone lifetime must be positive");
        }
    }

    @Override
    public SyncResult sync(SyncUserCommand command) {
        Objects.requireNonNull(command, "command");
        return PortFailures.reported(() -> followPool(command));
    }

    private SyncResult followPool(SyncUserCommand command) {
        UserId id = command.userId();
        // When the truth was read: a profile that learnt of the user after it holds a newer truth than this sync.
        Instant readAt = now();
        Optional<DirectoryUser> inPool = directory.findBySub(id);
        boolean registered = false;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            UserLookup stored = loader.lookUp(id);
            if (inPool.isEmpty()) {
                return absent(id, stored, command.absence(), readAt);
            }
            DirectoryUser truth = inPool.get();
            switch (stored) {
                case UserLookup.Erased erased -> {
                    // A sub is never reused: a user with an erased profile in the pool is a lagging read of the
                    // pool, and data is never brought back.
                    return new SyncResult.AlreadyErased(id);
                }
                case UserLookup.Absent absent -> {
                    if (!truth.eligible()) {
                        return new SyncResult.NotYetEligible(id);
                    }
                    RegistrationResult result = registerUser.register(
                            new RegisterUserCommand(id, truth.profile()).joinedAt(truth.createdAt()));
                    if (result instanceof RegistrationResult.Registered r) {
                        registered = true;
                        if (follows(r.user(), truth)) {
                            return new SyncResult.Registered(r.user());
                        }
                    }
                    // Registered but disabled, or registered by someone else meanwhile: the next round applies the
                    // pool's identity and status to what is stored.
                }
                case UserLookup.Found found -> {
                    User current = found.user();
                    if (!registered && learntAfter(current, readAt)) {
                        // Another sync or a sign-in read the pool after this one and wrote what it saw.
                        return registered ? new SyncResult.Registered(current) : new SyncResult.Unchanged(current);
                    }
                    User followed = current.follow(truth.identity(), readAt);
                    if (followed == current) {
                        return registered ? new SyncResult.Registered(current) : new SyncResult.Unchanged(current);
                    }
                    switch (updater.replace(followed, current.version())) {
                        case REPLACED -> {
                            return registered ? new SyncResult.Registered(followed) : new SyncResult.Updated(followed);
                        }
                        case NOT_FOUND, VERSION_CONFLICT -> {
                            // Changed or erased since the read: read again and decide again.
                        }
                    }
                }
            }
        }
        throw new SyncContendedException(MAX_ATTEMPTS);
    }

    /**
     * The pool did not find the user. They are erased unless that may be the pool lagging: a call that just created
     * them, or a reconcile's orphan whose profile learnt of them from the pool moments ago (ADR 0020).
     */
    private SyncResult absent(UserId id, UserLookup stored, SyncUserCommand.Absence absence, Instant readAt) {
        if (stored instanceof UserLookup.Erased) {
            return new SyncResult.AlreadyErased(id);
        }
        return switch (absence) {
            case SyncUserCommand.Absence.MayBeTooNew tooNew -> new SyncResult.NotSeenYet(id);
            case SyncUserCommand.Absence.GoneUnlessSeenWithin grace
            when stored instanceof UserLookup.Found found
                    && learntAfter(found.user(), readAt.minus(grace.recently())) -> new SyncResult.NotSeenYet(id);
            default -> erase(id);
        };
    }

    private static boolean learntAfter(User user, Instant instant) {
        return user.identitySyncedAt().orElse(user.registeredAt()).isAfter(instant);
    }

    private SyncResult erase(UserId id) {
        Erasure erasure = Erasure.of(id, now(), ErasureReason.DELETED_FROM_POOL, tombstoneLifetime);
        return switch (eraser.erase(erasure)) {
            case ERASED -> new SyncResult.Erased(id);
            case ALREADY_ERASED -> new SyncResult.AlreadyErased(id);
        };
    }

    private static boolean follows(User user, DirectoryUser truth) {
        return user.identity().equals(truth.identity());
    }

    private Instant now() {
        // Milliseconds, as every other stored time.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
