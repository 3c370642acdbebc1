package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.userprofile.application.port.in.ErasureApproval;
import dev.userprofile.application.port.in.ReconcileBusyException;
import dev.userprofile.application.port.in.ReconcileFinding;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.testing.InMemoryReconcileProgressStore;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcilePoolServiceTest {

    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    private final InMemoryUserRepository store = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory(2);
    private final AtomicInteger turns = new AtomicInteger();
    private final InMemoryReconcileProgressStore progress = new InMemoryReconcileProgressStore();
    private final SyncUserService sync = new SyncUserService(
            pool, store, store, store, new RegisterUserService(store, CLOCK), CLOCK, Duration.ofDays(30));
    private final ReconcilePoolService service = service(sync, CLOCK);
    private final List<ReconcileFinding> findings = new ArrayList<>();

    private ReconcilePoolService service(SyncUserUseCase syncUser, Clock clock) {
        return new ReconcilePoolService(
                pool, pool, store, syncUser, turns::incrementAndGet, progress, clock, Duration.ofMinutes(16));
    }

    private Set<UserId> found(ReconcileFinding.Kind kind) {
        Set<UserId> ids = new HashSet<>();
        findings.stream().filter(f -> f.kind() == kind).forEach(f -> ids.add(f.userId()));
        return ids;
    }

    private static UserId id(int n) {
        return new UserId("sub-" + n);
    }

    private static UserProfile profile(String email) {
        return UserProfile.builder().email(VerifiableEmail.of(email, true)).build();
    }

    private void inPool(int n, String email) {
        pool.put(new DirectoryUser(id(n), profile(email), UserStatus.ACTIVE, true, JOINED));
    }

    private void stored(int n, String email) {
        store.store(User.register(id(n), profile(email), JOINED));
    }

    /** Users 1..count in both the pool and the store, alike. */
    private void inLine(int count) {
        for (int n = 1; n <= count; n++) {
            inPool(n, "u" + n + "@example.com");
            stored(n, "u" + n + "@example.com");
        }
    }

    private ReconcilePoolCommand repairAndErase(double share) {
        return new ReconcilePoolCommand(true, Optional.of(ErasureApproval.ALWAYS), share)
                .tellingFindingsTo(findings::add);
    }

    @Test
    void registersMissingUsersAndAppliesStaleIdentitiesPageByPage() throws InterruptedException {
        inLine(5);
        inPool(6, "new@example.com");
        pool.put(new DirectoryUser(id(2), profile("u2@example.com"), UserStatus.DISABLED, true, JOINED));
        inPool(3, "changed@example.com");
        pool.put(new DirectoryUser(id(7), profile("invited@example.com"), UserStatus.ACTIVE, false, JOINED));

        ReconcileReport report = service.reconcile(repairAndErase(0.1));

        assertThat(report.checked()).isEqualTo(7);
        assertThat(found(ReconcileFinding.Kind.MISSING)).containsExactly(id(6));
        assertThat(found(ReconcileFinding.Kind.STALE)).containsExactlyInAnyOrder(id(2), id(3));
        assertThat(report.orphaned()).isZero();
        assertThat(report.finished()).isTrue();
        assertThat(report.registered()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(2);
        assertThat(store.findById(id(6))).isPresent();
        assertThat(store.findById(id(7))).as("not eligible: no profile owed").isEmpty();
        assertThat(store.findById(id(2)).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(store.findById(id(3)).orElseThrow().profile().email())
                .contains(VerifiableEmail.of("changed@example.com", true));
        assertThat(pool.pages()).as("the probe's page, then 7 users, 2 a page").isEqualTo(1 + 4);
        assertThat(store.batchReads()).as("one batch read a page").isEqualTo(4);
        assertThat(turns.get()).as("every page and every re-read is paced").isEqualTo(1 + 4 + 3);
    }

    @Test
    void anOperatorIsToldTheRunsProgressAfterEveryPage() throws InterruptedException {
        inLine(5);
        inPool(6, "new@example.com");
        List<ReconcileReport> progress = new ArrayList<>();

        ReconcileReport report = service.reconcile(
                new ReconcilePoolCommand(false, Optional.empty(), 0.5).reportingProgressTo(progress::add));

        assertThat(progress)
                .as("after each of the listing's pages and the table's")
                .hasSizeGreaterThan(3);
        assertThat(progress).noneMatch(ReconcileReport::finished);
        assertThat(progress.stream().mapToInt(ReconcileReport::checked))
                .as("the users checked only grow")
                .isSorted();
        assertThat(progress.getFirst().checked()).isPositive().isLessThan(report.checked());
        assertThat(progress.getLast().checked()).isEqualTo(report.checked());
        assertThat(progress.getLast().missing()).isEqualTo(report.missing());
    }

    @Test
    void aReportOnlyRunWritesNothing() throws InterruptedException {
        inLine(3);
        inPool(4, "new@example.com");
        stored(9, "gone@example.com");
        int writes = store.writeAttempts();

        ReconcileReport report = service.reconcile(
                new ReconcilePoolCommand(false, Optional.empty(), 0.5).tellingFindingsTo(findings::add));

        assertThat(found(ReconcileFinding.Kind.MISSING)).containsExactly(id(4));
        assertThat(found(ReconcileFinding.Kind.ORPHANED)).containsExactly(id(9));
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.orphaned()).isEqualTo(1);
        assertThat(report.refused()).isEmpty();
        assertThat(store.writeAttempts()).isEqualTo(writes);
        assertThat(pool.reads()).isZero();
    }

    @Test
    void erasesOrphansAfterReadingEachFromThePoolOnceMore() throws InterruptedException {
        inLine(10);
        stored(11, "gone@example.com");
        List<Integer> asked = new ArrayList<>();

        ReconcileReport report = service.reconcile(new ReconcilePoolCommand(
                true,
                Optional.of(orphans -> {
                    asked.add(orphans);
                    return true;
                }),
                0.1));

        assertThat(asked).containsExactly(1);
        assertThat(report.erased()).isEqualTo(1);
        assertThat(store.lookUp(id(11))).isInstanceOf(UserLookup.Erased.class);
        assertThat(pool.reads()).isEqualTo(1);
    }

    @Test
    void anOrphanTheListingMissedButThePoolStillHasIsNeverErased() throws InterruptedException {
        inLine(10);
        pool.leaveOutOfListing(id(4));

        ReconcileReport report = service.reconcile(repairAndErase(0.5));

        assertThat(found(ReconcileFinding.Kind.ORPHANED)).containsExactly(id(4));
        assertThat(report.erased()).isZero();
        assertThat(store.findById(id(4))).isPresent();
    }

    @Test
    void aPoolThatListsNobodyIsRefusedAndNothingIsErased() throws InterruptedException {
        stored(1, "a@example.com");
        stored(2, "b@example.com");
        List<Integer> asked = new ArrayList<>();

        ReconcileReport report = service.reconcile(new ReconcilePoolCommand(
                true,
                Optional.of(orphans -> {
                    asked.add(orphans);
                    return true;
                }),
                1.0));

        assertThat(report.refused()).contains(ReconcileReport.Refusal.POOL_LISTS_NO_USERS);
        assertThat(asked).as("never even asked").isEmpty();
        assertThat(store.findById(id(1))).isPresent();
        assertThat(store.findById(id(2))).isPresent();
    }

    @Test
    void aStoreNoneOfWhoseUsersThePoolListsIsRefusedAndNothingAtAllIsWritten() throws InterruptedException {
        stored(1, "a@example.com");
        inPool(5, "other@example.com");
        int writes = store.writeAttempts();

        ReconcileReport report = service.reconcile(repairAndErase(1.0));

        assertThat(report.refused()).contains(ReconcileReport.Refusal.NO_STORED_PROFILE_IN_POOL);
        assertThat(pool.reads()).as("the stored profile looked for in the pool").isEqualTo(1);
        assertThat(report.registered())
                .as("another pool's users are never copied in")
                .isZero();
        assertThat(store.writeAttempts()).isEqualTo(writes);
        assertThat(store.findById(id(1))).isPresent();
        assertThat(store.findById(id(5))).isEmpty();
    }

    @Test
    void moreOrphansThanTheShareAreRefusedButRepairsGoOn() throws InterruptedException {
        inLine(10);
        inPool(11, "new@example.com");
        for (int n = 20; n < 25; n++) {
            stored(n, "gone" + n + "@example.com");
        }

        ReconcileReport report = service.reconcile(repairAndErase(0.1));

        assertThat(report.refused()).contains(ReconcileReport.Refusal.TOO_MANY_ORPHANS);
        assertThat(report.erased()).isZero();
        assertThat(report.registered()).isEqualTo(1);
        assertThat(store.findById(id(20))).isPresent();
        assertThat(ReconcilePoolService.tooMany(100, 10, 0.1)).isEmpty();
        assertThat(ReconcilePoolService.tooMany(100, 11, 0.1)).contains(ReconcileReport.Refusal.TOO_MANY_ORPHANS);
        assertThat(ReconcilePoolService.tooMany(4, 3, 0.0))
                .as("a few are always allowed")
                .isEmpty();
        assertThat(ReconcilePoolService.mismatch(0, 0, 0))
                .as("an empty store refuses nothing")
                .isEmpty();
    }

    @Test
    void anOrphanWhoseProfileLearntOfTheUserMomentsAgoIsLeftForTheNextRun() throws InterruptedException {
        inLine(10);
        store.store(User.register(
                id(11), profile("new@example.com"), JOINED, CLOCK.instant().minusSeconds(60)));

        ReconcileReport report = service.reconcile(repairAndErase(0.5));

        assertThat(found(ReconcileFinding.Kind.ORPHANED)).containsExactly(id(11));
        assertThat(report.erased()).isZero();
        assertThat(store.findById(id(11))).isPresent();
    }

    @Test
    void aUserWhoseOwnSyncFailsIsCountedAndTheRunGoesOn() throws InterruptedException {
        inLine(10);
        stored(11, "gone@example.com");
        store.store(User.register(new UserId("has\"quote"), profile("odd@example.com"), JOINED));
        ReconcilePoolService picky = service(
                command -> {
                    if (command.userId().value().contains("\"")) {
                        throw new IllegalArgumentException("not a Cognito sub");
                    }
                    return sync.sync(command);
                },
                CLOCK);

        ReconcileReport report = picky.reconcile(repairAndErase(0.5));

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.erased()).isEqualTo(1);
        assertThat(store.lookUp(id(11))).isInstanceOf(UserLookup.Erased.class);
    }

    @Test
    void anOperatorWhoSaysNoKeepsEveryProfile() throws InterruptedException {
        inLine(10);
        stored(11, "gone@example.com");

        ReconcileReport report = service.reconcile(new ReconcilePoolCommand(true, Optional.of(orphans -> false), 1.0));

        assertThat(report.orphaned()).isEqualTo(1);
        assertThat(report.erased()).isZero();
        assertThat(store.findById(id(11))).isPresent();
    }

    @Test
    void tombstonesAreNeitherOrphansNorProfiles() throws InterruptedException {
        inLine(3);
        inPool(4, "gone@example.com");
        stored(4, "gone@example.com");
        pool.delete(id(4));
        service.reconcile(repairAndErase(0.5));
        assertThat(store.lookUp(id(4))).isInstanceOf(UserLookup.Erased.class);

        ReconcileReport again = service.reconcile(repairAndErase(0.5));

        assertThat(again.orphaned()).isZero();
        assertThat(again.erased()).isZero();
        assertThat(again.checked()).isEqualTo(3);
    }

    @Test
    void aPoolThatCannotBeReadStopsTheRunAndErasesNothing() {
        inLine(3);
        stored(9, "gone@example.com");
        pool.unavailable(true);

        assertThatThrownBy(() -> service.reconcile(repairAndErase(1.0)))
                .isInstanceOf(UserPoolUnavailableException.class);
        assertThat(store.findById(id(9))).isPresent();
        assertThat(progress.held()).as("the next invocation may take the run").isFalse();
    }

    /** A clock an invocation's lease can run out on. */
    private static final class MovableClock extends Clock {
        private Instant now = CLOCK.instant();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aRunPausedAfterEveryPageEndsAsOneRunWouldHaveEnded() throws InterruptedException {
        inLine(12);
        inPool(13, "new@example.com");
        inPool(4, "changed@example.com");
        stored(20, "gone@example.com");
        store.pageSize(4);
        AtomicInteger pagesLeft = new AtomicInteger();
        ReconcilePoolCommand oneSliceAPage = repairAndErase(0.2).pausingWhen(() -> pagesLeft.getAndDecrement() <= 0);

        List<ReconcileReport> slices = new ArrayList<>();
        do {
            pagesLeft.set(1);
            slices.add(service.reconcile(oneSliceAPage));
        } while (!slices.getLast().finished());

        ReconcileReport last = slices.getLast();
        assertThat(slices).as("7 listing pages, 4 counting, 4 erasing").hasSizeGreaterThan(10);
        assertThat(slices.subList(0, slices.size() - 1)).noneMatch(ReconcileReport::finished);
        assertThat(last.checked()).isEqualTo(13);
        assertThat(last.missing()).isEqualTo(1);
        assertThat(last.stale()).isEqualTo(1);
        assertThat(last.orphaned()).isEqualTo(1);
        assertThat(last.registered()).isEqualTo(1);
        assertThat(last.updated()).isEqualTo(1);
        assertThat(last.erased()).isEqualTo(1);
        assertThat(store.lookUp(id(20))).isInstanceOf(UserLookup.Erased.class);
        assertThat(store.findById(id(5)))
                .as("no listed user is taken for an orphan")
                .isPresent();
        assertThat(progress.saves()).isEqualTo(slices.size() - 1);
        assertThat(progress.saved()).as("a finished run leaves nothing saved").isEmpty();
        assertThat(progress.lastListed()).isEqualTo(13);
        assertThat(found(ReconcileFinding.Kind.ORPHANED)).containsExactly(id(20));
    }

    @Test
    void aSecondInvocationLeavesARunAloneWhileTheFirstHoldsItAndTakesItOverOnceItsTimeIsOut()
            throws InterruptedException {
        inLine(4);
        MovableClock clock = new MovableClock();
        InMemoryReconcileProgressStore held = progress;
        held.claim(clock.instant(), clock.instant().plus(Duration.ofMinutes(16)));
        ReconcilePoolService second = service(sync, clock);

        assertThatThrownBy(() -> second.reconcile(repairAndErase(0.5))).isInstanceOf(ReconcileBusyException.class);
        assertThat(pool.pages())
                .as("nothing read while another invocation works")
                .isZero();

        clock.advance(Duration.ofMinutes(17));
        ReconcileReport report = second.reconcile(repairAndErase(0.5));

        assertThat(report.finished()).isTrue();
        assertThat(report.checked()).isEqualTo(4);
    }

    @Test
    void continuingWhenNoRunIsUnderWayStartsNone() throws InterruptedException {
        inLine(3);

        assertThat(service.continueRun(repairAndErase(0.5))).isEmpty();

        assertThat(pool.pages()).isZero();
        assertThat(progress.held()).isFalse();
    }

    @Test
    void continuingGoesOnWithASavedRun() throws InterruptedException {
        inLine(6);
        inPool(7, "new@example.com");
        ReconcileReport paused = service.reconcile(repairAndErase(0.5).pausingWhen(() -> pool.pages() >= 2));
        assertThat(paused.finished()).isFalse();

        ReconcileReport rest = service.continueRun(repairAndErase(0.5)).orElseThrow();

        assertThat(rest.finished()).isTrue();
        assertThat(rest.checked()).isEqualTo(7);
        assertThat(rest.registered()).isEqualTo(1);
    }

    @Test
    void anInvocationThatFailsMidRunLetsTheNextGoOnFromTheLastSave() throws InterruptedException {
        inLine(8);
        stored(30, "gone@example.com");
        ReconcileReport paused = service.reconcile(repairAndErase(0.5).pausingWhen(() -> pool.pages() >= 3));
        // The next invocation lists a page more, then the pool fails: that page is counted nowhere.
        assertThatThrownBy(() -> service.reconcile(repairAndErase(0.5).pausingWhen(() -> {
                    pool.unavailable(pool.pages() >= 4);
                    return false;
                })))
                .isInstanceOf(UserPoolUnavailableException.class);
        pool.unavailable(false);

        ReconcileReport done = service.reconcile(repairAndErase(0.5));

        assertThat(paused.checked()).isEqualTo(4);
        assertThat(done.checked())
                .as("the failed invocation's page is listed again, and counted once")
                .isEqualTo(8);
        assertThat(done.erased()).isEqualTo(1);
    }

    @Test
    void orphansThatAppearAfterTheCountAreErasedOnlyWithinTheShare() {
        inLine(20);
        for (int n = 30; n < 33; n++) {
            stored(n, "gone" + n + "@example.com");
        }
        store.pageSize(50);
        // Five more profiles whose users the pool lacks appear between the count and the erasure.
        ReconcilePoolCommand command = new ReconcilePoolCommand(
                true,
                Optional.of(orphans -> {
                    for (int n = 40; n < 45; n++) {
                        stored(n, "late" + n + "@example.com");
                    }
                    return true;
                }),
                0.1);

        ReconcileReport report = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> service.reconcile(command));

        assertThat(report.orphaned()).isEqualTo(3);
        assertThat(report.erased())
                .as("10% of 23 is 2, and three are always allowed: never eight")
                .isEqualTo(3);
        assertThat(store.stored(id(40))).containsInstanceOf(UserLookup.Found.class);
    }

    @Test
    void aPagePausedMidErasureKeepsItsCountSoTheShareHoldsAcrossInvocations() throws InterruptedException {
        inLine(40);
        for (int n = 50; n < 60; n++) {
            stored(n, "gone" + n + "@example.com");
        }
        store.pageSize(100);
        AtomicInteger readsAtStart = new AtomicInteger();
        // Time runs out after every second re-read: many invocations for the one erasing page. Five more orphans
        // appear once the ten are counted, so there are more candidates than the share allows.
        ReconcilePoolCommand slow = new ReconcilePoolCommand(
                        true,
                        Optional.of(orphans -> {
                            for (int n = 60; n < 65; n++) {
                                stored(n, "late" + n + "@example.com");
                            }
                            return true;
                        }),
                        0.2)
                .pausingWhen(() -> pool.reads() > readsAtStart.get() + 1);

        List<ReconcileReport> slices = new ArrayList<>();
        do {
            readsAtStart.set(pool.reads());
            slices.add(service.reconcile(slow));
        } while (!slices.getLast().finished() && slices.size() < 50);

        assertThat(slices.getLast().finished()).isTrue();
        assertThat(slices).as("paused inside the erasing page").hasSizeGreaterThan(3);
        assertThat(slices.getLast().erased())
                .as("20% of 50 stored: never more, whatever the pauses")
                .isEqualTo(10);
        assertThat(slices.getLast().orphaned()).isEqualTo(10);
    }

    @Test
    void aReportOnlyRunOverAPoolAndAStoreThatDoNotGoTogetherEnds() {
        stored(1, "a@example.com");
        stored(2, "b@example.com");
        inPool(7, "other@example.com");

        ReconcileReport report = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> service.reconcile(
                        new ReconcilePoolCommand(false, Optional.empty(), 0.5).tellingFindingsTo(findings::add)));

        assertThat(report.finished()).isTrue();
        assertThat(report.orphaned()).isEqualTo(2);
        assertThat(found(ReconcileFinding.Kind.ORPHANED)).containsExactlyInAnyOrder(id(1), id(2));
        assertThat(findings).as("each once").hasSize(3);
    }

    @Test
    void aListedUserThePoolMissesOnItsReReadIsNeverErasedByARepair() throws InterruptedException {
        inLine(5);
        inPool(6, "new@example.com");
        inPool(3, "changed@example.com");
        pool.missOnLookUp(id(6));
        pool.missOnLookUp(id(3));

        ReconcileReport report = service.reconcile(repairAndErase(0.5));

        assertThat(store.stored(id(6))).as("missing, and still no tombstone").isEmpty();
        assertThat(store.stored(id(3))).containsInstanceOf(UserLookup.Found.class);
        assertThat(report.erased()).isZero();
    }

    @Test
    void aRunThatCannotGoOnForAWeekIsDroppedAndAFreshOneStarts() throws InterruptedException {
        inLine(6);
        MovableClock clock = new MovableClock();
        ReconcilePoolService weekly = service(sync, clock);
        weekly.reconcile(repairAndErase(0.5).pausingWhen(() -> pool.pages() >= 2));
        assertThat(progress.saved()).isPresent();

        clock.advance(Duration.ofDays(8));
        ReconcileReport fresh = weekly.reconcile(repairAndErase(0.5));

        assertThat(fresh.finished()).isTrue();
        assertThat(fresh.checked())
                .as("counted from a new start, not on top of the old run")
                .isEqualTo(6);
        assertThat(progress.saved()).isEmpty();
    }

    @Test
    void aPoolThatRefusesWhereTheRunStandsDropsTheRunSoTheNextStartsAfresh() throws InterruptedException {
        inLine(6);
        service.reconcile(repairAndErase(0.5).pausingWhen(() -> pool.pages() >= 2));
        pool.refusing(true);

        assertThatThrownBy(() -> service.reconcile(repairAndErase(0.5)))
                .isInstanceOf(UserPoolUnavailableException.class);

        pool.refusing(false);
        assertThat(progress.saved()).isEmpty();
        assertThat(service.continueRun(repairAndErase(0.5)))
                .as("nothing left to go on with")
                .isEmpty();
    }

    @Test
    void theProbeAcceptsAPoolWhoseFirstPageHasProfilesEvenWhenItsSampleIsAllOrphans() throws InterruptedException {
        // Sorted first, so the probe samples them: orphans, the drift the reconcile is there to fix.
        for (int n = 0; n < 5; n++) {
            store.store(User.register(new UserId("a-orphan-" + n), profile("o" + n + "@example.com"), JOINED));
        }
        inLine(10);

        ReconcileReport report = service.reconcile(repairAndErase(1.0));

        assertThat(report.refused()).isEmpty();
        assertThat(report.erased()).isEqualTo(5);
    }

    @Test
    void aListingPageLargerThanTheStoresBatchIsReadInSeveralBatches() throws InterruptedException {
        InMemoryUserDirectory onePage = new InMemoryUserDirectory(250);
        for (int n = 1; n <= 230; n++) {
            onePage.put(new DirectoryUser(id(n), profile("u" + n + "@example.com"), UserStatus.ACTIVE, true, JOINED));
            stored(n, "u" + n + "@example.com");
        }
        ReconcilePoolService service = new ReconcilePoolService(
                onePage, onePage, store, sync, () -> {}, progress, CLOCK, Duration.ofMinutes(16));

        ReconcileReport report = service.reconcile(repairAndErase(0.5));

        assertThat(report.checked()).isEqualTo(230);
        assertThat(report.missing()).isZero();
        assertThat(store.batchReads()).isEqualTo(3);
    }

    @Test
    void theNextRunSizesItsFilterFromTheLastOne() throws InterruptedException {
        inLine(5);

        service.reconcile(repairAndErase(0.5));

        assertThat(progress.lastListed()).isEqualTo(5);
    }
}
