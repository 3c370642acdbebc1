package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.InventoryPage;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserRegistrar.AddResult;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fake for use-case tests: the same atomic add-if-absent, replace and erase contracts as the real store, in memory.
 * Each id holds a profile ({@link UserLookup.Found}) or a tombstone ({@link UserLookup.Erased}).
 */
public final class InMemoryUserRepository implements UserLoader, UserRegistrar, UserUpdater, UserEraser, UserInventory {

    private final Map<UserId, UserLookup> items = new ConcurrentHashMap<>();
    private final AtomicInteger writeAttempts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger batchReads = new AtomicInteger();
    private volatile Consumer<UserId> beforeEachWrite = id -> {};

    @Override
    public AddResult addIfAbsent(User user) {
        beforeWrite(user.id());
        return items.putIfAbsent(user.id(), new UserLookup.Found(user)) == null
                ? AddResult.ADDED
                : AddResult.ALREADY_PRESENT;
    }

    @Override
    public UserLookup lookUp(UserId id) {
        lookups.incrementAndGet();
        return items.getOrDefault(id, new UserLookup.Absent());
    }

    @Override
    public UserLookup lookUpCheaply(UserId id) {
        reads.incrementAndGet();
        return items.getOrDefault(id, new UserLookup.Absent());
    }

    @Override
    public boolean exists(UserId id) {
        reads.incrementAndGet();
        return items.containsKey(id);
    }

    @Override
    public ReplaceResult replace(User updated, long expectedVersion) {
        beforeWrite(updated.id());
        ReplaceResult[] result = {ReplaceResult.NOT_FOUND};
        items.computeIfPresent(updated.id(), (id, stored) -> {
            if (!(stored instanceof UserLookup.Found found)) {
                return stored; // a tombstone is never written over
            }
            if (found.user().version() != expectedVersion) {
                result[0] = ReplaceResult.VERSION_CONFLICT;
                return stored;
            }
            result[0] = ReplaceResult.REPLACED;
            return new UserLookup.Found(updated);
        });
        return result[0];
    }

    @Override
    public EraseResult erase(Erasure erasure) {
        beforeWrite(erasure.id());
        EraseResult[] result = {EraseResult.ERASED};
        items.compute(erasure.id(), (id, stored) -> {
            if (stored instanceof UserLookup.Erased) {
                result[0] = EraseResult.ALREADY_ERASED;
                return stored;
            }
            return new UserLookup.Erased(erasure);
        });
        return result[0];
    }

    /** Items a page holds, tombstones included (as a Scan's limit counts every item it reads). */
    private volatile int pageSize = 3;

    @Override
    public InventoryPage page(Optional<String> from) {
        pages.incrementAndGet();
        List<UserId> ids = new ArrayList<>(items.keySet());
        ids.sort(Comparator.comparing(UserId::value));
        int start = 0;
        if (from.isPresent()) {
            // After the last key of the previous page, as a Scan's exclusive start key works.
            UserId after = new UserId(from.get());
            while (start < ids.size() && ids.get(start).value().compareTo(after.value()) <= 0) {
                start++;
            }
        }
        int end = Math.min(ids.size(), start + pageSize);
        List<User> users = new ArrayList<>();
        for (UserId id : ids.subList(start, end)) {
            if (items.get(id) instanceof UserLookup.Found found) {
                users.add(found.user());
            }
        }
        return new InventoryPage(
                users, end < ids.size() ? Optional.of(ids.get(end - 1).value()) : Optional.empty());
    }

    @Override
    public Map<UserId, UserLookup> lookUpAll(Set<UserId> ids) {
        if (ids.size() > MOST_AT_ONCE) {
            throw new IllegalArgumentException("at most " + MOST_AT_ONCE + " ids at once");
        }
        batchReads.incrementAndGet();
        Map<UserId, UserLookup> found = new HashMap<>();
        ids.forEach(id -> found.put(id, items.getOrDefault(id, new UserLookup.Absent())));
        return found;
    }

    /** Items a page of {@link #page} holds from now on. */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    /** Calls to {@link #page}. */
    public int pages() {
        return pages.get();
    }

    /** Calls to {@link #lookUpAll}. */
    public int batchReads() {
        return batchReads.get();
    }

    /**
     * Runs {@code action} before each write from now on, e.g. to change the profile as a concurrent caller would
     * (its own changes through {@link #store} do not run it again).
     */
    public void beforeEachWrite(Consumer<UserId> action) {
        this.beforeEachWrite = Objects.requireNonNull(action, "action");
    }

    private void beforeWrite(UserId id) {
        writeAttempts.incrementAndGet();
        beforeEachWrite.accept(id);
    }

    /** Stores {@code user} as it is, over anything stored (for tests that set up a state). */
    public void store(User user) {
        items.put(user.id(), new UserLookup.Found(user));
    }

    public Optional<UserLookup> stored(UserId id) {
        return Optional.ofNullable(items.get(id));
    }

    public int size() {
        return items.size();
    }

    /** Calls to {@link #addIfAbsent}, {@link #replace} and {@link #erase}, whatever they did. */
    public int writeAttempts() {
        return writeAttempts.get();
    }

    /** Calls to {@link #lookUp} (and so {@link #findById}). */
    public int lookups() {
        return lookups.get();
    }

    /** Calls to {@link #exists} and {@link #lookUpCheaply}: the cheap reads. */
    public int existenceChecks() {
        return reads.get();
    }
}
