package dev.userprofile.adapters.api.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rehearsal runs a read and a change of a caller who has a profile, and notices when it did not. */
class ApiRehearsalTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    /** A rehearsed caller has a profile: the pool is never asked. */
    private final SyncUserUseCase noPool = command -> {
        throw new AssertionError("the pool was asked");
    };

    private final ApiInvocation invocation = new ApiInvocation(
            new ProfileApi(
                    new GetProfileService(users, noPool),
                    new UpdateProfileService(users, users, noPool, Clock.systemUTC()),
                    Optional.empty()),
            Clock.systemUTC(),
            MetricDimensions.byName("rehearsed-function"));

    @Test
    void readsThenChangesTheProfileAtTheVersionItRead() {
        UserId caller = new UserId("00000000-0000-4000-8000-000000000000");
        users.addIfAbsent(User.register(caller, UserProfile.builder().build(), Instant.EPOCH));

        new ApiRehearsal(invocation).run();

        assertThat(users.lookups()).as("GET, then the PATCH's read").isEqualTo(2);
        assertThat(users.writeAttempts())
                .as("the registration above, then the PATCH")
                .isEqualTo(2);
        assertThat(users.findById(caller).orElseThrow().profile().givenName())
                .hasValueSatisfying(name -> assertThat(name.value()).isEqualTo("Rehearsal"));
    }

    @Test
    void failsWhenTheRepositoryHasNoProfileForTheCaller() {
        ApiInvocation withoutProfiles = new ApiInvocation(
                new ProfileApi(
                        new GetProfileService(users, command -> new SyncResult.NotSeenYet(command.userId())),
                        new UpdateProfileService(users, users, noPool, Clock.systemUTC()),
                        Optional.empty()),
                Clock.systemUTC(),
                MetricDimensions.byName("rehearsed-function"));

        assertThatThrownBy(new ApiRehearsal(withoutProfiles)::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a rehearsed GET was answered 404");
    }
}
