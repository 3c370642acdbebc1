package dev.userprofile.adapters.cognito.trigger;

import org.jspecify.annotations.Nullable;

/** Why the function was called: the Cognito triggers it is attached to, or the stack's keep-alive. */
public enum TriggerSource {
    /** Sign-up confirmed by code or link, by an administrator, or a federated user's first sign-in. */
    CONFIRM_SIGN_UP,
    /**
     * A password reset was confirmed: registers a user who has no profile yet (imported users finish through it),
     * never changes an existing one.
     */
    CONFIRM_FORGOT_PASSWORD,
    /** A user signed in: registers invited, migrated and imported users, who never reach a sign-up confirmation. */
    POST_AUTHENTICATION,
    /**
     * Not Cognito: the stack's own schedule, which invokes the alias now and then so that a SnapStart version is
     * never idle long enough (14 days) to go inactive.
     */
    KEEP_ALIVE,
    /** Any value this service does not know; handled as a no-op so a new Cognito feature never blocks users. */
    UNKNOWN;

    /** The {@code triggerSource} the keep-alive schedule sends; template.yaml uses the same string. */
    public static final String KEEP_ALIVE_VALUE = "UserProfileService_KeepAlive";

    /**
     * Whether a failure to register should fail what the user is doing. Only a sign-up confirmation: a password
     * reset or a sign-in must go through, and the next sign-in registers the user instead.
     */
    public boolean failureBlocksTheUser() {
        return this == CONFIRM_SIGN_UP;
    }

    /**
     * The {@code event} field of the invocation's log line: the Cognito trigger that ran (a sign-up confirmation and
     * a password reset are both PostConfirmation), or the stack's keep-alive.
     */
    public String logEvent() {
        return switch (this) {
            case CONFIRM_SIGN_UP, CONFIRM_FORGOT_PASSWORD -> "post_confirmation";
            case POST_AUTHENTICATION -> "post_authentication";
            case KEEP_ALIVE -> "keep_alive";
            case UNKNOWN -> "cognito_trigger";
        };
    }

    public static TriggerSource of(@Nullable String eventValue) {
        if (eventValue == null) {
            return UNKNOWN;
        }
        return switch (eventValue) {
            case "PostConfirmation_ConfirmSignUp" -> CONFIRM_SIGN_UP;
            case "PostConfirmation_ConfirmForgotPassword" -> CONFIRM_FORGOT_PASSWORD;
            case "PostAuthentication_Authentication" -> POST_AUTHENTICATION;
            case KEEP_ALIVE_VALUE -> KEEP_ALIVE;
            default -> UNKNOWN;
        };
    }
}
