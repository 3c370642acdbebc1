package dev.userprofile.local.testing.cognito;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/** Users made in a pool as tests and benchmarks need them, through the administrator's calls. */
public final class PoolUsers {

    /** The permanent password {@link #confirmed} gives its users. */
    public static final String PASSWORD = "Permanent-Pass-1";

    private PoolUsers() {}

    public static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /**
     * A user who can sign in (CONFIRMED): invited without a message, then given a permanent password, with the email
     * as user name (verified) and {@code more} attributes. Returns their sub.
     */
    public static String confirmed(
            CognitoIdentityProviderClient cognito, String poolId, String email, AttributeType... more) {
        String sub = invited(cognito, poolId, email, more);
        cognito.adminSetUserPassword(
                b -> b.userPoolId(poolId).username(email).password(PASSWORD).permanent(true));
        return sub;
    }

    /** A user invited and not yet signed in (FORCE_CHANGE_PASSWORD), as {@link #confirmed} makes them. */
    public static String invited(
            CognitoIdentityProviderClient cognito, String poolId, String email, AttributeType... more) {
        List<AttributeType> attributes =
                new ArrayList<>(List.of(attribute("email", email), attribute("email_verified", "true")));
        attributes.addAll(List.of(more));
        return subOf(cognito.adminCreateUser(b -> b.userPoolId(poolId)
                        .username(email)
                        .messageAction(MessageActionType.SUPPRESS)
                        .temporaryPassword("Temporary-Pass-1")
                        .userAttributes(attributes))
                .user()
                .attributes());
    }

    /** The {@code sub} among a user's attributes. */
    public static String subOf(List<AttributeType> attributes) {
        return attributes.stream()
                .filter(a -> a.name().equals("sub"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the user has no sub"))
                .value();
    }
}
