package dev.userprofile.adapters.cognito.trigger;

/**
 * What an invocation was given cannot become a registration: no event at all, no request, no attributes, or no
 * well-formed {@code sub}. The message names the field and the rule, never a value; it goes to the log (Cognito is
 * shown a fixed sentence).
 */
public final class InvalidRegistrationInputException extends RuntimeException {

    private final String field;

    public InvalidRegistrationInputException(String field, String rule) {
        super("Invalid trigger event: " + field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
