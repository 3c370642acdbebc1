package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.BackfillCommand;
import dev.userprofile.application.port.in.BackfillReport;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BackfillPoolServiceTest {

    private static final Instant JOINED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    private final InMemoryUserRepository store = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory(2);
    private final AtomicInteger turns = new AtomicInteger();
    private final BackfillPoolService service = new BackfillPoolService(
            pool,
            new RegisterUserService(store, CLOCK),
            new SyncUserService(
                    pool, store, store, store, new RegisterUserService(store, CLOCK), CLOCK, Duration.ofDays(30)),
            store,
            turns::incrementAndGet,
            CLOCK);

    private static UserId id(int n) {
        return new UserId("sub-" + n);
    }

    private static UserProfile profile(String email) {
        return UserProfile.builder().email(VerifiableEmail.of(email, true)).build();
    }

    private void inPool(int n, UserStatus status, boolean eligible) {
        pool.put(new DirectoryUser(id(n), profile("u" + n + "@example.com"), status, eligible, JOINED));
    }

    private void inPool(int n) {
        inPool(n, UserStatus.ACTIVE, true);
    }

    private static BackfillCommand command(boolean dryRun, Optional<String> from, Consumer<BackfillReport> after) {
        return new BackfillCommand(dryRun, from, () -> false, after);
    }

    private static BackfillCommand everything() {
        return command(false, Optional.empty(), report -> {});
    }

    @Test
    void registersEligibleUsersWithoutAProfileDatedWhenTheyJoined() throws InterruptedException {
        for (int n = 1; n <= 4; n++) {
            inPool(n);
        }
        inPool(5, UserStatus.ACTIVE, false);
        User existing = User.register(id(2), profile("kept@example.com"), CLOCK.instant());
        store.store(existing);

        BackfillReport report = service.backfill(everything());

        assertThat(report.seen()).isEqualTo(5);
        assertThat(report.registered()).isEqualTo(3);
        assertThat(report.alreadyThere()).isEqualTo(1);
        assertThat(report.skipped()).as("not eligible: owed no profile").isEqualTo(1);
        assertThat(report.failures()).isEmpty();
        assertThat(report.interrupted()).isFalse();
        assertThat(report.resumeFrom()).isEmpty();
        assertThat(store.findById(id(1)).orElseThrow().registeredAt()).isEqualTo(JOINED);
        assertThat(store.findById(id(2)))
                .as("an existing profile is never changed")
                .contains(existing);
        assertThat(store.findById(id(5))).isEmpty();
        assertThat(turns.get()).as("5 users, 2 a page: every page is paced").isEqualTo(3);
    }

    @Test
    void aDisabledUserIsRegisteredWithTheStatusInOneSync() throws InterruptedException {
        inPool(1, UserStatus.DISABLED, true);

        BackfillReport report = service.backfill(everything());

        assertThat(report.registered()).isEqualTo(1);
        assertThat(store.findById(id(1)).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(pool.reads()).as("the disabled user's own read").isEqualTo(1);
        assertThat(turns.get()).as("one page and the read, both paced").isEqualTo(2);
    }

    @Test
    void anErasedUserIsNeverRegisteredAgain() throws InterruptedException {
        inPool(1);
        Erasure erasure = Erasure.of(id(1), CLOCK.instant(), ErasureReason.DELETED_FROM_POOL, Duration.ofDays(30));
        store.erase(erasure);

        BackfillReport report = service.backfill(everything());

        assertThat(report.registered()).isZero();
        assertThat(report.alreadyThere()).isEqualTo(1);
        assertThat(store.stored(id(1))).containsInstanceOf(UserLookup.Erased.class);
    }

    @Test
    void aDryRunCountsAndWritesNothing() throws InterruptedException {
        inPool(1);
        inPool(2);
        store.store(User.register(id(2), profile("u2@example.com"), JOINED));
        int writes = store.writeAttempts();

        BackfillReport report = service.backfill(command(true, Optional.empty(), r -> {}));

        assertThat(report.registered()).isEqualTo(1);
        assertThat(report.alreadyThere()).isEqualTo(1);
        assertThat(store.writeAttempts()).isEqualTo(writes);
        assertThat(store.findById(id(1))).isEmpty();
    }

    @Test
    void aStoppedRunSaysWhereToResumeAndTheResumedRunFinishesTheJob() throws InterruptedException {
        for (int n = 1; n <= 6; n++) {
            inPool(n);
        }
        List<BackfillReport> progress = new ArrayList<>();
        // Stop once the first page is done and the second has begun.
        BackfillReport first = service.backfill(new BackfillCommand(
                false, Optional.empty(), () -> !progress.isEmpty() && store.size() >= 3, progress::add));

        assertThat(first.interrupted()).isTrue();
        assertThat(first.resumeFrom())
                .as("the page being worked on, not the one after it")
                .contains("2");
        assertThat(first.registered()).isEqualTo(3);

        BackfillReport rest = service.backfill(command(false, first.resumeFrom(), r -> {}));

        assertThat(rest.interrupted()).isFalse();
        assertThat(rest.registered()).isEqualTo(3);
        assertThat(rest.alreadyThere()).as("the repeated part of the page").isEqualTo(1);
        assertThat(store.size()).isEqualTo(6);
    }

    @Test
    void reportsProgressAfterEachPage() throws InterruptedException {
        for (int n = 1; n <= 5; n++) {
            inPool(n);
        }
        List<BackfillReport> progress = new ArrayList<>();

        service.backfill(command(false, Optional.empty(), progress::add));

        assertThat(progress).extracting(BackfillReport::seen).containsExactly(2L, 4L, 5L);
        assertThat(progress)
                .extracting(BackfillReport::resumeFrom)
                .containsExactly(Optional.of("2"), Optional.of("4"), Optional.empty());
    }

    @Test
    void aPassingOutageEndsTheRunWithWhereToResume() throws InterruptedException {
        for (int n = 1; n <= 5; n++) {
            inPool(n);
        }

        BackfillReport report = service.backfill(command(false, Optional.empty(), r -> pool.unavailable(true)));

        assertThat(report.interrupted()).isTrue();
        assertThat(report.resumeFrom()).contains("2");
        assertThat(report.stoppedBy()).contains("the fake pool is down");
        assertThat(report.registered()).isEqualTo(2);
    }

    @Test
    void aFailureThatResumingCannotCureIsThrown() {
        inPool(1);
        pool.refusing(true);

        assertThatThrownBy(() -> service.backfill(everything()))
                .isInstanceOf(UserPoolUnavailableException.class)
                .hasMessageContaining("denies access");
    }

    @Test
    void aFailedRegistrationIsCountedAndTheRunGoesOn() throws InterruptedException {
        for (int n = 1; n <= 3; n++) {
            inPool(n);
        }
        store.beforeEachWrite(id -> {
            if (id.equals(id(2))) {
                throw new UserStoreUnavailableException("table profiles: throttled", null);
            }
        });

        BackfillReport report = service.backfill(everything());

        assertThat(report.failures()).containsExactly(new BackfillReport.Failure(id(2), "table profiles: throttled"));
        assertThat(report.registered()).isEqualTo(2);
        assertThat(store.findById(id(3))).isPresent();
    }

    @Test
    void anOutageOnADisabledUsersReadEndsTheRunWithThePageToResumeFrom() throws InterruptedException {
        inPool(1);
        inPool(2);
        inPool(3, UserStatus.DISABLED, true);
        pool.lookUpsDown(true);

        BackfillReport report = service.backfill(everything());

        assertThat(report.interrupted()).isTrue();
        assertThat(report.resumeFrom()).as("the page of the disabled user").contains("2");
        assertThat(report.stoppedBy())
                .hasValueSatisfying(cause -> assertThat(cause).contains("lookups are down"));
        assertThat(store.findById(id(3))).isEmpty();
    }

    @Test
    void aDisabledUserThePoolMissesOnItsReadIsNeitherRegisteredNorErased() throws InterruptedException {
        inPool(1, UserStatus.DISABLED, true);
        pool.missOnLookUp(id(1));

        BackfillReport report = service.backfill(everything());

        assertThat(report.registered()).isZero();
        assertThat(store.stored(id(1)))
                .as("no tombstone for a user the listing showed")
                .isEmpty();
    }
}
