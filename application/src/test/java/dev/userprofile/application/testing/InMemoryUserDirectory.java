package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.DirectoryPage;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.port.out.UserDirectoryListing;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.domain.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake user pool for use-case tests: users by sub, listed in pages in sub order, an outage switch, users a listing
 * misses (as a listing taken before they were created would), and counts of the reads.
 */
public final class InMemoryUserDirectory implements UserDirectory, UserDirectoryListing {

    private final Map<UserId, DirectoryUser> users = new ConcurrentHashMap<>();
    private final Set<UserId> unlisted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicBoolean lookUpsDown = new AtomicBoolean();
    private final Set<UserId> unfound = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final int pageSize;

    public InMemoryUserDirectory() {
        this(60);
    }

    public InMemoryUserDirectory(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public Optional<DirectoryUser> findBySub(UserId sub) {
        if (!sub.value().matches("[0-9A-Za-z-]{1,128}")) {
            throw new IllegalArgumentException("not a sub: only letters, digits and hyphens can be looked up");
        }
        reads.incrementAndGet();
        failIfDown();
        if (lookUpsDown.get()) {
            throw new UserDirectoryUnavailableException("the fake pool's lookups are down", null);
        }
        return unfound.contains(sub) ? Optional.empty() : Optional.ofNullable(users.get(sub));
    }

    @Override
    public DirectoryPage page(Optional<String> page) {
        pages.incrementAndGet();
        failIfDown();
        List<DirectoryUser> listed = new ArrayList<>(users.values());
        listed.removeIf(user -> unlisted.contains(user.id()));
        listed.sort(Comparator.comparing(user -> user.id().value()));
        int from = page.map(Integer::parseInt).orElse(0);
        int to = Math.min(listed.size(), from + pageSize);
        return new DirectoryPage(
                listed.subList(Math.min(from, to), to),
                0,
                to < listed.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    private void failIfDown() {
        if (unavailable.get()) {
            throw new UserDirectoryUnavailableException("the fake pool is down", null);
        }
        if (refusing.get()) {
            throw new UserDirectoryUnavailableException("the fake pool denies access", null, false);
        }
    }

    public void put(DirectoryUser user) {
        users.put(user.id(), user);
    }

    public void delete(UserId sub) {
        users.remove(sub);
    }

    /** The listing misses {@code sub}, while a read by sub still finds it. */
    public void leaveOutOfListing(UserId sub) {
        unlisted.add(sub);
    }

    public Set<UserId> subs() {
        return new HashSet<>(users.keySet());
    }

    public void unavailable(boolean down) {
        unavailable.set(down);
    }

    /** A read by sub misses {@code sub} while the listing still shows it (a lagging read of the pool). */
    public void missOnLookUp(UserId sub) {
        unfound.add(sub);
    }

    /** Reads by sub fail as an outage does; the listing still answers. */
    public void lookUpsDown(boolean down) {
        lookUpsDown.set(down);
    }

    /** Every call fails for a reason that trying again does not cure (as a denied permission would). */
    public void refusing(boolean refuse) {
        refusing.set(refuse);
    }

    /** Reads of one user by sub. */
    public int reads() {
        return reads.get();
    }

    /** Pages listed. */
    public int pages() {
        return pages.get();
    }
}
