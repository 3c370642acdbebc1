package dev.userprofile.adapters.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.application.port.in.RegisterUserCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostConfirmationCommandMapperTest {

    private static final String SUB = "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21";
    private final PostConfirmationCommandMapper mapper = new PostConfirmationCommandMapper();

    private static CognitoUserPoolPostConfirmationEvent event(Map<String, String> attributes) {
        return CognitoUserPoolPostConfirmationEvent.builder()
                .withTriggerSource("PostConfirmation_ConfirmSignUp")
                .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder()
                        .withUserAttributes(attributes).build())
                .build();
    }

    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("sub", SUB);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return attributes;
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(with("sub", ""), "request.userAttributes.sub is missing"),
                Arguments.of(with("sub", "   "), "request.userAttributes.sub is missing"),
                Arguments.of(with("sub", "x".repeat(200)),
                        "request.userAttributes.sub must be 1 to 128 visible ASCII characters without spaces"),
                Arguments.of(with("email", "not-an-email"),
                        "request.userAttributes.email must have the form local-part@domain"),
                Arguments.of(with("email", "a@b.co", "email_verified", "yes"),
                        "request.userAttributes.email_verified must be true or false"),
                Arguments.of(with("phone_number", "07700 900123"),
                        "request.userAttributes.phone_number must be in E.164 form: + followed by 2 to 15 digits"),
                Arguments.of(with("given_name", "x".repeat(10_000)),
                        "request.userAttributes.given_name must be at most 2048 characters"),
                Arguments.of(with("family_name", "Do\u0007e"),
                        "request.userAttributes.family_name must not contain control characters"),
                Arguments.of(with("name", "\ud800"),
                        "request.userAttributes.name must not contain unpaired surrogate characters"),
                Arguments.of(with("locale", "not a locale"),
                        "request.userAttributes.locale must be a language tag such as en or en-GB of at most 35 characters"),
                Arguments.of(with("identities", "[{\"providerName\":"),
                        "request.userAttributes.identities must be a JSON array of identities, each with a providerName"),
                Arguments.of(with("identities", "{\"providerName\":\"Google\"}"),
                        "request.userAttributes.identities must be a JSON array of identities, each with a providerName"),
                Arguments.of(with("identities", "[{\"providerName\":\"A\",\"providerName\":\"B\"}]"),
                        "request.userAttributes.identities must be a JSON array of identities, each with a providerName"),
                Arguments.of(with("identities", "[{\"providerType\":\"Google\"}]"),
                        "request.userAttributes.identities must be a JSON array of identities, each with a providerName"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectsWithAMessageNamingTheFieldAndRule(Map<String, String> attributes, String message) {
        assertThatThrownBy(() -> mapper.toCommand(event(attributes)))
                .isInstanceOf(InvalidTriggerEventException.class)
                .hasMessage("Invalid PostConfirmation event: " + message);
    }

    @Test
    void rejectsEventsWithoutRequestOrAttributes() {
        CognitoUserPoolPostConfirmationEvent noRequest = CognitoUserPoolPostConfirmationEvent.builder().build();
        assertThatThrownBy(() -> mapper.toCommand(noRequest))
                .hasMessage("Invalid PostConfirmation event: request is missing");
        CognitoUserPoolPostConfirmationEvent noAttributes = CognitoUserPoolPostConfirmationEvent.builder()
                .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder().build()).build();
        assertThatThrownBy(() -> mapper.toCommand(noAttributes))
                .hasMessage("Invalid PostConfirmation event: request.userAttributes is missing");
    }

    @Test
    void readsBooleansLenientlyAndTreatsAbsenceAsUnverified() {
        assertThat(mapper.toCommand(event(with("email", "a@b.co", "email_verified", "TRUE")))
                .profile().email().orElseThrow().verified()).isTrue();
        assertThat(mapper.toCommand(event(with("email", "a@b.co")))
                .profile().email().orElseThrow().verified()).isFalse();
    }

    @Test
    void emptyOptionalAttributesMeanNotGiven() {
        RegisterUserCommand command = mapper.toCommand(event(with("email", "", "given_name", "", "identities", "")));
        assertThat(command.profile().email()).isEmpty();
        assertThat(command.profile().givenName()).isEmpty();
        assertThat(command.profile().identityProvider()).isEmpty();
    }

    @Test
    void picksThePrimaryIdentityWhenSeveralAreLinked() {
        String identities = "[{\"providerName\":\"Facebook\",\"primary\":\"false\"},"
                + "{\"providerName\":\"SignInWithApple\",\"primary\":\"true\"}]";
        assertThat(mapper.toCommand(event(with("identities", identities))).profile().identityProvider()
                .orElseThrow().name()).isEqualTo("SignInWithApple");
        String noPrimary = "[{\"providerName\":\"MySAML\",\"issuer\":null,\"extra\":{\"a\":[1,2]}}]";
        assertThat(mapper.toCommand(event(with("identities", noPrimary))).profile().identityProvider()
                .orElseThrow().name()).isEqualTo("MySAML");
    }

    @Test
    void errorsNeverQuoteTheRejectedValue() {
        assertThatThrownBy(() -> mapper.toCommand(event(with("email", "secret.person@@example.com"))))
                .message().doesNotContain("secret.person");
        assertThatThrownBy(() -> mapper.toCommand(event(with("identities", "[{\"providerName\": secret}]"))))
                .message().doesNotContain("secret");
    }
}
