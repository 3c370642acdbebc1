package dev.userprofile.application.port.in;

/**
 * The use case could not read the user pool. The message names the pool and the failure, never the user's data.
 * It never means "the user is gone".
 */
public final class UserPoolUnavailableException extends RuntimeException {

    private final boolean passing;

    /**
     * @param passing false when trying again cannot help: the pool does not exist, access is denied, a page token
     *                is not one of the pool's
     */
    public UserPoolUnavailableException(String message, Throwable cause, boolean passing) {
        super(message, cause);
        this.passing = passing;
    }

    /** Whether trying again later may succeed. */
    public boolean passing() {
        return passing;
    }
}
