package dev.userprofile.application.service;

import dev.userprofile.application.port.in.ReconcileBusyException;
import dev.userprofile.application.port.in.ReconcileFinding;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.CallPacer;
import dev.userprofile.application.port.out.DirectoryPage;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.InventoryPage;
import dev.userprofile.application.port.out.ListedUsers;
import dev.userprofile.application.port.out.ReconcileProgress;
import dev.userprofile.application.port.out.ReconcileProgress.Phase;
import dev.userprofile.application.port.out.ReconcileProgressStore;
import dev.userprofile.application.port.out.ReconcileTally;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.port.out.UserDirectoryListing;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole-pool reconcile in three phases, each resumable page by page (ADR 0021). <b>Listing</b>: the pool's pages,
 * paced, each compared with the store by one batch read; missing and stale users are repaired at once, and every
 * listed user goes into a {@link ListedUsers} filter. <b>Counting</b>: the store's pages; a profile the filter does
 * not know is an orphan. The guard then decides, and the command's approval is asked. <b>Erasing</b>: the store's
 * pages again, each orphan erased through {@link SyncUserUseCase}, which reads the user from the pool once more
 * first, so a user the listing missed is never erased on its word.
 *
 * <p>Before the first write, a probe refuses a pool and a store that do not go together: a pool that lists nobody
 * while the store holds profiles, or none of a sample of stored profiles found in the pool. A run pauses between
 * pages when the command says time is up, saves its progress and lets a later invocation go on; one invocation at a
 * time holds the run. A user whose own sync fails is counted and the run goes on; the pool or the store failing
 * ends the invocation, and the next one goes on from the last save.
 */
public final class ReconcilePoolService implements ReconcilePoolUseCase {

    /** The few orphans a small store may always lose in one run, whatever the share. */
    static final int ALWAYS_ERASABLE = 3;
    /** Stored profiles the probe looks for in the pool before the first write. */
    static final int PROBE_SAMPLE = 5;
    /** A saved run older than this is dropped: one that cannot go on must not hold the reconcile for ever. */
    static final Duration LONGEST_RUN = Duration.ofDays(7);

    private final UserDirectoryListing listing;
    private final UserDirectory directory;
    private final UserInventory store;
    private final SyncUserUseCase syncUser;
    private final CallPacer pacer;
    private final ReconcileProgressStore progress;
    private final Clock clock;
    private final Duration longestInvocation;

