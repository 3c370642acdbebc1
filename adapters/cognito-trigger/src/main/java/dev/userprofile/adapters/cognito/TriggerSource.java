package dev.userprofile.adapters.cognito;

/** Why the function was called. */
public enum TriggerSource {
    /** Sign-up confirmed by code or link, by an administrator, or a federated user's first sign-in. */
    CONFIRM_SIGN_UP,
    /** A password reset was confirmed: the user exists already and their profile must not change. */
    CONFIRM_FORGOT_PASSWORD,
    /**
     * Not Cognito: the stack's own schedule, which invokes the alias now and then so that a SnapStart version is
     * never idle long enough (14 days) to go inactive.
     */
    KEEP_ALIVE,
    /** Any value this service does not know; handled as a no-op so a new Cognito feature never blocks users. */
    UNKNOWN;

    /** The {@code triggerSource} the keep-alive schedule sends; template.yaml uses the same string. */
    public static final String KEEP_ALIVE_VALUE = "UserProfileService_KeepAlive";

    public static TriggerSource of(String eventValue) {
        if (eventValue == null) {
            return UNKNOWN;
        }
        return switch (eventValue) {
            case "PostConfirmation_ConfirmSignUp" -> CONFIRM_SIGN_UP;
            case "PostConfirmation_ConfirmForgotPassword" -> CONFIRM_FORGOT_PASSWORD;
            case KEEP_ALIVE_VALUE -> KEEP_ALIVE;
            default -> UNKNOWN;
        };
    }
}
