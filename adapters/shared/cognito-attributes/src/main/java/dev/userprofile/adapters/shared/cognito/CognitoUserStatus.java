package dev.userprofile.adapters.shared.cognito;

import java.util.Set;

/** What Cognito's {@code UserStatus} values mean for a profile. */
public final class CognitoUserStatus {

    /**
     * The statuses of users who can sign in, and so are owed a profile: confirmed, federated, and imported users
     * waiting for their first password reset. Unconfirmed users and invited users who have not signed in yet are not.
     */
    public static final Set<String> ELIGIBLE = Set.of("CONFIRMED", "EXTERNAL_PROVIDER", "RESET_REQUIRED");

    private CognitoUserStatus() {}

    public static boolean eligible(String userStatus) {
        return userStatus != null && ELIGIBLE.contains(userStatus);
    }
}
