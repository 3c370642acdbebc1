package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.CallerProfile;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GetProfileServiceTest {

    private static final Instant JOINED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final UserId ANN = new UserId("sub-ann");
    private static final UserProfile PROFILE = UserProfile.builder()
            .email(VerifiableEmail.of("ann@example.com", true))
            .build();

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();
    private final GetProfileService service = new GetProfileService(
            users,
            new SyncUserService(
                    pool, users, users, users, new RegisterUserService(users, CLOCK), CLOCK, Duration.ofDays(30)));

    @Test
    void aStoredProfileIsReadOnceAndThePoolIsNotAsked() {
        User ann = User.register(ANN, PROFILE, JOINED);
        users.store(ann);

        assertThat(service.getProfile(ANN)).isEqualTo(new CallerProfile.Active(ann));
        assertThat(users.lookups()).isEqualTo(1);
        assertThat(pool.reads()).isZero();
    }

    @Test
    void aDisabledAccountIsDisabledAndShowsNothing() {
        User ann = User.register(ANN, PROFILE, JOINED);
        users.store(ann.follow(Identity.of(PROFILE, UserStatus.DISABLED), CLOCK.instant()));

        assertThat(service.getProfile(ANN)).isEqualTo(new CallerProfile.Disabled());
    }

    @Test
    void anErasedAccountIsDeletedAndNeverRegisteredAgain() {
        pool.put(new DirectoryUser(ANN, PROFILE, UserStatus.ACTIVE, true, JOINED));
        users.erase(Erasure.of(ANN, CLOCK.instant(), ErasureReason.DELETED_BY_USER, Duration.ofDays(30)));

        assertThat(service.getProfile(ANN)).isEqualTo(new CallerProfile.Deleted());
        assertThat(users.stored(ANN)).containsInstanceOf(UserLookup.Erased.class);
        assertThat(pool.reads()).isZero();
    }

    @Test
    void aCallerWithoutAProfileWhomThePoolHasIsRegisteredAsTheTriggerWould() {
        pool.put(new DirectoryUser(ANN, PROFILE, UserStatus.ACTIVE, true, JOINED));

        CallerProfile found = service.getProfile(ANN);

        User stored = users.findById(ANN).orElseThrow();
        assertThat(found).isEqualTo(new CallerProfile.Active(stored));
        assertThat(stored.registeredAt()).isEqualTo(JOINED);
        assertThat(stored.profile().email()).contains(VerifiableEmail.of("ann@example.com", true));
    }

    @Test
    void aDisabledCallerWithoutAProfileIsRegisteredDisabled() {
        pool.put(new DirectoryUser(ANN, PROFILE, UserStatus.DISABLED, true, JOINED));

        assertThat(service.getProfile(ANN)).isEqualTo(new CallerProfile.Disabled());
        assertThat(users.findById(ANN).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
    }

    @Test
    void aCallerThePoolDoesNotHaveOrWhoCannotSignInYetIsMissingAndNothingIsWritten() {
        UserId invited = new UserId("sub-invited");
        pool.put(new DirectoryUser(invited, PROFILE, UserStatus.ACTIVE, false, JOINED));

        assertThat(service.getProfile(ANN)).isEqualTo(new CallerProfile.Missing());
        assertThat(service.getProfile(invited)).isEqualTo(new CallerProfile.Missing());
        assertThat(users.writeAttempts()).isZero();
    }

    @Test
    void aPoolThatCannotBeReadIsAnOutageNotAMissingProfile() {
        pool.unavailable(true);

        assertThatThrownBy(() -> service.getProfile(ANN)).isInstanceOf(UserPoolUnavailableException.class);
        assertThat(users.writeAttempts()).isZero();
    }
}
