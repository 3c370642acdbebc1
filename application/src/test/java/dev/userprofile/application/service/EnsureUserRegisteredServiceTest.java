package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.VerifiableEmail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EnsureUserRegisteredServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final EnsureUserRegisteredService service =
            new EnsureUserRegisteredService(users, new RegisterUserService(users, Clock.fixed(NOW, ZoneOffset.UTC)));

    private static RegisterUserCommand command(String sub, String email) {
        return new RegisterUserCommand(
                new UserId(sub),
                UserProfile.builder().email(VerifiableEmail.of(email, true)).build());
    }

    @Test
    void aUserWithoutAProfileIsRegisteredWithOneReadAndOneWrite() {
        RegistrationResult result = service.ensureRegistered(command("sub-1", "ann@example.com"));

        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(users.findById(new UserId("sub-1")).orElseThrow().registeredAt())
                .isEqualTo(NOW);
        assertThat(users.existenceChecks()).isEqualTo(1);
        assertThat(users.writeAttempts()).isEqualTo(1);
    }

    @Test
    void aRegisteredUserCostsOneReadAndIsNeverChanged() {
        service.ensureRegistered(command("sub-1", "ann@example.com"));
        User first = users.findById(new UserId("sub-1")).orElseThrow();

        RegistrationResult again = service.ensureRegistered(command("sub-1", "changed@example.com"));

        assertThat(again).isEqualTo(new RegistrationResult.AlreadyRegistered(new UserId("sub-1")));
        assertThat(users.findById(new UserId("sub-1"))).contains(first);
        assertThat(users.existenceChecks()).isEqualTo(2);
        assertThat(users.writeAttempts()).as("no write for a registered user").isEqualTo(1);
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
            public boolean exists(UserId id) {
                return false;
            }
        };
        users.addIfAbsent(earlier);

        RegistrationResult result = new EnsureUserRegisteredService(
                        lagging, new RegisterUserService(users, Clock.fixed(NOW, ZoneOffset.UTC)))
                .ensureRegistered(command("sub-2", "late@example.com"));

        assertThat(result).isInstanceOf(RegistrationResult.AlreadyRegistered.class);
        assertThat(users.findById(new UserId("sub-2"))).contains(earlier);
    }
}
