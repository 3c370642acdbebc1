package dev.userprofile.adapters.dynamodb;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Exponential backoff with full jitter, counted as the SDK's own: before retry {@code n} (attempt {@code n + 1}), a
 * random wait between zero and {@code min(max, base * 2^(n-1))}.
 *
 * <p>The SDK's own jittered strategies draw from {@code ThreadLocalRandom}, whose per-thread state is part of a
 * SnapStart snapshot: every execution environment restored from one snapshot would draw the same "random" delays
 * and retry in lockstep against a throttled table. This draws from the operating system's entropy on every call
 * ({@link #osEntropy()}), which is different in every restored environment.
 */
public final class FullJitterBackoff implements BackoffStrategy {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public FullJitterBackoff(Duration base, Duration max, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max");
        }
    }

    /**
     * @param attempt the attempt about to be made, as the SDK counts it: 1 is the first (no wait), 2 the first retry
     */
    @Override
    public Duration computeDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1");
        }
        if (attempt == 1) {
            return Duration.ZERO;
        }
        long ceiling = max.toMillis();
        long exponential = base.toMillis() << Math.min(attempt - 2, 30);
        if (exponential > 0 && exponential < ceiling) {
            ceiling = exponential;
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /**
     * A generator that reads the kernel's entropy on every draw (Linux's NativePRNG family mixes fresh
     * {@code /dev/urandom} bytes into each result), so no state captured in a snapshot decides the next value.
     */
    public static RandomGenerator osEntropy() {
        try {
            return SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException notLinux) {
            return new SecureRandom();
        }
    }

    @Override
    public String toString() {
        return "FullJitterBackoff[base=" + base + ", max=" + max + "]";
    }
}
