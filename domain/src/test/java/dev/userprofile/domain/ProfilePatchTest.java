package dev.userprofile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfilePatchTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static User jane() {
        return User.register(
                new UserId("sub-1"),
                UserProfile.builder()
                        .email(VerifiableEmail.of("jane@example.com", true))
                        .givenName(new Name("Jane"))
                        .familyName(new Name("Doe"))
                        .locale(new LanguageTag("en-GB"))
                        .identityProvider(new IdentityProvider("Google"))
                        .build(),
                REGISTERED);
    }

    @Test
    void setsRemovesAndKeepsEachFieldAsAskedAndTouchesNothingElse() {
        ProfilePatch patch = new ProfilePatch(
                FieldChange.set(new Name("Janet")),
                FieldChange.remove(),
                FieldChange.set(new Name("J. Doe")),
                FieldChange.keep());

        User edited = jane().edit(patch, NOW);

        UserProfile profile = edited.profile();
        assertThat(profile.givenName()).contains(new Name("Janet"));
        assertThat(profile.familyName()).isEmpty();
        assertThat(profile.displayName()).contains(new Name("J. Doe"));
        assertThat(profile.locale()).contains(new LanguageTag("en-GB"));
        assertThat(profile.email()).isEqualTo(jane().profile().email());
        assertThat(profile.identityProvider()).isEqualTo(jane().profile().identityProvider());
        assertThat(edited.registeredAt()).isEqualTo(REGISTERED);
        assertThat(edited.updatedAt()).contains(NOW);
        assertThat(edited.version()).isEqualTo(User.FIRST_VERSION + 1);
    }

    @Test
    void anEmptyPatchChangesNothingNotEvenTheVersion() {
        assertThat(ProfilePatch.NONE.isEmpty()).isTrue();
        assertThat(jane().edit(ProfilePatch.NONE, NOW)).isEqualTo(jane());
        assertThat(new ProfilePatch(FieldChange.keep(), FieldChange.keep(), FieldChange.keep(), FieldChange.remove())
                        .isEmpty())
                .isFalse();
    }

    @Test
    void removingWhatIsAbsentIsStillAnEdit() {
        User edited = jane().edit(
                        new ProfilePatch(
                                FieldChange.keep(), FieldChange.keep(), FieldChange.remove(), FieldChange.keep()),
                        NOW);

        assertThat(edited.profile()).isEqualTo(jane().profile());
        assertThat(edited.version()).isEqualTo(2);
    }

    @Test
    void aUserHasAVersionAndOptionallyALastChange() {
        assertThat(jane().version()).isEqualTo(1);
        assertThat(jane().updatedAt()).isEmpty();
        assertThatThrownBy(() -> new User(
                        new UserId("s"),
                        UserProfile.empty(),
                        UserStatus.ACTIVE,
                        REGISTERED,
                        Optional.empty(),
                        Optional.empty(),
                        -1))
                .hasMessage("version must not be negative");
        assertThatThrownBy(() -> FieldChange.set(null)).isInstanceOf(NullPointerException.class);
    }
}
