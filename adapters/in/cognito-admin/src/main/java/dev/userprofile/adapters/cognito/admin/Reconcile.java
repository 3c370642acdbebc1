package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.adapters.cognito.attributes.CognitoSub;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.domain.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Compares a pool with the profile store: eligible users who have no profile, and profiles whose user no longer exists
 * in the pool (deleted from Cognito). On request it erases the latter through the sync use case, which reads each
 * one from the pool once more just before and erases only a user the pool does not have (leaving a tombstone, ADR
 * 0020), so a user who exists never loses their profile.
 */
public final class Reconcile {

    /**
     * What the comparison found, and how many orphans were removed. {@code removalRefused}: removal was asked for but
     * no stored profile belongs to the pool, the mark of a table and a pool that do not go together.
     */
    public record Report(
            Set<String> missingProfiles, Set<String> orphanedProfiles, int removed, boolean removalRefused) {
        public Report {
            missingProfiles = Set.copyOf(missingProfiles);
            orphanedProfiles = Set.copyOf(orphanedProfiles);
        }
    }

    private final UserPoolDirectory directory;
    private final UserInventory inventory;
    private final SyncUserUseCase syncUser;
    private final RateLimiter rate;

    public Reconcile(UserPoolDirectory directory, UserInventory inventory, SyncUserUseCase syncUser, RateLimiter rate) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.syncUser = Objects.requireNonNull(syncUser, "syncUser");
        this.rate = Objects.requireNonNull(rate, "rate");
    }

    /**
     * @param removeOrphans asked with the number of orphans before anything is removed; removal happens only when
     *                      it answers true (null: never remove). It is not asked, and nothing is removed, when every
     *                      stored profile would be an orphan: a wrong pool would otherwise erase the whole table.
     */
    public Report run(String userPoolId, IntPredicate removeOrphans) throws InterruptedException {
        Set<String> inPool = new HashSet<>();
        Set<String> eligible = new HashSet<>();
        Optional<String> token = Optional.empty();
        do {
            rate.acquire();
            PoolUsersPage page = directory.page(userPoolId, token);
            for (PoolUser user : page.users()) {
                user.sub().ifPresent(sub -> {
                    inPool.add(sub);
                    if (user.eligible()) {
                        eligible.add(sub);
                    }
                });
            }
            token = page.nextToken();
        } while (token.isPresent());

        Set<String> stored = new HashSet<>();
        inventory.forEachUserId(id -> stored.add(id.value()));

        Set<String> missing = new TreeSet<>(eligible);
        missing.removeAll(stored);
        Set<String> orphaned = new TreeSet<>(stored);
        orphaned.removeAll(inPool);

        boolean mismatched = !orphaned.isEmpty() && orphaned.size() == stored.size();
        if (removeOrphans != null && mismatched) {
            return new Report(missing, orphaned, 0, true);
        }
        int removed = 0;
        if (removeOrphans != null && !orphaned.isEmpty() && removeOrphans.test(orphaned.size())) {
            for (String sub : List.copyOf(orphaned)) {
                if (!CognitoSub.isWellFormed(sub)) {
                    continue; // no Cognito user can have it, and the pool cannot be asked: never erased
                }
                rate.acquire();
                if (syncUser.sync(new SyncUserCommand(new UserId(sub))) instanceof SyncResult.Erased) {
                    removed++;
                }
            }
        }
        return new Report(missing, orphaned, removed, false);
    }
}
