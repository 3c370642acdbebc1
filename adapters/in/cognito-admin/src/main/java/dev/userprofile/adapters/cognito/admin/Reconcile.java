package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.domain.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Compares a pool with the profile store: eligible users who have no profile, and profiles whose user no longer exists
 * in the pool (deleted from Cognito). On request it removes the latter (the erasure path for deleted users), checking
 * each against the pool once more just before, so a user who exists never loses their profile.
 */
public final class Reconcile {

    /** What the comparison found, and how many orphans were removed. */
    public record Report(Set<String> missingProfiles, Set<String> orphanedProfiles, int removed) {
        public Report {
            missingProfiles = Set.copyOf(missingProfiles);
            orphanedProfiles = Set.copyOf(orphanedProfiles);
        }
    }

    private final UserPoolDirectory directory;
    private final UserInventory inventory;
    private final RateLimiter rate;

    public Reconcile(UserPoolDirectory directory, UserInventory inventory, RateLimiter rate) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.rate = Objects.requireNonNull(rate, "rate");
    }

    /**
     * @param removeOrphans asked before anything is removed, once the orphans are known; removal happens only when
     *                      it answers true (null: never remove)
     */
    public Report run(String userPoolId, BooleanSupplier removeOrphans) throws InterruptedException {
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

        int removed = 0;
        if (removeOrphans != null && !orphaned.isEmpty() && removeOrphans.getAsBoolean()) {
            for (String sub : List.copyOf(orphaned)) {
                rate.acquire();
                if (!directory.hasUserWithSub(userPoolId, sub) && inventory.remove(new UserId(sub))) {
                    removed++;
                }
            }
        }
        return new Report(missing, orphaned, removed);
    }
}
