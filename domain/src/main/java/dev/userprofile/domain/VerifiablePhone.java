package dev.userprofile.domain;

/** A phone number and whether it has been verified (Cognito says so in `phone_number_verified`). */
public record VerifiablePhone(PhoneNumber number, boolean verified) {

    public VerifiablePhone {
        if (number == null) {
            throw new InvalidUserDataException("phoneNumber", "is required");
        }
    }

    public static VerifiablePhone of(String number, boolean verified) {
        return new VerifiablePhone(new PhoneNumber(number), verified);
    }
}
