package dev.userprofile.application.port.out;

/**
 * The user pool could not be read. The message names the pool and the failure, never the user's data. Callers must
 * never read it as "the user is gone": that would erase a profile on an outage.
 */
public final class UserDirectoryUnavailableException extends RuntimeException {

    public UserDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
