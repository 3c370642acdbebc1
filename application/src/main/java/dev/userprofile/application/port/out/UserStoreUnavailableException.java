package dev.userprofile.application.port.out;

/**
 * The user store failed: unreachable, throttled past the retry budget, or refusing the request. The message names
 * the store and the failure, never the user's data.
 */
public final class UserStoreUnavailableException extends RuntimeException {

    public UserStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
