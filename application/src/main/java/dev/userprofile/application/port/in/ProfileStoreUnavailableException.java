package dev.userprofile.application.port.in;

/**
 * The use case could not reach the profile store: unreachable, throttled past the retry budget, or refusing the
 * request. Trying again later may succeed. The message names the store and the failure, never the user's data.
 */
public final class ProfileStoreUnavailableException extends RuntimeException {

    public ProfileStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
