package dev.userprofile.domain;

/** A user's phone number and whether Cognito has verified it. */
public record Phone(PhoneNumber number, boolean verified) {

    public Phone {
        if (number == null) {
            throw new InvalidUserDataException("phoneNumber", "is required");
        }
    }

    public static Phone of(String number, boolean verified) {
        return new Phone(new PhoneNumber(number), verified);
    }
}
