package dev.userprofile.adapters.shared.cognito;

import java.util.Objects;

/**
 * An optional Cognito attribute left out of a profile because its value broke a rule. Names the attribute and the
 * rule only: the value may be personal data.
 */
public record DroppedAttribute(String attribute, String rule) {

    public DroppedAttribute {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(rule, "rule");
    }
}
