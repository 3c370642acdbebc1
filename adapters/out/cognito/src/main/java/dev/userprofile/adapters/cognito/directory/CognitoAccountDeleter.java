package dev.userprofile.adapters.cognito.directory;

import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Deletes a user from the stack's pool with {@code AdminDeleteUser}, by the user name their access token carries. A
 * user the pool no longer has was deleted before: a repeated request ends the same way.
 */
public final class CognitoAccountDeleter implements UserAccountDeleter {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoAccountDeleter(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId");
    }

    @Override
    public Deletion deleteAccount(String username) {
        try {
            cognito.adminDeleteUser(b -> b.userPoolId(userPoolId).username(username));
            return Deletion.DELETED;
        } catch (UserNotFoundException gone) {
            return Deletion.ALREADY_GONE;
        } catch (SdkException e) {
            // Cognito's messages may quote the user name: the error code only.
            throw new UserDirectoryUnavailableException(
                    "Cognito AdminDeleteUser on user pool " + userPoolId + " failed: " + CognitoUserDirectory.reason(e),
                    e,
                    CognitoUserDirectory.passing(e));
        }
    }
}
