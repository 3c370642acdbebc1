package dev.userprofile.adapters.cognito;

/**
 * A trigger event that cannot be turned into a registration: no attributes, or no well-formed {@code sub}. The
 * message names the event field and the rule, never a value; it goes to the log (Cognito is shown a fixed sentence).
 */
public final class InvalidTriggerEventException extends RuntimeException {

    private final String field;

    public InvalidTriggerEventException(String field, String rule) {
        super("Invalid trigger event: " + field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
