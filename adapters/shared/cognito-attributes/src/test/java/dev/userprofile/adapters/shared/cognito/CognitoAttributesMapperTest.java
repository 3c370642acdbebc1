package dev.userprofile.adapters.shared.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.domain.UserProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CognitoAttributesMapperTest {

    private static final String SUB = "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21";
    private static final String PREFIX = "request.userAttributes";
    private final CognitoAttributesMapper mapper = new CognitoAttributesMapper();

    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("sub", SUB);
        attributes.put("email", "ann@example.com");
        attributes.put("given_name", "Ann");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return attributes;
    }

    private MappedAttributes map(Map<String, String> attributes) {
        return mapper.toProfile(attributes, PREFIX);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(with("sub", ""), "request.userAttributes.sub is missing"),
                Arguments.of(with("sub", "   "), "request.userAttributes.sub is missing"),
                Arguments.of(
                        with("sub", "x".repeat(200)),
                        "request.userAttributes.sub must be 1 to 128 visible ASCII characters without spaces"),
                Arguments.of(
                        with("sub", "has space"),
                        "request.userAttributes.sub must be 1 to 128 visible ASCII characters without spaces"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void onlyAMissingOrMalformedSubFailsTheRegistration(Map<String, String> attributes, String message) {
        assertThatThrownBy(() -> map(attributes))
                .isInstanceOf(InvalidAttributesException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> dropped() {
        Function<UserProfile, Object> email = UserProfile::email;
        return Stream.of(
                Arguments.of(with("email", "not-an-email"), "email", "must have the form local-part@domain", email),
                Arguments.of(
                        with("phone_number", "07700 900123"),
                        "phone_number",
                        "must be in E.164 form: + followed by 2 to 15 digits",
                        (Function<UserProfile, Object>) UserProfile::phone),
                Arguments.of(
                        with("given_name", "x".repeat(10_000)),
                        "given_name",
                        "must be at most 2048 characters",
                        (Function<UserProfile, Object>) UserProfile::givenName),
                Arguments.of(
                        with("family_name", "Do\u0007e"),
                        "family_name",
                        "must not contain control characters",
                        (Function<UserProfile, Object>) UserProfile::familyName),
                Arguments.of(
                        with("name", "\ud800"), "name", "must not contain unpaired surrogate characters", (Function<
                                        UserProfile, Object>)
                                UserProfile::displayName),
                Arguments.of(
                        with("locale", "en_US.UTF-8"),
                        "locale",
                        "must be a language tag such as en or en-GB of at most 35 characters",
                        (Function<UserProfile, Object>) UserProfile::locale),
                Arguments.of(
                        with("identities", "[{\"providerName\":"),
                        "identities",
                        "must be a JSON array of identities, each with a providerName",
                        (Function<UserProfile, Object>) UserProfile::identityProvider),
                Arguments.of(
                        with("identities", "{\"providerName\":\"Google\"}"),
                        "identities",
                        "must be a JSON array of identities, each with a providerName",
                        (Function<UserProfile, Object>) UserProfile::identityProvider),
                Arguments.of(
                        with("identities", "[{\"providerName\":\"A\",\"providerName\":\"B\"}]"),
                        "identities",
                        "must be a JSON array of identities, each with a providerName",
                        (Function<UserProfile, Object>) UserProfile::identityProvider),
                Arguments.of(
                        with("identities", "[{\"providerType\":\"Google\"}]"),
                        "identities",
                        "must be a JSON array of identities, each with a providerName",
                        (Function<UserProfile, Object>) UserProfile::identityProvider),
                Arguments.of(
                        with("identities", "[{\"providerName\":\"  \"}]"),
                        "identities",
                        "providerName must not be blank",
                        (Function<UserProfile, Object>) UserProfile::identityProvider));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("dropped")
    void anInvalidOptionalAttributeIsLeftOutAndReportedWhileTheRestIsKept(
            Map<String, String> attributes, String attribute, String rule, Function<UserProfile, Object> part) {
        MappedAttributes registration = map(attributes);

        assertThat(registration.dropped()).containsExactly(new DroppedAttribute(attribute, rule));
        UserProfile profile = registration.profile();
        assertThat(part.apply(profile)).isEqualTo(java.util.Optional.empty());
        assertThat(registration.userId().value()).isEqualTo(SUB);
        if (!attribute.equals("given_name")) {
            assertThat(profile.givenName().orElseThrow().value()).isEqualTo("Ann");
        }
        if (!attribute.equals("email")) {
            assertThat(profile.email().orElseThrow().address().value()).isEqualTo("ann@example.com");
        }
    }

    @Test
    void anUnreadableVerifiedFlagKeepsTheAddressAsUnverified() {
        MappedAttributes registration =
                map(with("email_verified", "yes", "phone_number", "+447700900123", "phone_number_verified", "maybe"));

        assertThat(registration.dropped())
                .containsExactly(
                        new DroppedAttribute("email_verified", "must be true or false"),
                        new DroppedAttribute("phone_number_verified", "must be true or false"));
        assertThat(registration.profile().email().orElseThrow().verified()).isFalse();
        assertThat(registration.profile().phone().orElseThrow().verified()).isFalse();
    }

    @Test
    void severalBadAttributesAreAllReportedInOrder() {
        MappedAttributes registration = map(with("email", "x", "locale", "English (UK)", "name", " "));

        assertThat(registration.dropped())
                .extracting(DroppedAttribute::attribute)
                .containsExactly("email", "name", "locale");
        assertThat(registration.profile().givenName()).isPresent();
    }

    @Test
    void aValidProfileDropsNothing() {
        assertThat(map(with("locale", "en_GB", "email_verified", "true")).dropped())
                .isEmpty();
    }

    @Test
    void readsBooleansLenientlyAndTreatsAbsenceAsUnverified() {
        assertThat(map(with("email_verified", "TRUE"))
                        .profile()
                        .email()
                        .orElseThrow()
                        .verified())
                .isTrue();
        assertThat(map(with()).profile().email().orElseThrow().verified()).isFalse();
    }

    @Test
    void emptyOptionalAttributesMeanNotGiven() {
        MappedAttributes command = map(with("email", "", "given_name", "", "identities", ""));
        assertThat(command.profile().email()).isEmpty();
        assertThat(command.profile().givenName()).isEmpty();
        assertThat(command.profile().identityProvider()).isEmpty();
    }

    @Test
    void picksThePrimaryIdentityWhenSeveralAreLinked() {
        String identities = "[{\"providerName\":\"Facebook\",\"primary\":\"false\"},"
                + "{\"providerName\":\"SignInWithApple\",\"primary\":\"true\"}]";
        assertThat(map(with("identities", identities))
                        .profile()
                        .identityProvider()
                        .orElseThrow()
                        .name())
                .isEqualTo("SignInWithApple");
        String noPrimary = "[{\"providerName\":\"MySAML\",\"issuer\":null,\"extra\":{\"a\":[1,2]}}]";
        assertThat(map(with("identities", noPrimary))
                        .profile()
                        .identityProvider()
                        .orElseThrow()
                        .name())
                .isEqualTo("MySAML");
        assertThat(map(with("identities", "[]")).profile().identityProvider()).isEmpty();
    }

    @Test
    void reportsNeverQuoteTheRejectedValue() {
        List<DroppedAttribute> dropped = map(with(
                        "email", "secret.person@@example.com", "identities", "[{\"providerName\": secret}]"))
                .dropped();
        assertThat(dropped).hasSize(2).allSatisfy(d -> assertThat(d.toString()).doesNotContain("secret"));
    }
}
