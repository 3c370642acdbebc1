package dev.userprofile.domain;

import java.util.regex.Pattern;

/**
 * Identifies a user: the Cognito {@code sub}, an opaque, immutable, pseudonymous id (a UUID today). It is kept as
 * given so that it always matches Cognito; only its shape is checked.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public UserId {
        TextRules.requirePresent("userId", value);
        if (value.isBlank()) {
            throw new InvalidUserDataException("userId", "must not be blank");
        }
        if (!VISIBLE_ASCII.matcher(value).matches()) {
            throw new InvalidUserDataException(
                    "userId", "must be 1 to " + MAX_LENGTH + " visible ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
