package dev.userprofile.adapters.cognito.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.cognito.directory.priming.DirectoryPriming;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.CognitoSub;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** The directory against cognito-local, a Cognito user pools emulator, through the client a function builds. */
class CognitoUserDirectoryTest {

    @TempDir
    static Path cognitoData;

    private static CognitoLocalServer cognitoLocal;
    private static CognitoIdentityProviderClient admin;
    private static CognitoIdentityProviderClient functionClient;
    private static String poolId;
    private static CognitoUserDirectory directory;

    @BeforeAll
    static void startCognitoLocal() {
        cognitoLocal = CognitoLocalServer.start(
                0, cognitoData, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", line -> {});
        admin = cognitoLocal.client();
        poolId = admin.createUserPool(b -> b.poolName("directory")).userPool().id();
        functionClient = CognitoClients.builder(
                        "eu-west-1",
                        Optional.of(cognitoLocal.endpoint()),
                        UrlConnectionHttpClient.create(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        directory = new CognitoUserDirectory(functionClient, poolId, new CognitoAttributesMapper());
    }

    @AfterAll
    static void stop() {
        functionClient.close();
        admin.close();
        cognitoLocal.close();
    }

    private static AttributeType attribute(String name, String value) {
        return PoolUsers.attribute(name, value);
    }

    /** An invited user; {@code confirmed} sets a permanent password, as a first sign-in would. */
    private static UserId createUser(String email, boolean confirmed) {
        AttributeType[] more = {attribute("given_name", "Ada"), attribute("locale", "en-GB")};
        return new UserId(
                confirmed
                        ? PoolUsers.confirmed(admin, poolId, email, more)
                        : PoolUsers.invited(admin, poolId, email, more));
    }

    private static String email() {
        return "u" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void findsAConfirmedUserBySubInTheDomainsTerms() {
        String email = email();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        UserId sub = createUser(email, true);

        DirectoryUser found = directory.findBySub(sub).orElseThrow();

        assertThat(found.id()).isEqualTo(sub);
        assertThat(found.profile().email()).contains(VerifiableEmail.of(email, true));
        assertThat(found.profile().givenName()).contains(new Name("Ada"));
        assertThat(found.profile().locale()).contains(new LanguageTag("en-GB"));
        assertThat(found.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(found.eligible()).isTrue();
        assertThat(found.createdAt()).isAfterOrEqualTo(before);
    }

    @Test
    void seesAttributeChangesDisablingAndEnabling() {
        String email = email();
        UserId sub = createUser(email, true);
        String changed = email();

        admin.adminDisableUser(b -> b.userPoolId(poolId).username(email));
        admin.adminUpdateUserAttributes(b -> b.userPoolId(poolId)
                .username(email)
                .userAttributes(attribute("email", changed), attribute("email_verified", "false")));

        DirectoryUser disabled = directory.findBySub(sub).orElseThrow();
        assertThat(disabled.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(disabled.profile().email()).contains(VerifiableEmail.of(changed, false));

        admin.adminEnableUser(b -> b.userPoolId(poolId).username(changed));
        assertThat(directory.findBySub(sub).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void anInvitedUserWhoHasNotSignedInIsNotYetEligible() {
        UserId sub = createUser(email(), false);

        assertThat(directory.findBySub(sub).orElseThrow().eligible()).isFalse();
    }

    @Test
    void aDeletedOrUnknownUserIsNotFound() {
        String email = email();
        UserId sub = createUser(email, true);
        admin.adminDeleteUser(b -> b.userPoolId(poolId).username(email));

        assertThat(directory.findBySub(sub)).isEmpty();
        assertThat(directory.findBySub(new UserId(UUID.randomUUID().toString())))
                .isEmpty();
    }

    @Test
    void aPoolThatCannotBeReadIsUnavailableNeverEmpty() {
        CognitoUserDirectory wrongPool =
                new CognitoUserDirectory(functionClient, "eu-west-1_missing", new CognitoAttributesMapper());
        UserId sub = createUser(email(), true);

        assertThatThrownBy(() -> wrongPool.findBySub(sub))
                .isInstanceOf(UserDirectoryUnavailableException.class)
                .hasMessageStartingWith("Cognito ListUsers on user pool eu-west-1_missing failed: ")
                .hasMessageNotContaining(sub.value());
    }

    @Test
    void anUnreachableEndpointIsUnavailable() {
        try (CognitoIdentityProviderClient unreachable = CognitoClients.builder(
                        "eu-west-1",
                        Optional.of(URI.create("http://127.0.0.1:9")),
                        UrlConnectionHttpClient.create(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            CognitoUserDirectory down = new CognitoUserDirectory(unreachable, poolId, new CognitoAttributesMapper());

            assertThatThrownBy(() -> down.findBySub(new UserId(UUID.randomUUID().toString())))
                    .isInstanceOf(UserDirectoryUnavailableException.class)
                    .hasMessageContaining("SdkClientException");
        }
    }

    @Test
    void listsEveryUserOfThePoolPageByPage() {
        String pool =
                admin.createUserPool(b -> b.poolName("listing")).userPool().id();
        CognitoUserDirectory listing = new CognitoUserDirectory(functionClient, pool, new CognitoAttributesMapper());
        java.util.Set<UserId> created = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(new UserId(PoolUsers.invited(admin, pool, email())));
        }
        java.util.Set<UserId> listed = new java.util.HashSet<>();
        Optional<String> next = Optional.empty();
        int pages = 0;
        do {
            var page = listing.page(next);
            page.users().forEach(user -> listed.add(user.id()));
            assertThat(page.unreadable()).isZero();
            next = page.nextPage();
            pages++;
        } while (next.isPresent() && pages < 10);

        assertThat(listed).isEqualTo(created);
        assertThatThrownBy(() -> new CognitoUserDirectory(
                                functionClient, "eu-west-1_missing", new CognitoAttributesMapper())
                        .page(Optional.empty()))
                .isInstanceOf(UserDirectoryUnavailableException.class);
    }

    @Test
    void aSubThatCannotBeFilteredIsRefusedWithoutACall() {
        assertThatThrownBy(() -> directory.findBySub(new UserId("a\"b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("a\"b");
        assertThat(CognitoSub.isWellFormed(UUID.randomUUID().toString())).isTrue();
    }

    @Test
    void theAccountDeleterDeletesByUserNameAndARepeatFindsItGone() {
        String email = email();
        UserId sub = createUser(email, true);
        CognitoAccountDeleter deleter = new CognitoAccountDeleter(functionClient, poolId);

        assertThat(deleter.deleteAccount(email)).isEqualTo(UserAccountDeleter.Deletion.DELETED);
        assertThat(directory.findBySub(sub)).isEmpty();
        assertThat(deleter.deleteAccount(email)).isEqualTo(UserAccountDeleter.Deletion.ALREADY_GONE);
    }

    @Test
    void theAccountDeleterReportsAPoolItCannotReachWithoutTheUserName() {
        CognitoAccountDeleter deleter = new CognitoAccountDeleter(functionClient, "eu-west-1_NoSuchPool");

        assertThatThrownBy(() -> deleter.deleteAccount("jane@example.com"))
                .isInstanceOf(UserDirectoryUnavailableException.class)
                .hasMessageContaining("AdminDeleteUser on user pool eu-west-1_NoSuchPool failed")
                .hasMessageNotContaining("jane");
    }

    @Test
    void theFirstUserIsReadAsALookupReadsAUserAndThePrimingFailsAsALookupFails() {
        createUser(email(), true);
        String empty = admin.createUserPool(b -> b.poolName("empty-" + UUID.randomUUID()))
                .userPool()
                .id();

        assertThat(directory.firstUser()).isPresent();
        assertThat(new CognitoUserDirectory(functionClient, empty, new CognitoAttributesMapper()).firstUser())
                .isEmpty();
        DirectoryPriming.requests("cognito-requests", directory).prime();

        assertThatThrownBy(() -> DirectoryPriming.requests(
                                "cognito-requests",
                                new CognitoUserDirectory(
                                        functionClient, "eu-west-1_NoSuchPool", new CognitoAttributesMapper()))
                        .prime())
                .isInstanceOf(UserDirectoryUnavailableException.class)
                .hasMessageContaining("eu-west-1_NoSuchPool");
    }
}
