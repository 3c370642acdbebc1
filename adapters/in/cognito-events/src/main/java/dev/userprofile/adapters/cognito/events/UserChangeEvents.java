package dev.userprofile.adapters.cognito.events;

import java.util.List;
import java.util.Set;

/**
 * The Cognito API calls, as CloudTrail names them, that may change what a profile holds of a user, and so are
 * hints to sync them (docs/reference.md lists what each changes). template.yaml's rule subscribes to the same list
 * (a test checks).
 */
public final class UserChangeEvents {

    /** The source of Cognito's events on EventBridge. */
    public static final String SOURCE = "aws.cognito-idp";
    /** The detail type of the API calls CloudTrail records. */
    public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    public static final List<String> EVENT_NAMES = List.of(
            // Attributes: email, phone, their verification, names; by an administrator or the user.
            "AdminUpdateUserAttributes",
            "UpdateUserAttributes",
            "VerifyUserAttribute",
            "AdminDeleteUserAttributes",
            "DeleteUserAttributes",
            // Whether the user may sign in.
            "AdminDisableUser",
            "AdminEnableUser",
            // Deletion, by an administrator or the user.
            "AdminDeleteUser",
            "DeleteUser",
            // Linked identity providers (the identities attribute).
            "AdminLinkProviderForUser",
            "AdminDisableProviderForUser",
            // Ways a user becomes able to sign in that run no PostConfirmation trigger.
            "AdminCreateUser",
            "AdminSetUserPassword",
            "AdminConfirmSignUp");

    /** The calls among them that create a user or make one able to sign in: the pool may not list them yet. */
    public static final Set<String> CREATING = Set.of("AdminCreateUser", "AdminSetUserPassword", "AdminConfirmSignUp");

    private UserChangeEvents() {}
}
