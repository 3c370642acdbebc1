package dev.userprofile.adapters.cognito.trigger;

import dev.userprofile.adapters.shared.cognito.DroppedAttribute;
import dev.userprofile.domain.UserId;
import java.util.List;
import java.util.Objects;

/** What handling one trigger event did; every outcome lets Cognito carry on. */
public sealed interface TriggerOutcome {

    /** A short stable name for logs and metrics. */
    String code();

    /** The optional attributes left out of the profile because they broke a rule; empty when nothing was stored. */
    default List<DroppedAttribute> dropped() {
        return List.of();
    }

    record Registered(UserId userId, List<DroppedAttribute> dropped) implements TriggerOutcome {
        public Registered {
            Objects.requireNonNull(userId, "userId");
            dropped = List.copyOf(dropped);
        }

        @Override
        public String code() {
            return "REGISTERED";
        }
    }

    record AlreadyRegistered(UserId userId, List<DroppedAttribute> dropped) implements TriggerOutcome {
        public AlreadyRegistered {
            Objects.requireNonNull(userId, "userId");
            dropped = List.copyOf(dropped);
        }

        @Override
        public String code() {
            return "ALREADY_REGISTERED";
        }
    }

    /** A sign-in found the stored identity behind Cognito's and refreshed it with one conditional write. */
    record Refreshed(UserId userId, List<DroppedAttribute> dropped) implements TriggerOutcome {
        public Refreshed {
            Objects.requireNonNull(userId, "userId");
            dropped = List.copyOf(dropped);
        }

        @Override
        public String code() {
            return "REFRESHED";
        }
    }

    /** The scheduled keep-alive that stops a quiet SnapStart version going inactive: nothing was read or written. */
    record KeptAlive() implements TriggerOutcome {
        @Override
        public String code() {
            return "KEPT_ALIVE";
        }
    }

    /** A trigger source this service does not handle: nothing was written. */
    record UnknownSourceIgnored() implements TriggerOutcome {
        @Override
        public String code() {
            return "UNKNOWN_SOURCE_IGNORED";
        }
    }
}
