package dev.userprofile.adapters.shared.cognito;

import java.util.Objects;

/**
 * Cognito attributes that cannot make a profile: no well-formed {@code sub}. The message names the field (as the
 * caller calls it) and the rule, never a value.
 */
public final class InvalidAttributesException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidAttributesException(String field, String rule) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(rule, "rule"));
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
