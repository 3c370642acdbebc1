package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.VerifiableEmail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegisterUserServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final RegisterUserService service = new RegisterUserService(users, Clock.fixed(NOW, ZoneOffset.UTC));

    private static RegisterUserCommand command(String sub) {
        return new RegisterUserCommand(
                new UserId(sub),
                UserProfile.builder()
                        .email(VerifiableEmail.of("jane@example.com", true))
                        .build());
    }

    @Test
    void registersANewUserAtTheClocksTime() {
        RegistrationResult result = service.register(command("sub-1"));

        assertThat(result).isInstanceOfSatisfying(RegistrationResult.Registered.class, registered -> {
            assertThat(registered.user().registeredAt()).isEqualTo(NOW);
            assertThat(registered.userId()).isEqualTo(new UserId("sub-1"));
        });
        assertThat(users.findById(new UserId("sub-1")))
                .hasValueSatisfying(u -> assertThat(u.profile().email()).isPresent());
    }

    @Test
    void recordsTheRegistrationTimeToTheMillisecond() {
        Clock nanoClock = Clock.fixed(Instant.parse("2026-11-27T08:00:00.123456789Z"), ZoneOffset.UTC);

        new RegisterUserService(users, nanoClock).register(command("sub-ms"));

        assertThat(users.findById(new UserId("sub-ms")).orElseThrow().registeredAt())
                .isEqualTo(Instant.parse("2026-11-27T08:00:00.123Z"));
    }

    @Test
    void aRepeatedRegistrationIsAlreadyRegisteredAndLeavesTheFirstUntouched() {
        service.register(command("sub-1"));
        User stored = users.findById(new UserId("sub-1")).orElseThrow();
        RegisterUserService later = new RegisterUserService(users, Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC));

        RegistrationResult again = later.register(new RegisterUserCommand(new UserId("sub-1"), UserProfile.empty()));

        assertThat(again).isEqualTo(new RegistrationResult.AlreadyRegistered(new UserId("sub-1")));
        assertThat(users.findById(new UserId("sub-1"))).contains(stored);
        assertThat(users.size()).isEqualTo(1);
    }

    @Test
    void writesExactlyOnce() {
        // The port it gets cannot read, so a read-then-write race is ruled out by its type; what is left is the count.
        new RegisterUserService(users::addIfAbsent, Clock.fixed(NOW, ZoneOffset.UTC)).register(command("sub-2"));

        assertThat(users.writeAttempts()).isEqualTo(1);
    }

    @Test
    void aStoreFailureReachesTheCallerAsTheUseCasesOwnWithTheSameMessage() {
        UserStoreUnavailableException failure = new UserStoreUnavailableException("store down", null);
        UserRegistrar broken = user -> {
            throw failure;
        };

        assertThatThrownBy(() -> new RegisterUserService(broken, Clock.systemUTC()).register(command("sub-3")))
                .isInstanceOf(ProfileStoreUnavailableException.class)
                .hasMessage("store down")
                .cause()
                .isSameAs(failure);
    }

    @Test
    void aUserKnownToHaveJoinedEarlierIsRegisteredWithThatTime() {
        Instant joined = Instant.parse("2024-03-01T12:00:00.123456Z");

        service.register(command("sub-old").joinedAt(joined));

        assertThat(users.findById(new UserId("sub-old")).orElseThrow().registeredAt())
                .isEqualTo(Instant.parse("2024-03-01T12:00:00.123Z"));
    }

    @Test
    void commandRequiresItsParts() {
        assertThatThrownBy(() -> new RegisterUserCommand(null, UserProfile.empty()))
                .isInstanceOf(InvalidUserDataException.class)
                .hasMessage("userId is required");
        assertThatThrownBy(() -> new RegisterUserCommand(new UserId("s"), null))
                .isInstanceOf(InvalidUserDataException.class)
                .hasMessage("profile is required");
    }
}
