package dev.userprofile.adapters.cognito.admin;

/** The command line is not one the tool accepts; the message says what is wrong. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
