package dev.userprofile.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What is left of a user whose personal data was erased: the key, when and why, and when the record itself expires
 * (to the second).
 * While it exists, the user's sub can never be registered again, so a late or retried registration cannot bring the
 * data back (ADR 0020).
 */
public record Erasure(UserId id, Instant erasedAt, ErasureReason reason, Instant expiresAt) {

    public Erasure {
        if (id == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (erasedAt == null) {
            throw new InvalidUserDataException("erasedAt", "is required");
        }
        if (reason == null) {
            throw new InvalidUserDataException("erasureReason", "is required");
        }
        // To the second: a store's expiry (DynamoDB's Time to Live) counts whole seconds.
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (expiresAt == null || !expiresAt.isAfter(erasedAt)) {
            throw new InvalidUserDataException("expiresAt", "must be after erasedAt");
        }
    }

    /** An erasure made {@code at}, kept for {@code lifetime} so that late registrations find it. */
    public static Erasure of(UserId id, Instant at, ErasureReason reason, Duration lifetime) {
        return new Erasure(id, at, reason, at.plus(lifetime));
    }
}
