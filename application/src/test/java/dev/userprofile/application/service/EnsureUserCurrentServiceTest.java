package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.FieldChange;
import dev.userprofile.domain.Identity;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnsureUserCurrentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EnsureUserCurrentService service =
            new EnsureUserCurrentService(users, users, new RegisterUserService(users, clock), clock);

    private static RegisterUserCommand command(String sub, String email) {
        return new RegisterUserCommand(
                new UserId(sub),
                UserProfile.builder().email(VerifiableEmail.of(email, true)).build());
    }

    @Test
    void aUserWithoutAProfileIsRegisteredWithOneReadAndOneWrite() {
        RegistrationResult result = service.ensureCurrent(command("sub-1", "ann@example.com"));

        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(users.findById(new UserId("sub-1")).orElseThrow().registeredAt())
                .isEqualTo(NOW);
        assertThat(users.existenceChecks()).isEqualTo(1);
        assertThat(users.writeAttempts()).isEqualTo(1);
    }

    @Test
    void aCurrentUserCostsOneReadAndNoWrite() {
        service.ensureCurrent(command("sub-1", "ann@example.com"));
        User first = users.findById(new UserId("sub-1")).orElseThrow();

        RegistrationResult again = service.ensureCurrent(command("sub-1", "ann@example.com"));

        assertThat(again).isEqualTo(new RegistrationResult.AlreadyRegistered(new UserId("sub-1")));
        assertThat(users.findById(new UserId("sub-1"))).contains(first);
        assertThat(users.existenceChecks()).isEqualTo(2);
        assertThat(users.writeAttempts()).as("no write for a current user").isEqualTo(1);
    }

    @Test
    void aChangedIdentityIsRefreshedWithOneWriteAndTheUsersOwnFieldsAreKept() {
        UserId id = new UserId("sub-1");
        users.store(User.register(
                        id,
                        UserProfile.builder()
                                .email(VerifiableEmail.of("ann@example.com", true))
                                .givenName(new Name("Annie"))
                                .build(),
                        NOW.minusSeconds(3600))
                .follow(new Identity(Optional.empty(), Optional.empty(), Optional.empty(), UserStatus.DISABLED), NOW));
        int writesBefore = users.writeAttempts();

        RegisterUserCommand signIn = new RegisterUserCommand(
                id,
                UserProfile.builder()
                        .email(VerifiableEmail.of("ann@new.example", true))
                        .givenName(new Name("Cognito's name"))
                        .build());
        RegistrationResult result = service.ensureCurrent(signIn);
        int consistentReads = users.lookups();

        User stored = users.findById(id).orElseThrow();
        assertThat(result).isEqualTo(new RegistrationResult.Refreshed(stored));
        assertThat(stored.profile().email()).contains(VerifiableEmail.of("ann@new.example", true));
        assertThat(stored.profile().givenName()).as("the profile's own").contains(new Name("Annie"));
        assertThat(stored.status()).as("a user who signs in is enabled").isEqualTo(UserStatus.ACTIVE);
        assertThat(users.writeAttempts() - writesBefore).isEqualTo(1);
        assertThat(users.existenceChecks()).isEqualTo(1);
        assertThat(consistentReads).as("no consistent read on the sign-in path").isZero();
    }

    @Test
    void aRefreshThatLosesARaceGivesUpWithoutFailingTheSignIn() {
        UserId id = new UserId("sub-1");
        users.store(User.register(
                id,
                UserProfile.builder()
                        .email(VerifiableEmail.of("ann@example.com", true))
                        .build(),
                NOW));
        users.beforeEachWrite(racing -> users.store(users.findById(racing)
                .orElseThrow()
                .edit(
                        new ProfilePatch(
                                FieldChange.set(new Name("Racer")),
                                FieldChange.keep(),
                                FieldChange.keep(),
                                FieldChange.keep()),
                        NOW)));

        RegistrationResult result = service.ensureCurrent(command("sub-1", "ann@new.example"));

        assertThat(result).isEqualTo(new RegistrationResult.AlreadyRegistered(id));
        assertThat(users.findById(id).orElseThrow().profile().givenName()).contains(new Name("Racer"));
    }

    @Test
    void anErasedUserIsNeitherRegisteredNorRefreshed() {
        UserId id = new UserId("sub-1");
        users.erase(Erasure.of(id, NOW, ErasureReason.DELETED_FROM_POOL, Duration.ofDays(1)));
        int writesBefore = users.writeAttempts();

        assertThat(service.ensureCurrent(command("sub-1", "ann@example.com")))
                .isEqualTo(new RegistrationResult.AlreadyRegistered(id));
        assertThat(users.writeAttempts()).isEqualTo(writesBefore);
        assertThat(users.lookUp(id)).isInstanceOf(UserLookup.Erased.class);
    }

    @Test
    void aReadThatLagsAConcurrentRegistrationStillChangesNothing() {
        User earlier = User.register(new UserId("sub-2"), UserProfile.empty(), NOW.minusSeconds(60));
        UserLoader lagging = new UserLoader() {
            @Override
            public UserLookup lookUp(UserId id) {
                return users.lookUp(id);
            }

            @Override
            public UserLookup lookUpCheaply(UserId id) {
                return new UserLookup.Absent();
            }

            @Override
            public boolean exists(UserId id) {
                return false;
            }
        };
        users.addIfAbsent(earlier);

        RegistrationResult result = new EnsureUserCurrentService(
                        lagging, users, new RegisterUserService(users, clock), clock)
                .ensureCurrent(command("sub-2", "late@example.com"));

        assertThat(result).isInstanceOf(RegistrationResult.AlreadyRegistered.class);
        assertThat(users.findById(new UserId("sub-2"))).contains(earlier);
    }
}
