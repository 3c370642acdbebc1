package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.UserId;
import java.time.Duration;
import java.util.Objects;

/**
 * Asks for one user's profile to be brought in line with the user pool, whatever hinted that it may differ.
 *
 * @param absence what the pool not finding the user means for this sync
 */
public record SyncUserCommand(UserId userId, Absence absence) {

    /** What the pool not finding the user means: that they are gone, or perhaps that the pool has not caught up. */
    public sealed interface Absence {

        /** They are gone: their data is erased (a deletion's event, or a change made to a user who then went). */
        record Gone() implements Absence {}

        /**
         * A call just created them or made them able to sign in: the pool may not list them yet, so nothing is
         * erased or written.
         */
        record MayBeTooNew() implements Absence {}

        /**
         * Gone, unless the profile learnt of them from the pool less than {@code recently} before this sync read it:
         * a reconcile's orphan may be a user created after their page was listed.
         */
        record GoneUnlessSeenWithin(Duration recently) implements Absence {
            public GoneUnlessSeenWithin {
                Objects.requireNonNull(recently, "recently");
                if (recently.isNegative()) {
                    throw new IllegalArgumentException("recently must not be negative");
                }
            }
        }
    }

    public SyncUserCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (absence == null) {
            throw new InvalidUserDataException("absence", "is required");
        }
    }

    /** A sync for which the pool not finding the user means they are gone. */
    public SyncUserCommand(UserId userId) {
        this(userId, new Absence.Gone());
    }
}
