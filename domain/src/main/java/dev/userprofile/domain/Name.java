package dev.userprofile.domain;

/**
 * A given, family or display name: trimmed, NFC-normalised, printable. The limit is Cognito's own for an attribute
 * value (2,048 characters), so every name Cognito accepts fits.
 */
public record Name(String value) {

    public static final int MAX_LENGTH = 2048;

    public Name {
        value = TextRules.cleanText("name", value, MAX_LENGTH);
    }

    /** Validates as {@code field}, so that an error names the right one of several names. */
    public static Name of(String field, String value) {
        try {
            return new Name(value);
        } catch (InvalidUserDataException e) {
            throw new InvalidUserDataException(field, e.rule());
        }
    }

    @Override
    public String toString() {
        return "Name[redacted]";
    }
}
