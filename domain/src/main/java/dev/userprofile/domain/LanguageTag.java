package dev.userprofile.domain;

import java.util.regex.Pattern;

/**
 * A user's locale as a BCP 47 language tag such as {@code en-GB}. Cognito stores {@code locale} as free text; the
 * common {@code en_GB} spelling is accepted and normalised to the hyphenated form.
 */
public record LanguageTag(String value) {

    public static final int MAX_LENGTH = 35;
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final String FIELD = "locale";

    public LanguageTag {
        String trimmed = TextRules.requirePresent(FIELD, value).strip().replace('_', '-');
        if (trimmed.length() > MAX_LENGTH || !TAG.matcher(trimmed).matches()) {
            throw new InvalidUserDataException(
                    FIELD, "must be a language tag such as en or en-GB of at most " + MAX_LENGTH + " characters");
        }
        value = trimmed;
    }
}
