package dev.userprofile.domain;

/** Why a profile's personal data was erased; stored on the tombstone, so an operator can tell erasures apart. */
public enum ErasureReason {
    /** The user no longer exists in the user pool (deleted by an administrator or by themselves). */
    DELETED_FROM_POOL,
    /** The user deleted their own account through the profile API ({@code DELETE /me}). */
    DELETED_BY_USER
}
