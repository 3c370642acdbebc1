package dev.userprofile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserLifecycleTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant LATER = Instant.parse("2026-02-03T04:05:06Z");

    private static User jane() {
        return User.register(
                new UserId("sub-1"),
                UserProfile.builder()
                        .email(VerifiableEmail.of("jane@example.com", true))
                        .phone(VerifiablePhone.of("+447700900123", false))
                        .givenName(new Name("Jane"))
                        .familyName(new Name("Doe"))
                        .displayName(new Name("JD"))
                        .locale(new LanguageTag("en-GB"))
                        .build(),
                REGISTERED);
    }

    @Test
    void aRegisteredUserIsActiveAndKnowsWhenItLearntItsIdentity() {
        assertThat(jane().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(jane().identitySyncedAt()).contains(REGISTERED);
        User backfilled = User.register(new UserId("sub-2"), UserProfile.empty(), REGISTERED, LATER);
        assertThat(backfilled.registeredAt()).isEqualTo(REGISTERED);
        assertThat(backfilled.identitySyncedAt()).contains(LATER);
    }

    @Test
    void followingTheSameIdentityChangesNothing() {
        User user = jane();

        assertThat(user.follow(user.identity(), LATER)).isSameAs(user);
    }

    @Test
    void followingANewIdentityReplacesOnlyWhatCognitoOwns() {
        User user = jane();
        Identity changed = new Identity(
                Optional.of(VerifiableEmail.of("jane@new.example", true)),
                Optional.empty(),
                Optional.of(new IdentityProvider("Google")),
                UserStatus.DISABLED);

        User followed = user.follow(changed, LATER);

        assertThat(followed.identity()).isEqualTo(changed);
        assertThat(followed.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(followed.profile().givenName()).isEqualTo(user.profile().givenName());
        assertThat(followed.profile().familyName()).isEqualTo(user.profile().familyName());
        assertThat(followed.profile().displayName()).isEqualTo(user.profile().displayName());
        assertThat(followed.profile().locale()).isEqualTo(user.profile().locale());
        assertThat(followed.version()).isEqualTo(user.version() + 1);
        assertThat(followed.updatedAt()).contains(LATER);
        assertThat(followed.identitySyncedAt()).contains(LATER);
        assertThat(followed.registeredAt()).isEqualTo(REGISTERED);
    }

    @Test
    void aVerificationAloneIsAChange() {
        User user = jane();
        Identity unverified = new Identity(
                Optional.of(VerifiableEmail.of("jane@example.com", false)),
                user.profile().phone(),
                Optional.empty(),
                UserStatus.ACTIVE);

        assertThat(user.follow(unverified, LATER).version()).isEqualTo(2);
    }

    @Test
    void anEditKeepsTheIdentityAndWhenItWasLearnt() {
        User user = jane().follow(Identity.of(UserProfile.empty(), UserStatus.DISABLED), LATER);

        User edited = user.edit(
                new ProfilePatch(
                        FieldChange.set(new Name("Janet")), FieldChange.keep(), FieldChange.keep(), FieldChange.keep()),
                LATER.plusSeconds(60));

        assertThat(edited.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(edited.identitySyncedAt()).contains(LATER);
        assertThat(edited.identity()).isEqualTo(user.identity());
    }

    @Test
    void anErasureExpiresAfterItIsMade() {
        Erasure erasure = Erasure.of(new UserId("sub-1"), LATER, ErasureReason.DELETED_FROM_POOL, Duration.ofDays(30));

        assertThat(erasure.expiresAt()).isEqualTo(LATER.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> new Erasure(new UserId("s"), LATER, ErasureReason.DELETED_FROM_POOL, LATER))
                .hasMessage("expiresAt must be after erasedAt");
        assertThatThrownBy(() -> new Erasure(new UserId("s"), LATER, null, LATER.plusSeconds(1)))
                .hasMessage("erasureReason is required");
        assertThatThrownBy(() -> new Identity(Optional.empty(), Optional.empty(), Optional.empty(), null))
                .hasMessage("status is required");
    }
}
