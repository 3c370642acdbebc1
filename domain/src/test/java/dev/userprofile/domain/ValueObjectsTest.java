package dev.userprofile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void userIdKeepsCognitoSubAsGiven() {
        assertThat(new UserId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").value())
                .isEqualTo("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "has space", "tab\there", "ünïcode"})
    void userIdRejectsBadShapesWithoutEchoingThem(String bad) {
        assertThatThrownBy(() -> new UserId(bad))
                .isInstanceOf(InvalidUserDataException.class)
                .hasMessageStartingWith("userId ")
                .satisfies(e -> {
                    if (!bad.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(bad);
                    }
                });
    }

    @Test
    void userIdRejectsNullAndOverlongValues() {
        assertThatThrownBy(() -> new UserId(null)).hasMessage("userId is required");
        assertThatThrownBy(() -> new UserId("x".repeat(UserId.MAX_LENGTH + 1))).hasMessageContaining("1 to 128");
        assertThat(new UserId("x".repeat(UserId.MAX_LENGTH)).value()).hasSize(UserId.MAX_LENGTH);
    }

    @Test
    void emailIsTrimmedAndItsDomainLowerCased() {
        assertThat(new EmailAddress("  Jane.Doe@Example.COM ").value()).isEqualTo("Jane.Doe@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plainaddress",
                "@example.com",
                "jane@",
                "jane@@example.com",
                "jane@exa mple.com",
                "jane doe@example.com",
                "jane@example",
                "jane@.example.com",
                "jane@example..com",
                "jane@exam_ple.com"
            })
    void emailRejectsMalformedAddressesWithoutEchoingThem(String bad) {
        assertThatThrownBy(() -> new EmailAddress(bad))
                .isInstanceOf(InvalidUserDataException.class)
                .hasMessageStartingWith("email ")
                .message()
                .doesNotContain(bad);
    }

    @Test
    void emailEnforcesRfc5321Lengths() {
        String longLocal = "a".repeat(65) + "@example.com";
        assertThatThrownBy(() -> new EmailAddress(longLocal)).hasMessageContaining("local part of at most 64");
        String tooLong = "a".repeat(60) + "@" + "b".repeat(190) + ".com";
        assertThatThrownBy(() -> new EmailAddress(tooLong)).hasMessageContaining("at most 254");
        assertThat(new EmailAddress("a".repeat(64) + "@example.com").value()).hasSize(76);
    }

    @Test
    void emailToStringDoesNotLeakTheAddress() {
        assertThat(VerifiableEmail.of("jane@example.com", true).toString()).doesNotContain("jane");
    }

    @Test
    void phoneNumberMustBeE164() {
        assertThat(VerifiablePhone.of(" +447700900123 ", false).number().value())
                .isEqualTo("+447700900123");
        assertThatThrownBy(() -> new PhoneNumber("07700 900123"))
                .hasMessage("phoneNumber must be in E.164 form: + followed by 2 to 15 digits");
        assertThatThrownBy(() -> new PhoneNumber("+0123")).isInstanceOf(InvalidUserDataException.class);
        assertThatThrownBy(() -> new PhoneNumber("+1234567890123456")).isInstanceOf(InvalidUserDataException.class);
        assertThat(new PhoneNumber("+447700900123").toString()).doesNotContain("7700");
    }

    @Test
    void namesAreTrimmedAndNfcNormalised() {
        String decomposed = "Zoe\u0308";
        assertThat(new Name("  " + decomposed + " ").value()).isEqualTo("Zo\u00eb");
    }

    @Test
    void namesRejectControlCharactersLoneSurrogatesAndOverlongText() {
        assertThatThrownBy(() -> Name.of("givenName", "Ja\u0000ne"))
                .hasMessage("givenName must not contain control characters");
        assertThatThrownBy(() -> Name.of("familyName", "Do\ud800e"))
                .hasMessage("familyName must not contain unpaired surrogate characters");
        assertThatThrownBy(() -> Name.of("displayName", "\udc00"))
                .hasMessage("displayName must not contain unpaired surrogate characters");
        assertThatThrownBy(() -> Name.of("givenName", "x".repeat(Name.MAX_LENGTH + 1)))
                .hasMessage("givenName must be at most 2048 characters");
        assertThatThrownBy(() -> Name.of("givenName", "  ")).hasMessage("givenName must not be blank");
        assertThat(Name.of("givenName", "\uD83D\uDE00 smile").value()).isEqualTo("\uD83D\uDE00 smile");
    }

    @Test
    void localeAcceptsBothSpellingsAndNormalisesToBcp47() {
        assertThat(new LanguageTag("en_GB").value()).isEqualTo("en-GB");
        assertThat(new LanguageTag("de").value()).isEqualTo("de");
        assertThatThrownBy(() -> new LanguageTag("english please"))
                .hasMessageStartingWith("locale must be a language tag");
    }

    @Test
    void identityProviderIsRequiredToBePrintable() {
        assertThat(new IdentityProvider(" Google ").name()).isEqualTo("Google");
        assertThatThrownBy(() -> new IdentityProvider("")).hasMessage("identityProvider must not be blank");
    }

    @Test
    void userRequiresIdProfileAndRegistrationTime() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        User user = User.register(new UserId("sub-1"), UserProfile.empty(), at);
        assertThat(user.registeredAt()).isEqualTo(at);
        assertThat(user.profile().isFederated()).isFalse();
        assertThatThrownBy(() -> new User(null, UserProfile.empty(), at)).hasMessage("userId is required");
        assertThatThrownBy(() -> new User(new UserId("s"), null, at)).hasMessage("profile is required");
        assertThatThrownBy(() -> new User(new UserId("s"), UserProfile.empty(), null))
                .hasMessage("registeredAt is required");
    }

    @Test
    void profileBuilderLeavesUnsetPartsEmpty() {
        UserProfile profile = UserProfile.builder()
                .email(VerifiableEmail.of("jane@example.com", true))
                .identityProvider(new IdentityProvider("Google"))
                .build();
        assertThat(profile.email()).isPresent();
        assertThat(profile.phone()).isEmpty();
        assertThat(profile.givenName()).isEmpty();
        assertThat(profile.isFederated()).isTrue();
    }
}
