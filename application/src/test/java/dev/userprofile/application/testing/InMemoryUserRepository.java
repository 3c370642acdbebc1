package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.AddResult;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake for use-case tests: the same atomic add-if-absent and replace contracts as the real store, in memory. */
public final class InMemoryUserRepository implements UserLoader, UserRegistrar, UserUpdater {

    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final AtomicInteger writeAttempts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public AddResult addIfAbsent(User user) {
        writeAttempts.incrementAndGet();
        return users.putIfAbsent(user.id(), user) == null ? AddResult.ADDED : AddResult.ALREADY_PRESENT;
    }

    @Override
    public Optional<User> findById(UserId id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public boolean exists(UserId id) {
        reads.incrementAndGet();
        return users.containsKey(id);
    }

    @Override
    public ReplaceResult replace(User updated, long expectedVersion) {
        writeAttempts.incrementAndGet();
        ReplaceResult[] result = {ReplaceResult.NOT_FOUND};
        users.computeIfPresent(updated.id(), (id, stored) -> {
            if (stored.version() != expectedVersion) {
                result[0] = ReplaceResult.VERSION_CONFLICT;
                return stored;
            }
            result[0] = ReplaceResult.REPLACED;
            return updated;
        });
        return result[0];
    }

    public int size() {
        return users.size();
    }

    /** Calls to {@link #addIfAbsent} and {@link #replace}, whatever they did. */
    public int writeAttempts() {
        return writeAttempts.get();
    }

    /** Calls to {@link #findById}. */
    public int lookups() {
        return lookups.get();
    }

    /** Calls to {@link #exists}. */
    public int existenceChecks() {
        return reads.get();
    }
}
