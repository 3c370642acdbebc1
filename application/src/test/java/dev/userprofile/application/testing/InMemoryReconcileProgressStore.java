package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.ListedUsers;
import dev.userprofile.application.port.out.ReconcileProgress;
import dev.userprofile.application.port.out.ReconcileProgressStore;
import java.time.Instant;
import java.util.Optional;

/**
 * A fake progress store for use-case tests, with the real one's rules: one holder at a time until its lease runs
 * out, and the filter kept as bytes, so a resumed run gets a filter read back, not the same object.
 */
public final class InMemoryReconcileProgressStore implements ReconcileProgressStore {

    private Optional<ReconcileProgress> saved = Optional.empty();
    private byte[] filter = new byte[0];
    private Optional<Instant> heldUntil = Optional.empty();
    private long lastListed;
    private int saves;

    @Override
    public synchronized Claim claim(Instant now, Instant until) {
        if (heldUntil.isPresent() && heldUntil.get().isAfter(now)) {
            return new Claim.Busy(heldUntil.get());
        }
        heldUntil = Optional.of(until);
        return saved.<Claim>map(p -> new Claim.Resumed(new ReconcileProgress(
                        p.startedAt(), p.phase(), p.position(), ListedUsers.fromBytes(filter), p.tally())))
                .orElseGet(() -> new Claim.Fresh(lastListed));
    }

    @Override
    public synchronized void save(ReconcileProgress progress) {
        saved = Optional.of(progress);
        filter = progress.listed().toBytes();
        heldUntil = Optional.empty();
        saves++;
    }

    @Override
    public synchronized void finish(long listed) {
        saved = Optional.empty();
        filter = new byte[0];
        lastListed = listed;
        heldUntil = Optional.empty();
    }

    @Override
    public synchronized void release() {
        heldUntil = Optional.empty();
    }

    public synchronized Optional<ReconcileProgress> saved() {
        return saved;
    }

    public synchronized boolean held() {
        return heldUntil.isPresent();
    }

    public synchronized int saves() {
        return saves;
    }

    public synchronized long lastListed() {
        return lastListed;
    }
}
