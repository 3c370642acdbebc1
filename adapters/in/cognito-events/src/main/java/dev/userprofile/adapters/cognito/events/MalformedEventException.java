package dev.userprofile.adapters.cognito.events;

/** An event that cannot be read at all. The message says what is wrong with it, never what it holds. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String problem) {
        super("The event " + problem);
    }
}
