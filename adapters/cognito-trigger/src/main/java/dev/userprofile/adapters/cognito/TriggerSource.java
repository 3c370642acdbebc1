package dev.userprofile.adapters.cognito;

/** Why Cognito called the PostConfirmation trigger. */
public enum TriggerSource {
    /** Sign-up confirmed by code or link, by an administrator, or a federated user's first sign-in. */
    CONFIRM_SIGN_UP,
    /** A password reset was confirmed: the user exists already and their profile must not change. */
    CONFIRM_FORGOT_PASSWORD,
    /** Any value this service does not know; handled as a no-op so a new Cognito feature never blocks users. */
    UNKNOWN;

    public static TriggerSource of(String eventValue) {
        if (eventValue == null) {
            return UNKNOWN;
        }
        return switch (eventValue) {
            case "PostConfirmation_ConfirmSignUp" -> CONFIRM_SIGN_UP;
            case "PostConfirmation_ConfirmForgotPassword" -> CONFIRM_FORGOT_PASSWORD;
            default -> UNKNOWN;
        };
    }
}
