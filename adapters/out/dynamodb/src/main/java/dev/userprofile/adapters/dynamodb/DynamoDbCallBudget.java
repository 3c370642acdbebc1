package dev.userprofile.adapters.dynamodb;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits for DynamoDB calls, one set per path. Cognito abandons a trigger after 5 s, so a registration, retries
 * included, must finish or fail well inside that: a clear error beats a Cognito timeout with no cause logged. A
 * sign-in must not be noticeably slowed at all, so its budget is much shorter and its failure is let through.
 *
 * @param attemptTimeout         one attempt
 * @param totalTimeout           all attempts and backoff together
 * @param maxAttempts            first try plus retries
 * @param backoffBase            backoff after a transient error (5xx, reset, timeout): full jitter, up to the base
 *                               before the first retry, doubling after
 * @param backoffMax             cap of that backoff
 * @param throttlingBackoffBase  the same after throttling. The SDK's default (1 s base, 20 s cap) is for batch jobs;
 *                               here a longer wait only turns a throttle into a Cognito timeout
 * @param throttlingBackoffMax   cap of that backoff
 */
public record DynamoDbCallBudget(
        Duration attemptTimeout,
        Duration totalTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration throttlingBackoffBase,
        Duration throttlingBackoffMax) {

    /** Establishing a TCP+TLS connection to the regional endpoint normally takes a few milliseconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    /** Longest wait for response bytes on an open connection; each path's attempt timeout may cut it shorter. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1_000);

    /**
     * Sign-up registration: 1 s an attempt (PutItem's p99 in-region is far below), 3 attempts, 3 s in all, which
     * leaves ~2 s of Cognito's 5 s for a cold start and the rest (docs/reliability.md).
     */
    public static final DynamoDbCallBudget REGISTRATION = new DynamoDbCallBudget(
            Duration.ofMillis(1_000),
            Duration.ofMillis(3_000),
            3,
            Duration.ofMillis(25),
            Duration.ofMillis(200),
            Duration.ofMillis(100),
            Duration.ofMillis(400));

    /** A sign-in's check (and rare registration): 250 ms an attempt, 2 attempts, 600 ms in all. */
    public static final DynamoDbCallBudget SIGN_IN = new DynamoDbCallBudget(
            Duration.ofMillis(250),
            Duration.ofMillis(600),
            2,
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(50),
            Duration.ofMillis(100));

    /**
     * The profile API: a person is waiting, so 500 ms an attempt, 3 attempts, 2 s in all, well inside the function's
     * timeout and API Gateway's 30 s.
     */
    public static final DynamoDbCallBudget API = new DynamoDbCallBudget(
            Duration.ofMillis(500),
            Duration.ofMillis(2_000),
            3,
            Duration.ofMillis(25),
            Duration.ofMillis(200),
            Duration.ofMillis(100),
            Duration.ofMillis(400));

    /**
     * The sync function: nobody is waiting and Lambda retries a failed event, so the registration's budget, 1 s an
     * attempt, 3 attempts, 3 s in all.
     */
    public static final DynamoDbCallBudget SYNC = REGISTRATION;

    /**
     * A batch job (the scheduled reconcile): a Scan page reads up to 1 MB, and nobody is waiting, so 5 s an attempt,
     * 4 attempts, 30 s in all, with longer backoff for throttling.
     */
    public static final DynamoDbCallBudget BATCH = new DynamoDbCallBudget(
            Duration.ofMillis(5_000),
            Duration.ofMillis(30_000),
            4,
            Duration.ofMillis(100),
            Duration.ofMillis(1_000),
            Duration.ofMillis(500),
            Duration.ofMillis(4_000));

    public DynamoDbCallBudget {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(throttlingBackoffBase, "throttlingBackoffBase");
        Objects.requireNonNull(throttlingBackoffMax, "throttlingBackoffMax");
        if (maxAttempts < 1 || totalTimeout.compareTo(attemptTimeout) < 0) {
            throw new IllegalArgumentException(
                    "a budget needs at least one attempt and a total of one attempt or more");
        }
    }
}
