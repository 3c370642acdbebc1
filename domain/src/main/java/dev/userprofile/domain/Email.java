package dev.userprofile.domain;

/** A user's email address and whether Cognito has verified it. */
public record Email(EmailAddress address, boolean verified) {

    public Email {
        if (address == null) {
            throw new InvalidUserDataException("email", "is required");
        }
    }

    public static Email of(String address, boolean verified) {
        return new Email(new EmailAddress(address), verified);
    }
}
