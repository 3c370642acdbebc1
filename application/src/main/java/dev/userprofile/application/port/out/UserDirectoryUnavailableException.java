package dev.userprofile.application.port.out;

/**
 * The user pool could not be read. The message names the pool and the failure, never the user's data. Callers must
 * never read it as "the user is gone": that would erase a profile on an outage.
 */
public final class UserDirectoryUnavailableException extends RuntimeException {

    private final boolean passing;

    /** A failure that may pass (throttling, a server error, no answer): trying again later may succeed. */
    public UserDirectoryUnavailableException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /**
     * @param passing false when trying again cannot help: the pool does not exist, access is denied, a page token
     *                is not one of the pool's
     */
    public UserDirectoryUnavailableException(String message, Throwable cause, boolean passing) {
        super(message, cause);
        this.passing = passing;
    }

    /** Whether trying again later may succeed. */
    public boolean passing() {
        return passing;
    }
}
