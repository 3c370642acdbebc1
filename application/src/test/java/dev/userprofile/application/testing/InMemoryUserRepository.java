package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.AddResult;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    @Override
    public void forEachUser(Consumer<User> action) {
        items.values().forEach(stored -> {
            if (stored instanceof UserLookup.Found found) {
                action.accept(found.user());
            }
        });
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
