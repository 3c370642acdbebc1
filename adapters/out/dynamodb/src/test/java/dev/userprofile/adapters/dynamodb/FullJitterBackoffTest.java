package dev.userprofile.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;

class FullJitterBackoffTest {

    private static final Duration BASE = Duration.ofMillis(25);
    private static final Duration MAX = Duration.ofMillis(200);

    @Test
    void eachDelayLiesBetweenZeroAndTheExponentialCeiling() {
        FullJitterBackoff backoff = new FullJitterBackoff(BASE, MAX, new SplittableRandom(7));
        long[] ceilings = {0, 25, 50, 100, 200, 200, 200};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            for (int draw = 0; draw < 500; draw++) {
                assertThat(backoff.computeDelay(attempt).toMillis()).isBetween(0L, ceilings[attempt - 1]);
            }
        }
        assertThat(backoff.computeDelay(1_000)).isLessThanOrEqualTo(MAX);
    }

    @Test
    void theWholeRangeIsUsed() {
        FullJitterBackoff backoff = new FullJitterBackoff(BASE, MAX, new SplittableRandom(11));
        Set<Long> seen = new HashSet<>();
        for (int draw = 0; draw < 2_000; draw++) {
            seen.add(backoff.computeDelay(2).toMillis());
            assertThat(backoff.computeDelay(1))
                    .as("the first attempt does not wait")
                    .isZero();
        }
        assertThat(seen).contains(0L, 25L).hasSizeGreaterThan(22);
    }

    @Test
    void theDelayComesFromTheGivenGenerator() {
        RandomGenerator always7 = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 7;
            }

            @Override
            public long nextLong(long bound) {
                return 7 % bound;
            }
        };
        assertThat(new FullJitterBackoff(BASE, MAX, always7).computeDelay(3)).isEqualTo(Duration.ofMillis(7));
        assertThat(new FullJitterBackoff(BASE, MAX, always7).computeDelay(2)).isEqualTo(Duration.ofMillis(7));
    }

    /**
     * What restored SnapStart environments share is the generator's state at the snapshot. The SDK's jitter draws
     * from ThreadLocalRandom, so copies of one state draw the same delays; the OS-entropy generator does not depend
     * on its captured state.
     */
    @Test
    void jitterFromOsEntropyIsNotDecidedByStateCapturedBeforeTheSnapshot() {
        RandomGenerator generator = FullJitterBackoff.osEntropy();
        assertThat(generator).isInstanceOf(SecureRandom.class);
        assertThat(((SecureRandom) generator).getAlgorithm()).startsWith("NativePRNG");

        // Two environments restored from one snapshot start from one and the same generator state.
        BackoffStrategy restoredA = new FullJitterBackoff(BASE, MAX, new SplittableRandom(42));
        BackoffStrategy restoredB = new FullJitterBackoff(BASE, MAX, new SplittableRandom(42));
        assertThat(delays(restoredA))
                .as("a seeded generator restored twice repeats itself")
                .isEqualTo(delays(restoredB));
        assertThat(delays(new FullJitterBackoff(BASE, MAX, generator)))
                .isNotEqualTo(delays(new FullJitterBackoff(BASE, MAX, generator)));
    }

    @Test
    void theFunctionsRetryStrategyDrawsBothKindsOfBackoffFromTheGivenGeneratorWithinTheBudget() {
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        RetryStrategy strategy = DynamoDbClients.retryStrategy(DynamoDbCallBudget.REGISTRATION, highest);

        assertThat(firstRetryDelay(
                        strategy,
                        AwsServiceException.builder()
                                .statusCode(500)
                                .awsErrorDetails(AwsErrorDetails.builder()
                                        .errorCode("InternalServerError")
                                        .build())
                                .build()))
                .isEqualTo(DynamoDbCallBudget.REGISTRATION.backoffBase());
        assertThat(firstRetryDelay(
                        strategy,
                        AwsServiceException.builder()
                                .statusCode(400)
                                .awsErrorDetails(AwsErrorDetails.builder()
                                        .errorCode("ThrottlingException")
                                        .build())
                                .build()))
                .isEqualTo(DynamoDbCallBudget.REGISTRATION.throttlingBackoffBase());
        assertThat(strategy.maxAttempts()).isEqualTo(DynamoDbCallBudget.REGISTRATION.maxAttempts());
    }

    private static Duration firstRetryDelay(RetryStrategy strategy, Throwable failure) {
        AcquireInitialTokenResponse initial = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test"));
        return strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(initial.token())
                        .failure(failure)
                        .build())
                .delay();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new FullJitterBackoff(Duration.ZERO, MAX, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FullJitterBackoff(MAX, BASE, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FullJitterBackoff(BASE, MAX, new SplittableRandom()).computeDelay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String delays(BackoffStrategy backoff) {
        StringBuilder delays = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            delays.append(backoff.computeDelay(5).toMillis()).append(',');
        }
        return delays.toString();
    }
}
