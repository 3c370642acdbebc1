package dev.userprofile.domain;

import java.util.Locale;

/**
 * An email address, trimmed, with its domain lower-cased (domains are case-insensitive; the local part may not be,
 * so it is kept as given). Lengths follow RFC 5321: 64 for the local part, 254 in all.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final String FIELD = "email";

    public EmailAddress {
        String trimmed = TextRules.requirePresent(FIELD, value).strip();
        if (trimmed.isEmpty()) {
            throw new InvalidUserDataException(FIELD, "must not be blank");
        }
        TextRules.requireWellFormed(FIELD, trimmed);
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidUserDataException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at != trimmed.indexOf('@') || at == trimmed.length() - 1) {
            throw new InvalidUserDataException(FIELD, "must have the form local-part@domain");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            throw new InvalidUserDataException(
                    FIELD, "must have a local part of at most " + MAX_LOCAL_PART_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isWhitespace)) {
            throw new InvalidUserDataException(FIELD, "must not contain whitespace");
        }
        if (!isDomain(domain)) {
            throw new InvalidUserDataException(FIELD, "must have a domain of dot-separated labels");
        }
        value = local + "@" + domain.toLowerCase(Locale.ROOT);
    }

    private static boolean isDomain(String domain) {
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return false;
        }
        return domain.codePoints().allMatch(c -> c == '.' || c == '-' || Character.isLetterOrDigit(c));
    }

    @Override
    public String toString() {
        return "EmailAddress[redacted]";
    }
}
