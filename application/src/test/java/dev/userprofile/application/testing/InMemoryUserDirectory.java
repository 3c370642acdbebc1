package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.domain.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake user pool for use-case tests: users by sub, an outage switch, and a count of the reads. */
public final class InMemoryUserDirectory implements UserDirectory {

    private final Map<UserId, DirectoryUser> users = new ConcurrentHashMap<>();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<DirectoryUser> findBySub(UserId sub) {
        reads.incrementAndGet();
        if (unavailable.get()) {
            throw new UserDirectoryUnavailableException("the fake pool is down", null);
        }
        return Optional.ofNullable(users.get(sub));
    }

    public void put(DirectoryUser user) {
        users.put(user.id(), user);
    }

    public void delete(UserId sub) {
        users.remove(sub);
    }

    public void unavailable(boolean down) {
        unavailable.set(down);
    }

    public int reads() {
        return reads.get();
    }
}
