package dev.userprofile.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The user aggregate: one per Cognito user, created once when the user is confirmed and identified by the Cognito
 * {@code sub}. Its {@code version} counts the writes that made it (1 at registration; 0 for a profile stored before
 * versions were kept), so that a change can be made only to the version it was based on.
 *
 * <p>Two owners change it (ADR 0018): the user edits the names and locale ({@link #edit}); Cognito owns the identity
 * (email, phone, identity provider, whether the account is enabled), which the profile follows for life
 * ({@link #follow}). {@code identitySyncedAt} is when the profile last took its identity from Cognito.
 */
public record User(
        UserId id,
        UserProfile profile,
        UserStatus status,
        Instant registeredAt,
        Optional<Instant> updatedAt,
        Optional<Instant> identitySyncedAt,
        long version) {

    /** The version of a user as first registered. */
    public static final long FIRST_VERSION = 1;

    public User {
        if (id == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (profile == null) {
            throw new InvalidUserDataException("profile", "is required");
        }
        if (status == null) {
            throw new InvalidUserDataException("status", "is required");
        }
        if (registeredAt == null) {
            throw new InvalidUserDataException("registeredAt", "is required");
        }
        if (updatedAt == null) {
            throw new InvalidUserDataException("updatedAt", "is required (empty until a change)");
        }
        if (identitySyncedAt == null) {
            throw new InvalidUserDataException("identitySyncedAt", "is required (empty if never known)");
        }
        if (version < 0) {
            throw new InvalidUserDataException("version", "must not be negative");
        }
    }

    /** A user as registered from what Cognito said at {@code registeredAt}: active, first version, never changed. */
    public User(UserId id, UserProfile profile, Instant registeredAt) {
        this(
                id,
                profile,
                UserStatus.ACTIVE,
                registeredAt,
                Optional.empty(),
                Optional.ofNullable(registeredAt),
                FIRST_VERSION);
    }

    /** A user registering now, at {@code registeredAt} as read from the caller's clock. */
    public static User register(UserId id, UserProfile profile, Instant registeredAt) {
        return new User(id, profile, registeredAt);
    }

    /**
     * A user registering {@code at} (the caller's clock) who joined at {@code joinedAt}: a backfill or a sync
     * registers users who joined long before, with what Cognito says now.
     */
    public static User register(UserId id, UserProfile profile, Instant joinedAt, Instant at) {
        return new User(id, profile, UserStatus.ACTIVE, joinedAt, Optional.empty(), Optional.of(at), FIRST_VERSION);
    }

    /** What Cognito owns of this user, as the profile holds it now. */
    public Identity identity() {
        return Identity.of(profile, status);
    }

    /**
     * The user after their own edit: the patched profile, the next version, changed {@code at}. An empty patch changes
     * nothing, not even the version.
     */
    public User edit(ProfilePatch patch, Instant at) {
        if (patch.isEmpty()) {
            return this;
        }
        return new User(
                id, patch.applyTo(profile), status, registeredAt, Optional.of(at), identitySyncedAt, version + 1);
    }

    /**
     * The user after taking Cognito's current {@code identity}, learnt {@code at}: the identity fields and status
     * replaced, the names and locale kept, the next version. The same user when nothing differs, so that a check that
     * finds nothing new writes nothing.
     */
    public User follow(Identity identity, Instant at) {
        if (identity().equals(identity)) {
            return this;
        }
        return new User(
                id,
                identity.appliedTo(profile),
                identity.status(),
                registeredAt,
                Optional.of(at),
                Optional.of(at),
                version + 1);
    }
}
