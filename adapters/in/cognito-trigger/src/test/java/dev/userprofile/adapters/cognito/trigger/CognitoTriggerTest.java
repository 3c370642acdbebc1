package dev.userprofile.adapters.cognito.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.EnsureUserCurrentUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.service.EnsureUserCurrentService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Sample events as Cognito sends them, deserialised by the Lambda runtime's own library. */
class CognitoTriggerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final RegisterUserService registerUser = new RegisterUserService(users, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CognitoTrigger trigger = new CognitoTrigger(
            registerUser,
            new EnsureUserCurrentService(users, users, registerUser, Clock.fixed(NOW, ZoneOffset.UTC)),
            new CognitoAttributesMapper());

    private static final RegisterUserUseCase MUST_NOT_REGISTER = command -> {
        throw new AssertionError("this event must not register anyone");
    };
    private static final EnsureUserCurrentUseCase MUST_NOT_ENSURE = command -> {
        throw new AssertionError("this event must not register anyone");
    };

    @Test
    void signUpRegistersTheUserWithEveryStandardAttribute() {
        TriggerOutcome outcome = trigger.handle(LambdaRuntimeJson.sampleEvent("sign-up.json"));

        UserId sub = new UserId("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21");
        assertThat(outcome).isEqualTo(new TriggerOutcome.Registered(sub, java.util.List.of()));
        User user = users.findById(sub).orElseThrow();
        assertThat(user.registeredAt()).isEqualTo(NOW);
        assertThat(user.profile().email()).hasValueSatisfying(email -> {
            assertThat(email.address().value()).isEqualTo("jane.doe@example.com");
            assertThat(email.verified()).isTrue();
        });
        assertThat(user.profile().givenName())
                .hasValueSatisfying(n -> assertThat(n.value()).isEqualTo("Jane"));
        assertThat(user.profile().familyName())
                .hasValueSatisfying(n -> assertThat(n.value()).isEqualTo("Doe"));
        assertThat(user.profile().displayName())
                .hasValueSatisfying(n -> assertThat(n.value()).isEqualTo("Jane Doe"));
        assertThat(user.profile().locale())
                .hasValueSatisfying(l -> assertThat(l.value()).isEqualTo("en-GB"));
        assertThat(user.profile().phone()).isEmpty();
        assertThat(user.profile().isFederated()).isFalse();
    }

    @Test
    void anAdminConfirmedPhoneOnlyUserHasNoEmail() {
        trigger.handle(LambdaRuntimeJson.sampleEvent("admin-confirm-phone.json"));

        User user = users.findById(new UserId("b51c0a2e-0f4d-4f6a-8d7e-3c2b1a0f9e88"))
                .orElseThrow();
        assertThat(user.profile().email()).isEmpty();
        assertThat(user.profile().phone()).hasValueSatisfying(phone -> {
            assertThat(phone.number().value()).isEqualTo("+447700900123");
            assertThat(phone.verified()).isFalse();
        });
    }

    @Test
    void aFederatedFirstSignInRecordsItsIdentityProviderDespiteUnknownFields() {
        trigger.handle(LambdaRuntimeJson.sampleEvent("federated-first-sign-in.json"));

        User user = users.findById(new UserId("c0ffee00-1234-4abc-8def-0123456789ab"))
                .orElseThrow();
        assertThat(user.profile().identityProvider())
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Google"));
        assertThat(user.profile().email())
                .hasValueSatisfying(e -> assertThat(e.verified()).isFalse());
    }

    @Test
    void aRepeatedDeliveryIsAlreadyRegisteredAndChangesNothing() {
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.sampleEvent("sign-up.json");
        trigger.handle(event);
        User first = users.findById(new UserId("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21"))
                .orElseThrow();

        TriggerOutcome again = trigger.handle(LambdaRuntimeJson.sampleEvent("sign-up.json"));

        assertThat(again).isInstanceOf(TriggerOutcome.AlreadyRegistered.class);
        assertThat(users.findById(first.id())).contains(first);
        assertThat(users.size()).isEqualTo(1);
    }

    @Test
    void aPasswordResetRegistersAUserWhoHasNoProfileYet() {
        TriggerOutcome outcome = trigger.handle(LambdaRuntimeJson.sampleEvent("password-reset.json"));

        UserId sub = new UserId("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21");
        assertThat(outcome).isEqualTo(new TriggerOutcome.Registered(sub, java.util.List.of()));
        assertThat(users.findById(sub)
                        .orElseThrow()
                        .profile()
                        .givenName()
                        .orElseThrow()
                        .value())
                .isEqualTo("Janet");
        assertThat(users.existenceChecks()).as("one conditional write, no read").isZero();
    }

    @Test
    void aPasswordResetNeverChangesAnExistingProfile() {
        trigger.handle(LambdaRuntimeJson.sampleEvent("sign-up.json"));
        User before = users.findById(new UserId("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21"))
                .orElseThrow();

        TriggerOutcome outcome = trigger.handle(LambdaRuntimeJson.sampleEvent("password-reset.json"));

        assertThat(outcome).isInstanceOf(TriggerOutcome.AlreadyRegistered.class);
        assertThat(users.findById(before.id())).contains(before);
    }

    @Test
    void aSignInRegistersAUserWithoutAProfileAndThenOnlyReads() {
        UserId sub = new UserId("0d7c4f52-9b3e-4a61-8c2d-5e6f7a8b9c01");

        TriggerOutcome first = trigger.handle(LambdaRuntimeJson.sampleEvent("sign-in.json"));
        User registered = users.findById(sub).orElseThrow();
        TriggerOutcome second = trigger.handle(LambdaRuntimeJson.sampleEvent("sign-in.json"));

        assertThat(first).isEqualTo(new TriggerOutcome.Registered(sub, java.util.List.of()));
        assertThat(second).isEqualTo(new TriggerOutcome.AlreadyRegistered(sub, java.util.List.of()));
        assertThat(users.findById(sub)).contains(registered);
        assertThat(registered.profile().familyName().orElseThrow().value()).isEqualTo("Invited");
        assertThat(users.writeAttempts()).as("the second sign-in only reads").isEqualTo(1);
        assertThat(users.existenceChecks()).isEqualTo(2);
    }

    @Test
    void aSignInEventSurvivesTheRuntimesDeserialisationIntoTheSharedEventType() {
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.sampleEvent("sign-in.json");

        assertThat(TriggerSource.of(event.getTriggerSource())).isEqualTo(TriggerSource.POST_AUTHENTICATION);
        assertThat(event.getRequest().getUserAttributes()).containsEntry("given_name", "Ines");
    }

    @Test
    void onlyASignUpConfirmationFailsTheUserWhenRegistrationFails() {
        assertThat(TriggerSource.CONFIRM_SIGN_UP.failureBlocksTheUser()).isTrue();
        assertThat(TriggerSource.CONFIRM_FORGOT_PASSWORD.failureBlocksTheUser()).isFalse();
        assertThat(TriggerSource.POST_AUTHENTICATION.failureBlocksTheUser()).isFalse();
    }

    @Test
    void anUnknownOrMissingTriggerSourceIsIgnored() {
        CognitoTrigger guarded = new CognitoTrigger(MUST_NOT_REGISTER, MUST_NOT_ENSURE, new CognitoAttributesMapper());
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.sampleEvent("sign-up.json");

        event.setTriggerSource("PostConfirmation_SomethingNew");
        assertThat(guarded.handle(event)).isEqualTo(new TriggerOutcome.UnknownSourceIgnored());
        event.setTriggerSource(null);
        assertThat(guarded.handle(event)).isEqualTo(new TriggerOutcome.UnknownSourceIgnored());
    }

    @Test
    void aSignUpWithoutSubIsRejectedNamingTheFieldAndWritesNothing() {
        assertThatThrownBy(() -> trigger.handle(LambdaRuntimeJson.sampleEvent("missing-sub.json")))
                .isInstanceOf(InvalidRegistrationInputException.class)
                .hasMessage("Invalid trigger event: request.userAttributes.sub is missing")
                .message()
                .doesNotContain("nosub@example.com");
        assertThat(users.size()).isZero();
    }

    @Test
    void theEventSurvivesTheRuntimesRoundTripUnchanged() {
        for (String sample : new String[] {"sign-up.json", "federated-first-sign-in.json", "password-reset.json"}) {
            CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.sampleEvent(sample);
            String before = LambdaRuntimeJson.toJson(event);

            trigger.handle(event);

            String after = LambdaRuntimeJson.toJson(event);
            assertThat(after).as(sample).isEqualTo(before);
            assertThat(LambdaRuntimeJson.fromJson(after)).as(sample).isEqualTo(event);
        }
    }
}
