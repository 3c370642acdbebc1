package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.application.port.in.CallerProfile;
import dev.userprofile.application.port.in.ProfileUpdateResult;
import dev.userprofile.application.port.in.UpdateProfileCommand;
import dev.userprofile.application.port.in.VersionCondition;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.FieldChange;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UpdateProfileServiceTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00.123456Z");
    private static final UserId ANN = new UserId("sub-ann");
    private static final ProfilePatch RENAME = new ProfilePatch(
            FieldChange.set(new Name("Annie")),
            FieldChange.keep(),
            FieldChange.keep(),
            FieldChange.set(new LanguageTag("fr")));

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();
    private final SyncUserService sync = new SyncUserService(
            pool, users, users, users, new RegisterUserService(users, CLOCK), CLOCK, Duration.ofDays(30));
    private final UpdateProfileService service = new UpdateProfileService(users, users, sync, CLOCK);

    private static VersionCondition oneOf(long... versions) {
        return new VersionCondition.OneOf(Arrays.stream(versions).boxed().collect(Collectors.toSet()));
    }

    private void registerAnn() {
        users.addIfAbsent(User.register(
                ANN, UserProfile.builder().givenName(new Name("Ann")).build(), REGISTERED));
    }

    @Test
    void appliesThePatchAtTheClocksTimeAndStoresTheNextVersion() {
        registerAnn();

        ProfileUpdateResult result = service.update(new UpdateProfileCommand(ANN, RENAME));

        User stored = users.findById(ANN).orElseThrow();
        assertThat(result).isEqualTo(new ProfileUpdateResult.Updated(stored));
        assertThat(stored.profile().givenName()).contains(new Name("Annie"));
        assertThat(stored.profile().locale()).contains(new LanguageTag("fr"));
        assertThat(stored.updatedAt()).contains(Instant.parse("2026-11-30T10:00:00.123Z"));
        assertThat(stored.version()).isEqualTo(2);
        assertThat(new GetProfileService(users, sync).getProfile(ANN)).isEqualTo(new CallerProfile.Active(stored));
    }

    @Test
    void aMatchingExpectedVersionChangesAndAStaleOneChangesNothing() {
        registerAnn();

        assertThat(service.update(new UpdateProfileCommand(ANN, RENAME, oneOf(7, 8))))
                .isEqualTo(new ProfileUpdateResult.VersionMismatch(1));
        assertThat(users.findById(ANN).orElseThrow().version()).isEqualTo(1);
        assertThat(service.update(new UpdateProfileCommand(ANN, RENAME, oneOf(1))))
                .isInstanceOf(ProfileUpdateResult.Updated.class);
    }

    @Test
    void anEmptyPatchWritesNothing() {
        registerAnn();
        User before = users.findById(ANN).orElseThrow();

        assertThat(service.update(new UpdateProfileCommand(ANN, ProfilePatch.NONE)))
                .isEqualTo(new ProfileUpdateResult.Unchanged(before));
        assertThat(users.findById(ANN)).contains(before);
    }

    @Test
    void aCallerThePoolDoesNotHaveIsNotFoundAndNeverCreated() {
        assertThat(service.update(new UpdateProfileCommand(ANN, RENAME))).isEqualTo(new ProfileUpdateResult.NotFound());
        assertThat(users.exists(ANN)).isFalse();
        assertThat(pool.reads()).as("the pool was asked").isEqualTo(1);
    }

    @Test
    void aCallerWithoutAProfileWhomThePoolHasIsRegisteredThenChanged() {
        pool.put(new DirectoryUser(
                ANN, UserProfile.builder().givenName(new Name("Ann")).build(), UserStatus.ACTIVE, true, REGISTERED));

        ProfileUpdateResult result = service.update(new UpdateProfileCommand(ANN, RENAME));

        User stored = users.findById(ANN).orElseThrow();
        assertThat(result).isEqualTo(new ProfileUpdateResult.Updated(stored));
        assertThat(stored.registeredAt()).isEqualTo(REGISTERED);
        assertThat(stored.profile().givenName()).contains(new Name("Annie"));
    }

    @Test
    void aDisabledOrDeletedAccountIsNeverChanged() {
        registerAnn();
        User ann = users.findById(ANN).orElseThrow();
        User disabled = ann.follow(Identity.of(ann.profile(), UserStatus.DISABLED), NOW);
        users.store(disabled);

        assertThat(service.update(new UpdateProfileCommand(ANN, RENAME))).isEqualTo(new ProfileUpdateResult.Disabled());
        assertThat(users.findById(ANN)).contains(disabled);

        users.erase(Erasure.of(ANN, NOW, ErasureReason.DELETED_FROM_POOL, Duration.ofDays(1)));
        assertThat(service.update(new UpdateProfileCommand(ANN, RENAME))).isEqualTo(new ProfileUpdateResult.Deleted());
        assertThat(pool.reads())
                .as("an erased caller is never looked up to be registered")
                .isZero();
    }

    @Test
    void aConditionalChangeReadsTheProfileOnce() {
        registerAnn();
        int before = users.lookups();

        assertThat(service.update(new UpdateProfileCommand(ANN, RENAME, oneOf(3, 1))))
                .isInstanceOf(ProfileUpdateResult.Updated.class);
        assertThat(users.lookups() - before).isEqualTo(1);
        assertThat(service.update(new UpdateProfileCommand(ANN, ProfilePatch.NONE, new VersionCondition.Exists())))
                .isInstanceOf(ProfileUpdateResult.Unchanged.class);
    }

    @Test
    void withoutAnExpectedVersionALostRaceIsRetriedOnTheFreshProfile() {
        registerAnn();
        AtomicInteger races = new AtomicInteger();
        UserUpdater racing = (updated, expectedVersion) -> {
            if (races.getAndIncrement() == 0) {
                // Someone else's change lands between this change's read and its write.
                User other = users.findById(ANN)
                        .orElseThrow()
                        .edit(
                                new ProfilePatch(
                                        FieldChange.keep(),
                                        FieldChange.set(new Name("Other")),
                                        FieldChange.keep(),
                                        FieldChange.keep()),
                                NOW);
                users.replace(other, expectedVersion);
            }
            return users.replace(updated, expectedVersion);
        };

        ProfileUpdateResult result =
                new UpdateProfileService(users, racing, sync, CLOCK).update(new UpdateProfileCommand(ANN, RENAME));

        User stored = users.findById(ANN).orElseThrow();
        assertThat(result).isEqualTo(new ProfileUpdateResult.Updated(stored));
        assertThat(stored.profile().familyName()).as("the other change is kept").contains(new Name("Other"));
        assertThat(stored.profile().givenName()).contains(new Name("Annie"));
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void withAnExpectedVersionALostRaceIsAMismatchAndNothingOfThisChangeIsWritten() {
        registerAnn();
        UserUpdater racing = (updated, expectedVersion) -> {
            User other = users.findById(ANN)
                    .orElseThrow()
                    .edit(
                            new ProfilePatch(
                                    FieldChange.keep(),
                                    FieldChange.set(new Name("Other")),
                                    FieldChange.keep(),
                                    FieldChange.keep()),
                            NOW);
            users.replace(other, expectedVersion);
            return users.replace(updated, expectedVersion);
        };

        ProfileUpdateResult result = new UpdateProfileService(users, racing, sync, CLOCK)
                .update(new UpdateProfileCommand(ANN, RENAME, oneOf(1)));

        assertThat(result).isEqualTo(new ProfileUpdateResult.VersionMismatch(2));
        assertThat(users.findById(ANN).orElseThrow().profile().givenName()).contains(new Name("Ann"));
    }
}
