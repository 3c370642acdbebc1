package dev.userprofile.adapters.cognito;

import dev.userprofile.domain.UserId;

/** What handling one PostConfirmation event did; every outcome lets Cognito carry on. */
public sealed interface TriggerOutcome {

    /** A short stable name for logs and metrics. */
    String code();

    record Registered(UserId userId) implements TriggerOutcome {
        @Override
        public String code() {
            return "REGISTERED";
        }
    }

    record AlreadyRegistered(UserId userId) implements TriggerOutcome {
        @Override
        public String code() {
            return "ALREADY_REGISTERED";
        }
    }

    /** A password reset: nothing was written. */
    record PasswordResetIgnored() implements TriggerOutcome {
        @Override
        public String code() {
            return "PASSWORD_RESET_IGNORED";
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
