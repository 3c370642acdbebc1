package dev.userprofile.adapters.cognito.directory;

import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.CognitoSub;
import dev.userprofile.adapters.shared.cognito.CognitoUserStatus;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.application.port.out.DirectoryPage;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.port.out.UserDirectoryListing;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The stack's user pool as the {@link UserDirectory}: one {@code ListUsers} filtered on {@code sub = "..."} a user
 * (ADR 0019). Unlike {@code AdminGetUser}, which takes a user name, it finds every kind of user by sub (local,
 * federated, imported) in one call, and its quota category (UserList) is not one that sign-ins use. As the
 * {@link UserDirectoryListing} it pages through the pool with the same call, 60 users (Cognito's most) a page.
 */
public final class CognitoUserDirectory implements UserDirectory, UserDirectoryListing {

    /** Cognito's largest page. */
    static final int PAGE_SIZE = 60;

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final CognitoAttributesMapper mapper;

    public CognitoUserDirectory(
            CognitoIdentityProviderClient cognito, String userPoolId, CognitoAttributesMapper mapper) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @throws IllegalArgumentException when the sub cannot be a Cognito sub ({@link CognitoSub#isWellFormed})
     */
    @Override
    public Optional<DirectoryUser> findBySub(UserId sub) {
        if (!CognitoSub.isWellFormed(sub.value())) {
            throw new IllegalArgumentException("not a Cognito sub: only letters, digits and hyphens can be looked up");
        }
        List<UserType> users;
        try {
            users = cognito.listUsers(b -> b.userPoolId(userPoolId).limit(1).filter("sub = \"" + sub.value() + "\""))
                    .users();
        } catch (SdkException e) {
            throw unavailable(e);
        }
        return users.stream().findFirst().map(user -> toDirectoryUser(sub, user));
    }

    @Override
    public DirectoryPage page(Optional<String> page) {
        ListUsersResponse response;
        try {
            response = cognito.listUsers(
                    b -> b.userPoolId(userPoolId).limit(PAGE_SIZE).paginationToken(page.orElse(null)));
        } catch (SdkException e) {
            throw unavailable(e);
        }
        List<DirectoryUser> users = new ArrayList<>(response.users().size());
        int unreadable = 0;
        for (UserType user : response.users()) {
            Optional<UserId> sub = subOf(user);
            if (sub.isPresent()) {
                users.add(toDirectoryUser(sub.get(), user));
            } else {
                unreadable++;
            }
        }
        return new DirectoryPage(
                users,
                unreadable,
                Optional.ofNullable(response.paginationToken()).filter(token -> !token.isEmpty()));
    }

    /**
     * The pool's first user, read into the domain's terms as a lookup reads the user it finds: one {@code ListUsers}
     * of one user. Empty for an empty pool (or a first user without a well-formed sub).
     *
     * @throws UserDirectoryUnavailableException when the pool cannot be read
     */
    public Optional<DirectoryUser> firstUser() {
        List<UserType> users;
        try {
            users = cognito.listUsers(b -> b.userPoolId(userPoolId).limit(1)).users();
        } catch (SdkException e) {
            throw unavailable(e);
        }
        return users.stream().findFirst().flatMap(user -> subOf(user).map(sub -> toDirectoryUser(sub, user)));
    }

    private static Optional<UserId> subOf(UserType user) {
        return user.attributes().stream()
                .filter(attribute -> attribute.name().equals("sub"))
                .map(AttributeType::value)
                .filter(CognitoSub::isWellFormed)
                .findFirst()
                .map(UserId::new);
    }

    private DirectoryUser toDirectoryUser(UserId sub, UserType user) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeType attribute : user.attributes()) {
            attributes.put(attribute.name(), attribute.value());
        }
        MappedAttributes mapped = mapper.toProfile(attributes, "Attributes");
        if (!mapped.userId().equals(sub)) {
            // An exact filter answered with another user: never act on it.
            throw new IllegalStateException("ListUsers filtered on one sub answered with another user");
        }
        // Cognito leaves Enabled out of some answers; a user is enabled unless it says otherwise.
        UserStatus status = Boolean.FALSE.equals(user.enabled()) ? UserStatus.DISABLED : UserStatus.ACTIVE;
        return new DirectoryUser(
                sub,
                mapped.profile(),
                status,
                CognitoUserStatus.eligible(user.userStatusAsString()),
                user.userCreateDate());
    }

    /** Throttling, a server error or no answer at all; not a missing pool, a denied call or a bad token. */
    static boolean passing(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return true;
    }

    /** Names the pool, the call and the failure; Cognito's messages are left out as they may quote user data. */
    private UserDirectoryUnavailableException unavailable(SdkException e) {
        return new UserDirectoryUnavailableException(
                "Cognito ListUsers on user pool " + userPoolId + " failed: " + reason(e), e, passing(e));
    }

    /** Cognito's error code and status, or the failure's type: never its message, which may quote user data. */
    static String reason(SdkException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")"
                : e.getClass().getSimpleName();
    }
}
