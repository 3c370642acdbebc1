package dev.userprofile.adapters.cognito.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Reads a user pool's users through Cognito's {@code ListUsers}, one page (at most 60 users) a call. */
public final class UserPoolDirectory {

    /** Cognito's largest page. */
    static final int PAGE_SIZE = 60;

    private final CognitoIdentityProviderClient cognito;

    public UserPoolDirectory(CognitoIdentityProviderClient cognito) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
    }

    public PoolUsersPage page(String userPoolId, Optional<String> token) {
        ListUsersResponse response =
                cognito.listUsers(b -> b.userPoolId(userPoolId).limit(PAGE_SIZE).paginationToken(token.orElse(null)));
        return new PoolUsersPage(
                response.users().stream().map(UserPoolDirectory::toPoolUser).toList(),
                Optional.ofNullable(response.paginationToken()).filter(t -> !t.isEmpty()));
    }

    private static PoolUser toPoolUser(UserType user) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeType attribute : user.attributes()) {
            attributes.put(attribute.name(), attribute.value());
        }
        return new PoolUser(user.userStatusAsString(), user.userCreateDate(), attributes);
    }
}
