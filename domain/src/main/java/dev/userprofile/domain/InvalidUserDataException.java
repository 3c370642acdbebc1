package dev.userprofile.domain;

import java.util.Objects;

/**
 * A value broke one of the domain's rules. The message names the field and the rule only: values may be personal
 * data, so they are never echoed.
 */
public final class InvalidUserDataException extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidUserDataException(String field, String rule) {
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
