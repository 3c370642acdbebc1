package dev.userprofile.application.service;

import dev.userprofile.application.port.in.BackfillCommand;
import dev.userprofile.application.port.in.BackfillPoolUseCase;
import dev.userprofile.application.port.in.BackfillReport;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.CallPacer;
import dev.userprofile.application.port.out.DirectoryPage;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectoryListing;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks the pool's listing once, paced, and registers each eligible user who has no profile, with the trigger's
 * rules (a registration never overwrites, and never revives a tombstone) and the date they joined the pool. A
 * disabled user goes through {@link SyncUserUseCase} instead, which registers them and records the status in one
 * go, at the price of one more paced read. A failed registration is counted and the run goes on; the pool failing
 * for a passing reason ends the run with the page to resume from.
 */
public final class BackfillPoolService implements BackfillPoolUseCase {

    private final UserDirectoryListing pool;
    private final RegisterUserUseCase registerUser;
    private final SyncUserUseCase syncUser;
    private final UserLoader store;
    private final CallPacer pacer;
    private final Clock clock;

    public BackfillPoolService(
            UserDirectoryListing pool,
            RegisterUserUseCase registerUser,
            SyncUserUseCase syncUser,
            UserLoader store,
            CallPacer pacer,
            Clock clock) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.syncUser = Objects.requireNonNull(syncUser, "syncUser");
        this.store = Objects.requireNonNull(store, "store");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BackfillReport backfill(BackfillCommand command) throws InterruptedException {
        Objects.requireNonNull(command, "command");
        return PortFailures.reported(() -> pageThrough(command));
    }

    private BackfillReport pageThrough(BackfillCommand command) throws InterruptedException {
        Run run = new Run(clock.instant());
        Optional<String> page = command.startPage();
        while (true) {
            if (command.stopRequested().getAsBoolean()) {
                return run.report(clock, page, Optional.empty(), true);
            }
            pacer.awaitTurn();
            DirectoryPage listed;
            try {
                listed = pool.page(page);
            } catch (UserDirectoryUnavailableException e) {
                if (!e.passing()) {
                    throw e;
                }
                return run.report(clock, page, Optional.of(PortFailures.messageOf(e)), true);
            }
            run.unreadable += listed.unreadable();
            for (DirectoryUser user : listed.users()) {
                if (command.stopRequested().getAsBoolean()) {
                    return run.report(clock, page, Optional.empty(), true);
                }
                run.seen++;
                if (!user.eligible()) {
                    run.skipped++;
                } else {
                    try {
                        register(user, command.dryRun(), run);
                    } catch (UserPoolUnavailableException e) {
                        if (!e.passing()) {
                            throw e;
                        }
                        // A disabled user's read failed on an outage: resume from this page, as for a listing.
                        return run.report(clock, page, Optional.of(PortFailures.messageOf(e)), true);
                    }
                }
            }
            if (listed.nextPage().isEmpty()) {
                BackfillReport done = run.report(clock, Optional.empty(), Optional.empty(), false);
                command.afterPage().accept(done);
                return done;
            }
            page = listed.nextPage();
            command.afterPage().accept(run.report(clock, page, Optional.empty(), false));
        }
    }

    private void register(DirectoryUser user, boolean dryRun, Run run) throws InterruptedException {
        try {
            // The store fails as a port does, a registration or a sync as a use case does: one type for both.
            if (PortFailures.reported(() -> registeredNow(user, dryRun))) {
                run.registered++;
            } else {
                run.alreadyThere++;
            }
        } catch (ProfileStoreUnavailableException | SyncContendedException e) {
            run.failures.add(new BackfillReport.Failure(user.id(), PortFailures.messageOf(e)));
        }
    }

    /**
     * Whether the user got (or, in a dry run, would get) a profile now; false when theirs was there, or, for a
     * disabled user, when the pool could not find them just now or someone else registered them meanwhile.
     */
    private boolean registeredNow(DirectoryUser user, boolean dryRun) throws InterruptedException {
        if (dryRun) {
            return !store.exists(user.id());
        }
        if (user.status() == UserStatus.DISABLED) {
            pacer.awaitTurn();
            // Listed moments ago: a pool that cannot find them now is lagging; nothing is erased here.
            return syncUser.sync(new SyncUserCommand(user.id(), new SyncUserCommand.Absence.MayBeTooNew()))
                    instanceof SyncResult.Registered;
        }
        return registerUser.register(new RegisterUserCommand(user.id(), user.profile()).joinedAt(user.createdAt()))
                instanceof RegistrationResult.Registered;
    }

    /** The counts of a run under way. */
    private static final class Run {
        private final Instant started;
        long seen;
        long registered;
        long alreadyThere;
        long skipped;
        long unreadable;
        final List<BackfillReport.Failure> failures = new ArrayList<>();

        Run(Instant started) {
            this.started = started;
        }

        BackfillReport report(Clock clock, Optional<String> resumeFrom, Optional<String> stoppedBy, boolean early) {
            Duration took = Duration.between(started, clock.instant());
            return new BackfillReport(
                    seen,
                    registered,
                    alreadyThere,
                    skipped,
                    unreadable,
                    failures,
                    took.isNegative() ? Duration.ZERO : took,
                    resumeFrom,
                    stoppedBy,
                    early);
        }
    }
}