    /**
     * @param longestInvocation how long one invocation may hold the run: past it, another may take the run over
     */
    public ReconcilePoolService(
            UserDirectoryListing listing,
            UserDirectory directory,
            UserInventory store,
            SyncUserUseCase syncUser,
            CallPacer pacer,
            ReconcileProgressStore progress,
            Clock clock,
            Duration longestInvocation) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.syncUser = Objects.requireNonNull(syncUser, "syncUser");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.longestInvocation = Objects.requireNonNull(longestInvocation, "longestInvocation");
    }

    @Override
    public ReconcileReport reconcile(ReconcilePoolCommand command) throws InterruptedException {
        return PortFailures.reported(() -> run(command, true)).orElseThrow();
    }

    @Override
    public Optional<ReconcileReport> continueRun(ReconcilePoolCommand command) throws InterruptedException {
        return PortFailures.reported(() -> run(command, false));
    }

    private Optional<ReconcileReport> run(ReconcilePoolCommand command, boolean mayStart) throws InterruptedException {
        Objects.requireNonNull(command, "command");
        Instant now = clock.instant();
        Run run;
        switch (progress.claim(now, now.plus(longestInvocation))) {
            case ReconcileProgressStore.Claim.Busy busy -> throw new ReconcileBusyException(busy.until());
            case ReconcileProgressStore.Claim.Resumed resumed
            when resumed.progress().startedAt().isBefore(now.minus(LONGEST_RUN)) -> {
                // A run that never finished (a failure that repeats at its position): start over rather than be
                // stuck for good; the next start event begins a new run.
                progress.finish(resumed.progress().listed().count());
                if (!mayStart) {
                    return Optional.empty();
                }
                return run(command, true);
            }
            case ReconcileProgressStore.Claim.Resumed resumed -> run = new Run(resumed.progress());
            case ReconcileProgressStore.Claim.Fresh fresh -> {
                if (!mayStart) {
                    progress.release();
                    return Optional.empty();
                }
                Optional<ReconcileReport.Refusal> mismatch;
                try {
                    mismatch = command.repair() || command.erasure().isPresent() ? probe() : Optional.empty();
                } catch (RuntimeException | InterruptedException e) {
                    progress.release();
                    throw e;
                }
                if (mismatch.isPresent()) {
                    progress.finish(fresh.lastListed());
                    return Optional.of(new Run(now, 0).report(mismatch, true));
                }
                // A bit more than last time, so a growing pool rarely outgrows the filter's first size.
                run = new Run(now, fresh.lastListed() + fresh.lastListed() / 5);
            }
        }
        Run started = run;
        try {
            // Its own listing fails as a port does, a user's sync as a use case does: one type for both.
            return Optional.of(PortFailures.reported(() -> work(started, command)));
        } catch (UserPoolUnavailableException e) {
            if (!e.passing() && run.phase == Phase.LISTING && run.position.isPresent()) {
                // The pool refuses where the run stands (a page token it no longer takes, say): going on from
                // there would fail again and again, so the next start begins afresh.
                progress.finish(run.listed.count());
            } else {
                progress.release();
            }
            throw e;
        } catch (RuntimeException | InterruptedException e) {
            // The next invocation goes on from the last save.
            progress.release();
            throw e;
        }
    }

    private ReconcileReport work(Run run, ReconcilePoolCommand command) throws InterruptedException {
        while (run.phase == Phase.LISTING) {
            if (command.timeIsUp().getAsBoolean()) {
                return pause(run);
            }
            listPage(run, command);
            command.afterPage().accept(run.report(Optional.empty(), false));
        }
        while (run.phase == Phase.COUNTING && !run.done) {
            if (command.timeIsUp().getAsBoolean()) {
                return pause(run);
            }
            Optional<ReconcileReport.Refusal> refusal = countPage(run, command);
            if (refusal.isPresent()) {
                progress.finish(run.listed.count());
                return run.report(refusal, true);
            }
            command.afterPage().accept(run.report(Optional.empty(), false));
        }
        while (run.phase == Phase.ERASING && !run.done) {
            if (command.timeIsUp().getAsBoolean()) {
                return pause(run);
            }
            erasePage(run, command);
            command.afterPage().accept(run.report(Optional.empty(), false));
        }
        progress.finish(run.listed.count());
        return run.report(Optional.empty(), true);
    }

    private void listPage(Run run, ReconcilePoolCommand command) throws InterruptedException {
        pacer.awaitTurn();
        DirectoryPage page = listing.page(run.position);
        Map<UserId, UserLookup> stored = new HashMap<>();
        Set<UserId> batch = new LinkedHashSet<>();
        for (DirectoryUser user : page.users()) {
            batch.add(user.id());
            // Cognito's pages hold 60; a directory with larger ones is read in the store's largest batches.
            if (batch.size() == UserInventory.MOST_AT_ONCE) {
                stored.putAll(store.lookUpAll(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            stored.putAll(store.lookUpAll(batch));
        }
        List<UserId> toRepair = new ArrayList<>();
        for (DirectoryUser user : page.users()) {
            run.listed.add(user.id());
            run.checked++;
            switch (stored.getOrDefault(user.id(), new UserLookup.Absent())) {
                case UserLookup.Found found -> {
                    if (!found.user().identity().equals(user.identity())) {
                        run.stale++;
                        command.findings().accept(new ReconcileFinding(ReconcileFinding.Kind.STALE, user.id()));
                        toRepair.add(user.id());
                    }
                }
                case UserLookup.Absent absent -> {
                    if (user.eligible()) {
                        run.missing++;
                        command.findings().accept(new ReconcileFinding(ReconcileFinding.Kind.MISSING, user.id()));
                        toRepair.add(user.id());
                    }
                }
                // A tombstone of a user still listed: the listing is older than the deletion; nothing to do.
                case UserLookup.Erased erased -> {}
            }
        }
        if (command.repair()) {
            for (UserId id : toRepair) {
                // Listed moments ago: a pool that cannot find them now is lagging, not saying they are gone. Only
                // the erasing phase erases, each orphan re-read first.
                run.count(sync(id, new SyncUserCommand.Absence.MayBeTooNew()));
            }
        }
        next(run, page.nextPage(), Phase.COUNTING);
    }

    private Optional<ReconcileReport.Refusal> countPage(Run run, ReconcilePoolCommand command) {
        InventoryPage page = store.page(run.position);
        for (User user : page.users()) {
            run.stored++;
            if (!run.listed.mightContain(user.id())) {
                run.orphaned++;
                command.findings().accept(new ReconcileFinding(ReconcileFinding.Kind.ORPHANED, user.id()));
            }
        }
        if (page.next().isPresent()) {
            run.position = page.next();
            return Optional.empty();
        }
        // Every profile an orphan: the pool emptied, or lost every user the probe found, during the run.
        Optional<ReconcileReport.Refusal> mismatch = mismatch(run.checked, run.stored, run.orphaned);
        if (mismatch.isPresent()) {
            run.done = true; // nothing is erased: refused, or not asked for
            return command.erasure().isPresent() ? mismatch : Optional.empty();
        }
        if (run.orphaned > 0 && command.erasure().isPresent()) {
            Optional<ReconcileReport.Refusal> tooMany = tooMany(run.stored, run.orphaned, command.maxErasureShare());
            if (tooMany.isPresent()) {
                return tooMany;
            }
            if (command.erasure().get().approve(run.orphaned)) {
                next(run, Optional.empty(), Phase.ERASING);
                return Optional.empty();
            }
        }
        run.done = true; // nothing to erase
        return Optional.empty();
    }

    private void erasePage(Run run, ReconcilePoolCommand command) throws InterruptedException {
        InventoryPage page = store.page(run.position);
        // The guard holds across invocations: users gone since the count are erased only within the same share.
        long allowed = erasable(run.stored, command.maxErasureShare());
        SyncUserCommand.Absence unlessRecent = new SyncUserCommand.Absence.GoneUnlessSeenWithin(command.seenRecently());
        int synced = 0;
        for (User user : page.users()) {
            if (!run.listed.mightContain(user.id()) && run.erased < allowed) {
                // After one erasure at least, so that every invocation makes progress.
                if (synced++ > 0 && command.timeIsUp().getAsBoolean()) {
                    // Paused at this page's start: its erased orphans are tombstones now, and are no users when
                    // the page is read again; what this page erased so far is counted in the save.
                    return;
                }
                run.count(sync(user.id(), unlessRecent));
            }
        }
        run.position = page.next();
        run.done = page.next().isEmpty();
    }

    private static void next(Run run, Optional<String> position, Phase after) {
        if (position.isPresent()) {
            run.position = position;
        } else {
            run.phase = after;
            run.position = Optional.empty();
        }
    }

    private ReconcileReport pause(Run run) {
        progress.save(new ReconcileProgress(run.startedAt, run.phase, run.position, run.listed, run.tally()));
        return run.report(Optional.empty(), false);
    }

    /**
     * Refuses a pool that lists nobody while the store holds profiles, and a pool that has none of a few stored
     * profiles' users: a pool and a table from different stages, which would otherwise copy the pool's users in today
     * and erase the table's tomorrow. Reads only; costs a page and at most {@link #PROBE_SAMPLE} paced reads.
     */
    private Optional<ReconcileReport.Refusal> probe() throws InterruptedException {
        List<UserId> sample = new ArrayList<>();
        Optional<String> from = Optional.empty();
        do {
            InventoryPage page = store.page(from);
            page.users().stream().limit(PROBE_SAMPLE - sample.size()).forEach(user -> sample.add(user.id()));
            from = page.next();
        } while (sample.size() < PROBE_SAMPLE && from.isPresent());
        if (sample.isEmpty()) {
            return Optional.empty();
        }
        pacer.awaitTurn();
        DirectoryPage first = listing.page(Optional.empty());
        if (first.users().isEmpty() && first.nextPage().isEmpty()) {
            return Optional.of(ReconcileReport.Refusal.POOL_LISTS_NO_USERS);
        }
        Set<UserId> listed = new LinkedHashSet<>();
        first.users().stream().limit(UserInventory.MOST_AT_ONCE).forEach(user -> listed.add(user.id()));
        for (UserId id : sample) {
            if (listed.contains(id)) {
                return Optional.empty();
            }
        }
        // Any profile of a user on the pool's first page is enough: the sample alone may be the drift itself.
        if (!listed.isEmpty()
                && store.lookUpAll(listed).values().stream().anyMatch(found -> found instanceof UserLookup.Found)) {
            return Optional.empty();
        }
        for (UserId id : sample) {
            pacer.awaitTurn();
            try {
                if (directory.findBySub(id).isPresent()) {
                    return Optional.empty();
                }
            } catch (IllegalArgumentException notASub) {
                // A stored id that no Cognito user can have: not a sign that the pool belongs with the store.
            }
        }
        return Optional.of(ReconcileReport.Refusal.NO_STORED_PROFILE_IN_POOL);
    }

    /**
     * One user's sync; empty when it failed on its own account (the profile kept changing, or a stored id that no
     * Cognito user can have). The pool or the store being unreachable ends the invocation instead.
     */
    private Optional<SyncResult> sync(UserId id, SyncUserCommand.Absence absence) throws InterruptedException {
        pacer.awaitTurn();
        try {
            return Optional.of(syncUser.sync(new SyncUserCommand(id, absence)));
        } catch (SyncContendedException | IllegalArgumentException oneUser) {
            return Optional.empty();
        }
    }

    static Optional<ReconcileReport.Refusal> mismatch(int listed, int stored, int orphaned) {
        if (stored == 0) {
            return Optional.empty();
        }
        if (listed == 0) {
            return Optional.of(ReconcileReport.Refusal.POOL_LISTS_NO_USERS);
        }
        if (orphaned == stored) {
            return Optional.of(ReconcileReport.Refusal.NO_STORED_PROFILE_IN_POOL);
        }
        return Optional.empty();
    }

    static long erasable(int stored, double maxShare) {
        return Math.max((long) Math.floor(maxShare * stored), ALWAYS_ERASABLE);
    }

    static Optional<ReconcileReport.Refusal> tooMany(int stored, int orphaned, double maxShare) {
        return orphaned > Math.max(maxShare * stored, ALWAYS_ERASABLE)
                ? Optional.of(ReconcileReport.Refusal.TOO_MANY_ORPHANS)
                : Optional.empty();
    }

    /** A run's state while an invocation works on it. */
    private static final class Run {
        final Instant startedAt;
        final ListedUsers listed;
        Phase phase;
        Optional<String> position;
        /** The last phase is over. */
        boolean done;

        int checked;
        int missing;
        int stale;
        int stored;
        int orphaned;
        int registered;
        int updated;
        int erased;
        int failed;

        Run(Instant startedAt, long expectedUsers) {
            this.startedAt = startedAt;
            // Seeded by the run, so an orphan the filter mistook for a listed user is not mistaken again next run.
            this.listed = ListedUsers.sizedFor(expectedUsers, startedAt.toEpochMilli());
            this.phase = Phase.LISTING;
            this.position = Optional.empty();
        }

        Run(ReconcileProgress saved) {
            this.startedAt = saved.startedAt();
            this.listed = saved.listed();
            this.phase = saved.phase();
            this.position = saved.position();
            ReconcileTally t = saved.tally();
            checked = t.checked();
            missing = t.missing();
            stale = t.stale();
            stored = t.stored();
            orphaned = t.orphaned();
            registered = t.registered();
            updated = t.updated();
            erased = t.erased();
            failed = t.failed();
        }

        void count(Optional<SyncResult> result) {
            switch (result.orElse(null)) {
                case null -> failed++;
                case SyncResult.Registered r -> registered++;
                case SyncResult.Updated u -> updated++;
                case SyncResult.Erased e -> erased++;
                default -> {}
            }
        }

        ReconcileTally tally() {
            return new ReconcileTally(checked, missing, stale, stored, orphaned, registered, updated, erased, failed);
        }

        ReconcileReport report(Optional<ReconcileReport.Refusal> refused, boolean finished) {
            return new ReconcileReport(
                    checked, missing, stale, orphaned, registered, updated, erased, failed, refused, finished);
        }
    }
}
