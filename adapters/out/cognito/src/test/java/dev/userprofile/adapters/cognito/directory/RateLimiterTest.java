package dev.userprofile.adapters.cognito.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a fake clock that the limiter's own waits advance. */
class RateLimiterTest {

    private long now = 1_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();
    private final RateLimiter.Sleeper sleeper = duration -> {
        waits.add(duration);
        now += duration.toNanos();
    };

    @Test
    void spacesCallsEvenlyAtTheRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(4, () -> now, sleeper);
        long start = now;

        for (int i = 0; i < 9; i++) {
            limiter.awaitTurn();
        }

        assertThat(waits).hasSize(8).allMatch(wait -> wait.equals(Duration.ofMillis(250)));
        assertThat(Duration.ofNanos(now - start)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void timeAlreadySpentBetweenCallsCountsAndIdleTimeBuysNoBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(2, () -> now, sleeper);
        limiter.awaitTurn();
        now += 300_000_000L; // the work after the first call took 300 ms of the 500 ms slot
        limiter.awaitTurn();
        assertThat(waits).containsExactly(Duration.ofMillis(200));

        now += 10_000_000_000L; // ten idle seconds
        limiter.awaitTurn();
        limiter.awaitTurn();
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(500));
    }

    @Test
    void refusesRatesThatAreNotPositive() {
        for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new RateLimiter(rate, () -> now, sleeper))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
