package dev.userprofile.application.port.in;

import java.time.Duration;
import java.util.Objects;

/** The expected outcomes of an account deletion. */
public sealed interface AccountDeletionResult {

    /**
     * The pool's user is gone (now, or before: a repeated deletion ends the same way).
     *
     * @param erased whether the profile's personal data was erased now; when false the store could not be reached,
     *               and the deletion's event or the reconcile erases it
     */
    record Deleted(boolean erased) implements AccountDeletionResult {}

    /** The caller did not sign in within {@code window}: nothing was deleted; they must sign in again first. */
    record ReauthenticationRequired(Duration window) implements AccountDeletionResult {
        public ReauthenticationRequired {
            Objects.requireNonNull(window, "window");
        }
    }

    /** The account is disabled: nothing was deleted (a disabled account is an administrator's to delete). */
    record Disabled() implements AccountDeletionResult {}
}
