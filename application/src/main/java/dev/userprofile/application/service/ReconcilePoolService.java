package dev.userprofile.application.service;

import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
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
 * re-listed, is never treated on a stale page's word. Erasure is guarded: a pool that lists nobody, a store none of
 * whose users the pool lists, or more orphans than the command's share are refused, never erased.
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

        int registered = 0;
        int updated = 0;
        if (command.repair()) {
            for (UserId id : missing) {
                registered += sync(id) instanceof SyncResult.Registered ? 1 : 0;
            }
            for (UserId id : stale) {
                updated += sync(id) instanceof SyncResult.Updated ? 1 : 0;
            }
        }

        Set<UserId> orphaned = new HashSet<>(stored.keySet());
        orphaned.removeAll(listed);
        Optional<ReconcileReport.Refusal> refused = Optional.empty();
        int erased = 0;
        if (!orphaned.isEmpty() && command.erasure().isPresent()) {
            refused = guard(listed.size(), stored.size(), orphaned.size(), command.maxErasureShare());
            if (refused.isEmpty() && command.erasure().get().approve(orphaned.size())) {
                for (UserId id : orphaned) {
                    erased += sync(id) instanceof SyncResult.Erased ? 1 : 0;
                }
            }
        }
        return new ReconcileReport(listed.size(), missing, stale, orphaned, registered, updated, erased, refused);
    }

    private SyncResult sync(UserId id) throws InterruptedException {
        pacer.awaitTurn();
        return syncUser.sync(new SyncUserCommand(id));
    }

    static Optional<ReconcileReport.Refusal> guard(int listed, int stored, int orphaned, double maxShare) {
        if (listed == 0) {
            return Optional.of(ReconcileReport.Refusal.POOL_LISTS_NO_USERS);
        }
        if (orphaned == stored) {
            return Optional.of(ReconcileReport.Refusal.NO_STORED_PROFILE_IN_POOL);
        }
        if (orphaned > maxShare * stored) {
            return Optional.of(ReconcileReport.Refusal.TOO_MANY_ORPHANS);
        }
        return Optional.empty();
    }
}
