package dev.userprofile.adapters.cognito;

/**
 * A PostConfirmation event that cannot be turned into a registration. Cognito shows the message to the signing-up
 * user ("PostConfirmation failed with error ..."), so it names the event field and the rule, never a value.
 */
public final class InvalidTriggerEventException extends RuntimeException {

    private final String field;

    public InvalidTriggerEventException(String field, String rule) {
        super("Invalid PostConfirmation event: " + field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
