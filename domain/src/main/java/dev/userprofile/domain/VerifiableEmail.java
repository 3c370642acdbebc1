package dev.userprofile.domain;

/** An email address and whether it has been verified (Cognito says so in `email_verified`). */
public record VerifiableEmail(EmailAddress address, boolean verified) {

    public VerifiableEmail {
        if (address == null) {
            throw new InvalidUserDataException("email", "is required");
        }
    }

    public static VerifiableEmail of(String address, boolean verified) {
        return new VerifiableEmail(new EmailAddress(address), verified);
    }
}
