package dev.userprofile.application.service;

import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.CallPacer;
import dev.userprofile.application.port.out.DirectoryPage;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectoryListing;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over the whole pool, held in memory (ADR 0021): every stored user is read once (a scan), every pool user
 * listed once (paced pages), and the two compared. Each repair and each erasure goes through {@link SyncUserUseCase},
 * which reads the user from the pool once more just before it writes, so a user listed late, or deleted and
 * re-listed, is never treated on a stale page's word; an orphan whose profile learnt of its user moments ago is left
 * alone. The guard refuses everything when the pool lists nobody or none of the stored users (a pool and a table
 * that do not go together), and refuses erasure beyond the command's share of the store. A user whose own sync fails
 * is counted and the run goes on; the pool or the store failing ends it.
 */
public final class ReconcilePoolService implements ReconcilePoolUseCase {

    private final UserDirectoryListing pool;
    private final UserInventory store;
    private final SyncUserUseCase syncUser;
    private final CallPacer pacer;

    public ReconcilePoolService(
            UserDirectoryListing pool, UserInventory store, SyncUserUseCase syncUser, CallPacer pacer) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.store = Objects.requireNonNull(store, "store");
        this.syncUser = Objects.requireNonNull(syncUser, "syncUser");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    @Override
    public ReconcileReport reconcile(ReconcilePoolCommand command) throws InterruptedException {
        Objects.requireNonNull(command, "command");
        Map<UserId, User> stored = new HashMap<>();
        store.forEachUser(user -> stored.put(user.id(), user));

        Set<UserId> listed = new HashSet<>();
        Set<UserId> missing = new HashSet<>();
        Set<UserId> stale = new HashSet<>();
        Optional<String> next = Optional.empty();
        do {
            pacer.awaitTurn();
            DirectoryPage page = pool.page(next);
            for (DirectoryUser user : page.users()) {
                listed.add(user.id());
                User profile = stored.get(user.id());
                if (profile == null) {
                    if (user.eligible()) {
                        missing.add(user.id());
                    }
                } else if (!profile.identity().equals(user.identity())) {
                    stale.add(user.id());
                }
            }
            next = page.nextPage();
        } while (next.isPresent());

        Set<UserId> orphaned = new HashSet<>(stored.keySet());
        orphaned.removeAll(listed);
        // A pool and a table that do not go together: a wrong pool id would otherwise copy another stage's users
        // in today and erase this one's tomorrow. Nothing is changed at all.
        Optional<ReconcileReport.Refusal> mismatch = mismatch(listed.size(), stored.size(), orphaned.size());
        if (mismatch.isPresent() && (command.repair() || command.erasure().isPresent())) {
            return new ReconcileReport(listed.size(), missing, stale, orphaned, 0, 0, 0, 0, mismatch);
        }

        Tally tally = new Tally();
        if (command.repair()) {
            for (UserId id : missing) {
                tally.count(sync(id, new SyncUserCommand.Absence.Gone()));
            }
            for (UserId id : stale) {
                tally.count(sync(id, new SyncUserCommand.Absence.Gone()));
            }
        }
        Optional<ReconcileReport.Refusal> refused = Optional.empty();
        if (!orphaned.isEmpty() && command.erasure().isPresent()) {
            refused = tooMany(stored.size(), orphaned.size(), command.maxErasureShare());
            if (refused.isEmpty() && command.erasure().get().approve(orphaned.size())) {
                SyncUserCommand.Absence unlessRecent =
                        new SyncUserCommand.Absence.GoneUnlessSeenWithin(command.seenRecently());
                for (UserId id : orphaned) {
                    tally.count(sync(id, unlessRecent));
                }
            }
        }
        return new ReconcileReport(
                listed.size(),
                missing,
                stale,
                orphaned,
                tally.registered,
                tally.updated,
                tally.erased,
                tally.failed,
                refused);
    }

    /** What the run's syncs did. */
    private static final class Tally {
        int registered;
        int updated;
        int erased;
        int failed;

        void count(Optional<SyncResult> result) {
            switch (result.orElse(null)) {
                case null -> failed++;
                case SyncResult.Registered r -> registered++;
                case SyncResult.Updated u -> updated++;
                case SyncResult.Erased e -> erased++;
                default -> {}
            }
        }
    }

    /**
     * One user's sync; empty when it failed on its own account (the profile kept changing, or a stored id that no
     * Cognito user can have). The pool or the store being unreachable ends the run instead.
     */
    private Optional<SyncResult> sync(UserId id, SyncUserCommand.Absence absence) throws InterruptedException {
        pacer.awaitTurn();
        try {
            return Optional.of(syncUser.sync(new SyncUserCommand(id, absence)));
        } catch (SyncContendedException | IllegalArgumentException oneUser) {
            return Optional.empty();
        }
    }

    /** The few orphans a small store may always lose in one run, whatever the share. */
    static final int ALWAYS_ERASABLE = 3;

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

    static Optional<ReconcileReport.Refusal> tooMany(int stored, int orphaned, double maxShare) {
        return orphaned > Math.max(maxShare * stored, ALWAYS_ERASABLE)
                ? Optional.of(ReconcileReport.Refusal.TOO_MANY_ORPHANS)
                : Optional.empty();
    }
}
