package dev.userprofile.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.application.port.out.InventoryPage;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserRegistrar.AddResult;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.FieldChange;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store behind the four user ports must do, seen through all of them at once. The fake and each real
 * adapter extend this, so the fake used in use-case tests cannot drift from the real thing.
 *
 * @param <R> the store under test
 */
public abstract class UserRepositoryContract<
        R extends UserLoader & UserRegistrar & UserUpdater & UserEraser & UserInventory> {

    protected abstract R repository();

    protected static User fullUser(String sub) {
        UserProfile profile = UserProfile.builder()
                .email(VerifiableEmail.of("Jane.Doe@Example.com", true))
                .phone(VerifiablePhone.of("+447700900123", false))
                .givenName(new Name("Jane"))
                .familyName(new Name("Doe"))
                .displayName(new Name("Jane Q. Doe \uD83D\uDE00"))
                .locale(new LanguageTag("en-GB"))
                .identityProvider(new IdentityProvider("Google"))
                .build();
        return User.register(new UserId(sub), profile, Instant.parse("2026-11-27T10:15:30.123456789Z"));
    }

    protected static User minimalUser(String sub) {
        return User.register(new UserId(sub), UserProfile.empty(), Instant.parse("2026-11-27T10:15:30Z"));
    }

    private static String newSub() {
        return UUID.randomUUID().toString();
    }

    private static final Instant ERASED_AT = Instant.parse("2026-12-01T08:00:00.123Z");

    private static Erasure erasureOf(UserId id) {
        return Erasure.of(id, ERASED_AT, ErasureReason.DELETED_FROM_POOL, Duration.ofDays(30));
    }

    @Test
    void pagesThroughEveryStoredUserOnceLeavingTombstonesOut() {
        String prefix = "page-" + newSub() + "-";
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 7; i++) {
            repository().addIfAbsent(minimalUser(prefix + i));
            expected.add(prefix + i);
        }
        repository().erase(erasureOf(new UserId(prefix + 3)));
        expected.remove(prefix + 3);

        List<String> seen = new ArrayList<>();
        Optional<String> from = Optional.empty();
        do {
            InventoryPage page = repository().page(from);
            page.users().stream()
                    .map(u -> u.id().value())
                    .filter(id -> id.startsWith(prefix))
                    .forEach(seen::add);
            from = page.next();
        } while (from.isPresent());

        assertThat(seen).as("each once").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(seen)).isEqualTo(expected);
    }

    @Test
    void looksUpManyAtOnceWithAnAnswerForEach() {
        User stored = fullUser(newSub());
        repository().addIfAbsent(stored);
        UserId erased = new UserId(newSub());
        repository().erase(erasureOf(erased));
        UserId absent = new UserId(newSub());

        Map<UserId, UserLookup> found = repository().lookUpAll(Set.of(stored.id(), erased, absent));

        assertThat(found).hasSize(3);
        assertThat(found.get(stored.id())).isEqualTo(new UserLookup.Found(stored));
        assertThat(found.get(erased)).isInstanceOf(UserLookup.Erased.class);
        assertThat(found.get(absent)).isInstanceOf(UserLookup.Absent.class);
    }

    @Test
    void aUserFollowingTheirIdentityIsStoredWithStatusAndWhenItWasLearnt() {
        User user = fullUser(newSub());
        repository().addIfAbsent(user);
        User disabled = user.follow(
                new Identity(
                        Optional.of(VerifiableEmail.of("new@example.com", false)),
                        Optional.empty(),
                        user.profile().identityProvider(),
                        UserStatus.DISABLED),
                Instant.parse("2026-12-01T09:00:00.456Z"));

        assertThat(repository().replace(disabled, user.version())).isEqualTo(UserUpdater.ReplaceResult.REPLACED);

        assertThat(repository().findById(user.id())).contains(disabled);
        assertThat(repository().lookUp(user.id())).isEqualTo(new UserLookup.Found(disabled));
    }

    @Test
    void erasingAProfileLeavesOnlyItsTombstone() {
        User user = fullUser(newSub());
        repository().addIfAbsent(user);

        assertThat(repository().erase(erasureOf(user.id()))).isEqualTo(UserEraser.EraseResult.ERASED);

        assertThat(repository().lookUp(user.id())).isEqualTo(new UserLookup.Erased(erasureOf(user.id())));
        assertThat(repository().findById(user.id())).isEmpty();
        assertThat(repository().exists(user.id()))
                .as("a tombstone is something a registration must leave")
                .isTrue();
    }

    @Test
    void anErasedUserIsNeverRegisteredAgain() {
        User user = fullUser(newSub());
        repository().erase(erasureOf(user.id()));

        assertThat(repository().addIfAbsent(user)).isEqualTo(AddResult.ALREADY_PRESENT);

        assertThat(repository().lookUp(user.id())).isInstanceOf(UserLookup.Erased.class);
    }

    @Test
    void aChangeNeverWritesOverAnErasure() {
        User user = fullUser(newSub());
        repository().addIfAbsent(user);
        repository().erase(erasureOf(user.id()));
        User edited = user.edit(
                new ProfilePatch(
                        FieldChange.set(new Name("Back")), FieldChange.keep(), FieldChange.keep(), FieldChange.keep()),
                Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(repository().replace(edited, user.version())).isEqualTo(UserUpdater.ReplaceResult.NOT_FOUND);
        assertThat(repository().replace(edited, 0))
                .as("nor a change to a profile from before versions")
                .isEqualTo(UserUpdater.ReplaceResult.NOT_FOUND);
        assertThat(repository().lookUp(user.id())).isInstanceOf(UserLookup.Erased.class);
    }

    @Test
    void erasingTwiceKeepsTheFirstTombstone() {
        UserId id = new UserId(newSub());
        repository().erase(erasureOf(id));

        Erasure later =
                Erasure.of(id, ERASED_AT.plusSeconds(3600), ErasureReason.DELETED_FROM_POOL, Duration.ofDays(1));
        assertThat(repository().erase(later)).isEqualTo(UserEraser.EraseResult.ALREADY_ERASED);

        assertThat(repository().lookUp(id)).isEqualTo(new UserLookup.Erased(erasureOf(id)));
    }

    @Test
    void erasingAUserWithNoProfileStillLeavesATombstone() {
        UserId id = new UserId(newSub());

        assertThat(repository().erase(erasureOf(id))).isEqualTo(UserEraser.EraseResult.ERASED);

        assertThat(repository().lookUp(id)).isEqualTo(new UserLookup.Erased(erasureOf(id)));
    }

    @Test
    void looksUpNothingForAnUnknownId() {
        assertThat(repository().lookUp(new UserId(newSub()))).isEqualTo(new UserLookup.Absent());
    }

    @Test
    void registrationStoresTheFirstVersion() {
        User user = fullUser(newSub());
        repository().addIfAbsent(user);

        assertThat(repository().findById(user.id()).orElseThrow().version()).isEqualTo(User.FIRST_VERSION);
    }

    @Test
    void aChangeReplacesTheUserOnlyAtTheExpectedVersion() {
        User user = fullUser(newSub());
        repository().addIfAbsent(user);
        User edited = user.edit(
                new ProfilePatch(
                        FieldChange.set(new Name("Janet")),
                        FieldChange.remove(),
                        FieldChange.keep(),
                        FieldChange.keep()),
                Instant.parse("2026-11-30T10:00:00.123Z"));

        assertThat(repository().replace(edited, user.version() + 5))
                .isEqualTo(UserUpdater.ReplaceResult.VERSION_CONFLICT);
        assertThat(repository().findById(user.id())).contains(user);

        assertThat(repository().replace(edited, user.version())).isEqualTo(UserUpdater.ReplaceResult.REPLACED);
        assertThat(repository().findById(user.id())).contains(edited);
        assertThat(repository().replace(edited, user.version()))
                .as("the old version is gone")
                .isEqualTo(UserUpdater.ReplaceResult.VERSION_CONFLICT);
    }

    @Test
    void aChangeNeverCreatesAUser() {
        User nobody = minimalUser(newSub());

        assertThat(repository()
                        .replace(
                                nobody.edit(
                                        new ProfilePatch(
                                                FieldChange.set(new Name("X")),
                                                FieldChange.keep(),
                                                FieldChange.keep(),
                                                FieldChange.keep()),
                                        Instant.parse("2026-11-30T10:00:00Z")),
                                1))
                .isEqualTo(UserUpdater.ReplaceResult.NOT_FOUND);
        assertThat(repository().exists(nobody.id())).isFalse();
    }

    @Test
    void ofConcurrentChangesAtOneVersionExactlyOneWins() throws Exception {
        User user = minimalUser(newSub());
        repository().addIfAbsent(user);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserUpdater.ReplaceResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                User edited = user.edit(
                        new ProfilePatch(
                                FieldChange.set(new Name("Writer " + i)),
                                FieldChange.keep(),
                                FieldChange.keep(),
                                FieldChange.keep()),
                        Instant.parse("2026-11-30T10:00:00Z"));
                results.add(pool.submit(() -> {
                    start.await();
                    return repository().replace(edited, user.version());
                }));
            }
            start.countDown();
            int replaced = 0;
            for (Future<UserUpdater.ReplaceResult> result : results) {
                replaced += result.get() == UserUpdater.ReplaceResult.REPLACED ? 1 : 0;
            }
            assertThat(replaced).isEqualTo(1);
        }
        assertThat(repository().findById(user.id()).orElseThrow().version()).isEqualTo(user.version() + 1);
    }

    @Test
    void knowsWhichUsersExist() {
        User user = minimalUser(newSub());
        assertThat(repository().exists(user.id())).isFalse();

        repository().addIfAbsent(user);

        assertThat(repository().exists(user.id())).isTrue();
        assertThat(repository().exists(new UserId(newSub()))).isFalse();
    }

    @Test
    void addsANewUserAndFindsItWithEveryField() {
        User user = fullUser(newSub());

        assertThat(repository().addIfAbsent(user)).isEqualTo(AddResult.ADDED);

        assertThat(repository().findById(user.id())).contains(user);
    }

    @Test
    void storesAUserWithNoOptionalParts() {
        User user = minimalUser(newSub());

        assertThat(repository().addIfAbsent(user)).isEqualTo(AddResult.ADDED);

        assertThat(repository().findById(user.id())).contains(user);
    }

    @Test
    void neverOverwritesAStoredUser() {
        String sub = newSub();
        User first = fullUser(sub);
        User second = minimalUser(sub);

        assertThat(repository().addIfAbsent(first)).isEqualTo(AddResult.ADDED);
        assertThat(repository().addIfAbsent(second)).isEqualTo(AddResult.ALREADY_PRESENT);

        assertThat(repository().findById(first.id())).contains(first);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(repository().findById(new UserId(newSub()))).isEmpty();
    }

    @Test
    void concurrentAddsOfOneUserStoreItOnce() throws Exception {
        String sub = newSub();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AddResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                User attempt = i == 0 ? fullUser(sub) : minimalUser(sub);
                results.add(pool.submit(() -> {
                    start.await();
                    return repository().addIfAbsent(attempt);
                }));
            }
            start.countDown();
            List<AddResult> outcomes = new ArrayList<>();
            for (Future<AddResult> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes)
                    .containsOnlyOnce(AddResult.ADDED)
                    .filteredOn(AddResult.ALREADY_PRESENT::equals)
                    .hasSize(callers - 1);
        }
        assertThat(repository().findById(new UserId(sub))).isPresent();
    }
}
