package dev.userprofile.domain;

/** Whether Cognito lets the user sign in: the profile mirrors Cognito's {@code Enabled} flag. */
public enum UserStatus {
    ACTIVE,
    /** Cognito's {@code Enabled=false}: an administrator disabled the account. */
    DISABLED
}
