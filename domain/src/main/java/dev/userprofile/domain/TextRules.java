package dev.userprofile.domain;

import java.text.Normalizer;

/** Checks shared by the text-valued value objects. */
final class TextRules {

    private TextRules() {}

    static String requirePresent(String field, String value) {
        if (value == null) {
            throw new InvalidUserDataException(field, "is required");
        }
        return value;
    }

    /** Trims, rejects blank, over-long and unprintable text, and normalises to NFC so equal names compare equal. */
    static String cleanText(String field, String value, int maxLength) {
        String trimmed = requirePresent(field, value).strip();
        if (trimmed.isEmpty()) {
            throw new InvalidUserDataException(field, "must not be blank");
        }
        requireWellFormed(field, trimmed);
        String normalised = Normalizer.normalize(trimmed, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) > maxLength) {
            throw new InvalidUserDataException(field, "must be at most " + maxLength + " characters");
        }
        return normalised;
    }

    /** Rejects control characters and unpaired UTF-16 surrogates, which no legitimate client sends. */
    static void requireWellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidUserDataException(field, "must not contain unpaired surrogate characters");
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidUserDataException(field, "must not contain unpaired surrogate characters");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidUserDataException(field, "must not contain control characters");
            }
        }
    }
}
