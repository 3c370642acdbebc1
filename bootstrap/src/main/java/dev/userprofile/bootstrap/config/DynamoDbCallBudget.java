package dev.userprofile.bootstrap.config;

import java.time.Duration;

/**
 * Time limits for DynamoDB calls. Cognito abandons a trigger after 5 s, so a registration, retries included, must
 * finish or fail well inside that: a clear error beats a Cognito timeout with no cause logged.
 */
public final class DynamoDbCallBudget {

    /** Establishing a TCP+TLS connection to the regional endpoint normally takes a few milliseconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    /** Longest wait for response bytes on an open connection. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1_000);
    /** One attempt; PutItem's p99 in-region is far below this. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1_000);
    /** All attempts and backoff together; leaves ~1.5 s of Cognito's 5 s for a cold start and the rest. */
    public static final Duration TOTAL_TIMEOUT = Duration.ofMillis(3_000);
    /** First try plus two retries. */
    public static final int MAX_ATTEMPTS = 3;
    /** Backoff after a transient error (5xx, reset, timeout): full jitter, up to 25 ms, then up to 50 ms. */
    public static final Duration BACKOFF_BASE = Duration.ofMillis(25);
    public static final Duration BACKOFF_MAX = Duration.ofMillis(200);
    /**
     * Backoff after throttling: full jitter, up to 100 ms, then up to 200 ms. The SDK's default (1 s base, 20 s cap) is
     * for batch jobs; here a longer wait only turns a throttle into a Cognito timeout.
     */
    public static final Duration THROTTLING_BACKOFF_BASE = Duration.ofMillis(100);
    public static final Duration THROTTLING_BACKOFF_MAX = Duration.ofMillis(400);

    private DynamoDbCallBudget() {
    }
}
