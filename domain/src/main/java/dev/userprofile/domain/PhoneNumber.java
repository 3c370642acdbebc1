package dev.userprofile.domain;

import java.util.regex.Pattern;

/** A phone number in E.164 form ({@code +} and up to 15 digits), the only form Cognito accepts. */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final String FIELD = "phoneNumber";

    public PhoneNumber {
        String trimmed = TextRules.requirePresent(FIELD, value).strip();
        if (!E164.matcher(trimmed).matches()) {
            throw new InvalidUserDataException(FIELD, "must be in E.164 form: + followed by 2 to 15 digits");
        }
        value = trimmed;
    }

    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }
}
