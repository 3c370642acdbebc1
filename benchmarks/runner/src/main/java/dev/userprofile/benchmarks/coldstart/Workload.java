package dev.userprofile.benchmarks.coldstart;

/**
 * What each invocation is: a sign-up confirmation of a new user, a sign-in of a user who has a profile, a request to
 * the profile API, or a Cognito event for a user whose email changed (one ListUsers, a consistent read and a
 * conditional write).
 */
enum Workload {
    SIGN_UP,
    SIGN_IN,
    /** GET /me of a user with a profile. */
    API_GET,
    /** GET /me of a pool user without a profile: one ListUsers, a read, the registration's write. */
    API_LAZY,
    /** DELETE /me after a fresh sign-in: a read, AdminDeleteUser, the tombstone's write. */
    API_DELETE,
    SYNC_EVENT;

    boolean api() {
        return this == API_GET || this == API_LAZY || this == API_DELETE;
    }

    /** Whether it needs the cognito-local pool. */
    boolean pool() {
        return this == SYNC_EVENT || this == API_LAZY || this == API_DELETE || this == API_GET;
    }

    /** The status the function must answer with. */
    String expected() {
        return this == API_DELETE ? "\"statusCode\":204" : "\"statusCode\":200";
    }
}
