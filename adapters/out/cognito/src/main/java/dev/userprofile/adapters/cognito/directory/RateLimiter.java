package dev.userprofile.adapters.cognito.directory;

import dev.userprofile.application.port.out.CallPacer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Spaces calls evenly so that they never exceed {@code perSecond}: each call waits until its slot. Cognito's
 * {@code ListUsers} quota is shared by everything that reads the pool, so a backfill stays well below it.
 */
public final class RateLimiter implements CallPacer {

    /** Waits, interruptibly. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot;
    private boolean started;

    public RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of requests per second");
        }
        this.intervalNanos = Math.round(1_000_000_000L / perSecond);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public static RateLimiter perSecond(double perSecond) {
        return new RateLimiter(perSecond, System::nanoTime, duration -> Thread.sleep(duration));
    }

    /** Returns when the next call may be made. */
    @Override
    public synchronized void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (!started) {
            started = true;
            nextSlot = now;
        }
        if (nextSlot > now) {
            sleeper.sleep(Duration.ofNanos(nextSlot - now));
        }
        nextSlot = Math.max(nextSlot, now) + intervalNanos;
    }
}
