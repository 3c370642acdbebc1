package dev.userprofile.application.port.in;

import dev.userprofile.domain.UserId;
import java.util.Objects;

/** One user a reconcile found out of line, told as it is found (a run over millions keeps no list of them). */
public record ReconcileFinding(Kind kind, UserId userId) {

    public enum Kind {
        /** An eligible pool user without a profile. */
        MISSING,
        /** A profile whose identity or status differs from the pool's. */
        STALE,
        /** A profile whose user the pool did not list. */
        ORPHANED
    }

    public ReconcileFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
    }
}
