package dev.userprofile.adapters.cognito.trigger.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.cognito.trigger.CognitoTrigger;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import dev.userprofile.application.service.EnsureUserCurrentService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.testing.InMemoryUserRepository;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The rehearsal runs the whole invocation and notices when it did not end as a real user's would. */
class TriggerRehearsalTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final RegisterUserService register = new RegisterUserService(users, Clock.systemUTC());
    private final TriggerInvocation invocation = new TriggerInvocation(
            new CognitoTrigger(
                    register,
                    new EnsureUserCurrentService(users, users, register, Clock.systemUTC()),
                    new CognitoAttributesMapper()),
            Clock.systemUTC(),
            MetricDimensions.byName("rehearsed-function"));

    @Test
    void rehearsesASignUpThatRegistersAndASignInThatFindsTheProfile() {
        new TriggerRehearsal(invocation).run();

        assertThat(users.writeAttempts()).as("the sign-up's registration").isEqualTo(1);
        assertThat(users.existenceChecks()).as("the sign-in's check").isEqualTo(1);
        assertThat(users.size()).isEqualTo(1);
    }

    @Test
    void failsWhenTheRepositoryDoesNotAnswerAsTheRehearsalOneDoes() {
        // A store that keeps what it is given answers the second sign-up "already registered": the rehearsal needs
        // a repository on which every registration succeeds, and says so rather than priming the wrong path.
        TriggerRehearsal rehearsal = new TriggerRehearsal(invocation);
        rehearsal.run();

        assertThatThrownBy(rehearsal::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostConfirmation_ConfirmSignUp did not end REGISTERED");
    }
}
