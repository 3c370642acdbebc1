package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.FieldChange;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncUserServiceTest {

    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00.123456Z");
    private static final Instant NOW_MILLIS = Instant.parse("2026-11-30T10:00:00.123Z");
    private static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(30);
    private static final UserId ANN = new UserId("sub-ann");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SyncUserService service = new SyncUserService(
            pool, users, users, users, new RegisterUserService(users, clock), clock, TOMBSTONE_LIFETIME);

    private static UserProfile annIn(String email, boolean verified) {
        return UserProfile.builder()
                .email(VerifiableEmail.of(email, verified))
                .givenName(new Name("Ann"))
                .locale(new LanguageTag("en-GB"))
                .build();
    }

    private static DirectoryUser inPool(UserProfile profile, UserStatus status, boolean eligible) {
        return new DirectoryUser(ANN, profile, status, eligible, JOINED);
    }

    private SyncResult sync() {
        return service.sync(new SyncUserCommand(ANN));
    }

    private User stored() {
        return users.findById(ANN).orElseThrow();
    }

    @Test
    void registersAnEligibleUserWhoHasNoProfileAsThePoolHasThem() {
        pool.put(inPool(annIn("ann@example.com", true), UserStatus.ACTIVE, true));

        SyncResult result = sync();

        assertThat(result).isEqualTo(new SyncResult.Registered(stored()));
        assertThat(stored().profile()).isEqualTo(annIn("ann@example.com", true));
        assertThat(stored().registeredAt()).as("dated when they joined").isEqualTo(JOINED);
        assertThat(stored().identitySyncedAt()).contains(NOW_MILLIS);
        assertThat(users.writeAttempts()).isEqualTo(1);
        assertThat(pool.reads()).isEqualTo(1);
    }

    @Test
    void registersADisabledUserAsDisabled() {
        pool.put(inPool(annIn("ann@example.com", true), UserStatus.DISABLED, true));

        SyncResult result = sync();

        assertThat(result).isEqualTo(new SyncResult.Registered(stored()));
        assertThat(stored().status()).isEqualTo(UserStatus.DISABLED);
    }

    @Test
    void aDisabledUserRegisteredByThisSyncIsDisabledWhateverTheClockSaysOfItsOwnWrite() {
        // A clock that moves on at each reading, as a real one does between the pool's read and the registration.
        AtomicInteger ticks = new AtomicInteger();
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusMillis(ticks.incrementAndGet());
            }
        };
        SyncUserService moving = new SyncUserService(
                pool, users, users, users, new RegisterUserService(users, ticking), ticking, TOMBSTONE_LIFETIME);
        pool.put(inPool(annIn("ann@example.com", true), UserStatus.DISABLED, true));

        SyncResult result = moving.sync(new SyncUserCommand(ANN));

        assertThat(result).isEqualTo(new SyncResult.Registered(stored()));
        assertThat(stored().status()).isEqualTo(UserStatus.DISABLED);
    }

    @Test
    void aUserWhoCannotSignInYetGetsNoProfile() {
        pool.put(inPool(annIn("ann@example.com", false), UserStatus.ACTIVE, false));

        assertThat(sync()).isEqualTo(new SyncResult.NotYetEligible(ANN));
        assertThat(users.writeAttempts()).isZero();
        assertThat(users.size()).isZero();
    }

    @Test
    void writesNothingWhenTheProfileMatchesThePool() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
        pool.put(inPool(annIn("ann@example.com", true), UserStatus.ACTIVE, true));

        assertThat(sync()).isEqualTo(new SyncResult.Unchanged(stored()));
        assertThat(users.writeAttempts()).isZero();
    }

    @Test
    void takesAChangedIdentityAndKeepsWhatTheUserOwns() {
        User registered = User.register(ANN, annIn("ann@example.com", true), JOINED);
        users.store(registered.edit(
                new ProfilePatch(
                        FieldChange.set(new Name("Annie")),
                        FieldChange.keep(),
                        FieldChange.keep(),
                        FieldChange.remove()),
                JOINED.plusSeconds(60)));
        pool.put(inPool(annIn("ann@new.example", true), UserStatus.ACTIVE, true));

        SyncResult result = sync();

        assertThat(result).isEqualTo(new SyncResult.Updated(stored()));
        assertThat(stored().profile().email()).contains(VerifiableEmail.of("ann@new.example", true));
        assertThat(stored().profile().givenName()).as("the user's own edit").contains(new Name("Annie"));
        assertThat(stored().profile().locale())
                .as("removed by the user, not brought back")
                .isEmpty();
        assertThat(stored().version()).isEqualTo(3);
        assertThat(stored().identitySyncedAt()).contains(NOW_MILLIS);
    }

    @Test
    void takesADisablingAndAnEnabling() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
        pool.put(inPool(annIn("ann@example.com", true), UserStatus.DISABLED, true));

        assertThat(sync()).isInstanceOf(SyncResult.Updated.class);
        assertThat(stored().status()).isEqualTo(UserStatus.DISABLED);

        pool.put(inPool(annIn("ann@example.com", true), UserStatus.ACTIVE, true));
        assertThat(sync()).isInstanceOf(SyncResult.Updated.class);
        assertThat(stored().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aPatchRacingTheSyncIsKeptAndTheSyncStillApplies() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
        pool.put(inPool(annIn("ann@new.example", true), UserStatus.ACTIVE, true));
        AtomicInteger racingPatches = new AtomicInteger();
        users.beforeEachWrite(id -> {
            if (racingPatches.getAndIncrement() == 0) {
                users.store(stored().edit(
                                new ProfilePatch(
                                        FieldChange.keep(),
                                        FieldChange.set(new Name("Racer")),
                                        FieldChange.keep(),
                                        FieldChange.keep()),
                                NOW));
            }
        });

        SyncResult result = sync();

        assertThat(result).isEqualTo(new SyncResult.Updated(stored()));
        assertThat(stored().profile().familyName()).as("the racing patch").contains(new Name("Racer"));
        assertThat(stored().profile().email())
                .as("the sync's change")
                .contains(VerifiableEmail.of("ann@new.example", true));
        assertThat(stored().version()).isEqualTo(3);
        assertThat(pool.reads())
                .as("the pool is read once, however many store rounds")
                .isEqualTo(1);
    }

    @Test
    void givesUpWhenTheProfileKeepsChangingAndLosesNothing() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
        pool.put(inPool(annIn("ann@new.example", true), UserStatus.ACTIVE, true));
        users.beforeEachWrite(id -> users.store(stored().edit(
                        new ProfilePatch(
                                FieldChange.set(new Name("Edit " + users.writeAttempts())),
                                FieldChange.keep(),
                                FieldChange.keep(),
                                FieldChange.keep()),
                        NOW)));

        assertThatThrownBy(this::sync).isInstanceOf(SyncContendedException.class);
        assertThat(users.writeAttempts()).isEqualTo(SyncUserService.MAX_ATTEMPTS);
        assertThat(stored().profile().givenName()).contains(new Name("Edit " + SyncUserService.MAX_ATTEMPTS));
    }

    @Test
    void erasesAUserWhoIsGoneFromThePool() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));

        assertThat(sync()).isEqualTo(new SyncResult.Erased(ANN));

        assertThat(users.lookUp(ANN))
                .isEqualTo(new UserLookup.Erased(new Erasure(
                        ANN, NOW_MILLIS, ErasureReason.DELETED_FROM_POOL, NOW_MILLIS.plus(TOMBSTONE_LIFETIME))));
    }

    @Test
    void aGoneUserWithoutAProfileGetsATombstoneSoALateRegistrationChangesNothing() {
        assertThat(sync()).isEqualTo(new SyncResult.Erased(ANN));

        RegistrationResult late = new RegisterUserService(users, clock)
                .register(new RegisterUserCommand(ANN, annIn("ann@example.com", true)));

        assertThat(late).isEqualTo(new RegistrationResult.AlreadyRegistered(ANN));
        assertThat(users.lookUp(ANN)).isInstanceOf(UserLookup.Erased.class);
    }

    @Test
    void anErasedUserStaysErasedAndNothingIsWritten() {
        assertThat(sync()).isEqualTo(new SyncResult.Erased(ANN));
        int writes = users.writeAttempts();

        assertThat(sync()).isEqualTo(new SyncResult.AlreadyErased(ANN));
        pool.put(inPool(annIn("ann@example.com", true), UserStatus.ACTIVE, true));
        assertThat(sync()).as("a lagging pool never brings the data back").isEqualTo(new SyncResult.AlreadyErased(ANN));

        assertThat(users.writeAttempts()).isEqualTo(writes);
        assertThat(users.findById(ANN)).isEmpty();
    }

    @Test
    void anUnreadablePoolChangesNothing() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
        pool.unavailable(true);

        assertThatThrownBy(this::sync).isInstanceOf(UserPoolUnavailableException.class);

        assertThat(users.writeAttempts()).isZero();
        assertThat(users.findById(ANN)).isPresent();
    }

    @Test
    void aRegistrationRacingTheSyncIsBroughtInLineWithThePool() {
        pool.put(inPool(annIn("ann@new.example", true), UserStatus.ACTIVE, true));
        users.beforeEachWrite(id -> {
            if (users.stored(ANN).isEmpty()) {
                users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
            }
        });

        SyncResult result = sync();

        assertThat(result).isEqualTo(new SyncResult.Updated(stored()));
        assertThat(stored().profile().email()).contains(VerifiableEmail.of("ann@new.example", true));
    }

    @Test
    void afterACallThatCreatedTheUserNotFindingThemErasesNothing() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));

        SyncResult gone = service.sync(new SyncUserCommand(ANN, new SyncUserCommand.Absence.MayBeTooNew()));
        SyncResult absent =
                service.sync(new SyncUserCommand(new UserId("sub-new"), new SyncUserCommand.Absence.MayBeTooNew()));

        assertThat(gone).isEqualTo(new SyncResult.NotSeenYet(ANN));
        assertThat(absent).isEqualTo(new SyncResult.NotSeenYet(new UserId("sub-new")));
        assertThat(users.writeAttempts()).isZero();
    }

    @Test
    void aReconcilesOrphanSeenMomentsAgoIsKeptAndAnOlderOneErased() {
        SyncUserCommand.Absence unlessRecent = new SyncUserCommand.Absence.GoneUnlessSeenWithin(Duration.ofMinutes(5));
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED, NOW.minusSeconds(60)));
        UserId old = new UserId("sub-old");
        users.store(User.register(old, annIn("old@example.com", true), JOINED, NOW.minus(Duration.ofMinutes(6))));

        assertThat(service.sync(new SyncUserCommand(ANN, unlessRecent))).isEqualTo(new SyncResult.NotSeenYet(ANN));
        assertThat(service.sync(new SyncUserCommand(old, unlessRecent))).isEqualTo(new SyncResult.Erased(old));
        assertThat(users.findById(ANN)).isPresent();
    }

    @Test
    void aProfileThatLearntANewerTruthAfterThisSyncReadThePoolIsLeftAsItIs() {
        // Another sync, or a sign-in, read the pool after this one did and wrote what it saw.
        User newer = User.register(ANN, annIn("newer@example.com", true), JOINED, NOW.plusSeconds(1));
        users.store(newer);
        pool.put(inPool(annIn("older@example.com", true), UserStatus.ACTIVE, true));

        assertThat(sync()).isEqualTo(new SyncResult.Unchanged(newer));
        assertThat(users.writeAttempts()).isZero();
    }

    @Test
    void aChangeIsStampedWithWhenThePoolWasRead() {
        users.store(User.register(ANN, annIn("ann@example.com", true), JOINED));
        pool.put(inPool(annIn("ann@new.example", true), UserStatus.ACTIVE, true));

        sync();

        assertThat(stored().identitySyncedAt()).contains(NOW_MILLIS);
    }

    @Test
    void refusesATombstoneLifetimeThatIsNotPositive() {
        assertThatThrownBy(() -> new SyncUserService(
                        pool, users, users, users, new RegisterUserService(users, clock), clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
