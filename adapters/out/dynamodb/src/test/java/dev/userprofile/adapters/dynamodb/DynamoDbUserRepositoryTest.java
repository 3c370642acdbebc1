package dev.userprofile.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.out.InventoryPage;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserRegistrar.AddResult;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.FieldChange;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import dev.userprofile.local.testing.dynamodb.LocalDynamoDb;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.net.LoopbackPorts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stored layout and the calls made, seen from DynamoDB's side. */
class DynamoDbUserRepositoryTest {

    private static LocalTables tables;
    private static DynamoDbEnhancedClient enhanced;
    private DynamoDbUserRepository repository;

    @BeforeAll
    static void startDynalite() {
        tables = LocalTables.start("profiles-" + UUID.randomUUID());
        enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(tables.recordedClient())
                .build();
    }

    @AfterAll
    static void stopDynalite() {
        tables.close();
    }

    @BeforeEach
    void setUp() {
        repository = new DynamoDbUserRepository(enhanced, tables.tableName());
        tables.front().clearRequests();
    }

    private Map<String, AttributeValue> rawItem(String sub) {
        return tables.client()
                .getItem(b -> b.tableName(tables.tableName())
                        .key(Map.of("userId", AttributeValue.fromS(sub)))
                        .consistentRead(true))
                .item();
    }

    @Test
    void storesTheDocumentedLayout() {
        User user = User.register(
                new UserId("layout-1"),
                UserProfile.builder()
                        .email(VerifiableEmail.of("jane@example.com", true))
                        .phone(VerifiablePhone.of("+447700900123", false))
                        .givenName(new Name("Jane"))
                        .build(),
                Instant.parse("2026-11-27T10:15:30.123Z"));

        repository.addIfAbsent(user);

        Map<String, AttributeValue> stored = new java.util.HashMap<>(rawItem("layout-1"));
        assertThat(UUID.fromString(stored.remove("registrationAttempt").s()))
                .as("the attempt id is a random UUID")
                .isNotNull();
        assertThat(stored)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("userId", AttributeValue.fromS("layout-1")),
                        Map.entry("email", AttributeValue.fromS("jane@example.com")),
                        Map.entry("emailVerified", AttributeValue.fromBool(true)),
                        Map.entry("phoneNumber", AttributeValue.fromS("+447700900123")),
                        Map.entry("phoneNumberVerified", AttributeValue.fromBool(false)),
                        Map.entry("givenName", AttributeValue.fromS("Jane")),
                        Map.entry("accountStatus", AttributeValue.fromS("ACTIVE")),
                        Map.entry("registeredAt", AttributeValue.fromS("2026-11-27T10:15:30.123Z")),
                        Map.entry("identitySyncedAt", AttributeValue.fromS("2026-11-27T10:15:30.123Z")),
                        Map.entry("version", AttributeValue.fromN("1")),
                        Map.entry("schemaVersion", AttributeValue.fromN("1"))));
    }

    @Test
    void absentOptionalPartsAreAbsentAttributesNotNulls() {
        repository.addIfAbsent(
                User.register(new UserId("minimal-1"), UserProfile.empty(), Instant.parse("2026-11-27T10:15:30Z")));

        assertThat(rawItem("minimal-1"))
                .containsOnlyKeys(
                        "userId",
                        "accountStatus",
                        "registeredAt",
                        "identitySyncedAt",
                        "version",
                        "schemaVersion",
                        "registrationAttempt");
    }

    @Test
    void aProfileStoredBeforeVersionsWereKeptIsReadAsVersionZeroAndChangedWithoutMigration() {
        tables.client()
                .putItem(b -> b.tableName(tables.tableName())
                        .item(Map.of(
                                "userId", AttributeValue.fromS("legacy-1"),
                                "email", AttributeValue.fromS("old@example.com"),
                                "emailVerified", AttributeValue.fromBool(true),
                                "givenName", AttributeValue.fromS("Olga"),
                                "registeredAt", AttributeValue.fromS("2025-01-01T00:00:00Z"),
                                "schemaVersion", AttributeValue.fromN("1"))));

        User legacy = repository.findById(new UserId("legacy-1")).orElseThrow();
        assertThat(legacy.version()).isZero();
        assertThat(legacy.updatedAt()).isEmpty();
        assertThat(legacy.status()).as("no status stored: active").isEqualTo(UserStatus.ACTIVE);
        assertThat(legacy.identitySyncedAt()).isEmpty();
        User edited = legacy.edit(
                new ProfilePatch(
                        FieldChange.keep(), FieldChange.set(new Name("Old")), FieldChange.keep(), FieldChange.keep()),
                Instant.parse("2026-11-30T10:00:00.5Z"));

        assertThat(repository.replace(edited, 1)).isEqualTo(UserUpdater.ReplaceResult.VERSION_CONFLICT);
        assertThat(repository.replace(edited, 0)).isEqualTo(UserUpdater.ReplaceResult.REPLACED);

        assertThat(rawItem("legacy-1"))
                .containsEntry("version", AttributeValue.fromN("1"))
                .containsEntry("familyName", AttributeValue.fromS("Old"))
                .containsEntry("updatedAt", AttributeValue.fromS("2026-11-30T10:00:00.500Z"))
                .containsEntry("email", AttributeValue.fromS("old@example.com"))
                .containsEntry("registeredAt", AttributeValue.fromS("2025-01-01T00:00:00Z"));
        assertThat(repository.replace(edited, 0))
                .as("no longer version 0")
                .isEqualTo(UserUpdater.ReplaceResult.VERSION_CONFLICT);
    }

    @Test
    void aRegistrationIsOnePutItemWithNoReadBeforeIt() {
        User user = User.register(new UserId("one-call-1"), UserProfile.empty(), Instant.EPOCH);

        assertThat(repository.addIfAbsent(user)).isEqualTo(AddResult.ADDED);
        assertThat(tables.operations()).containsExactly("PutItem");

        tables.front().clearRequests();
        assertThat(repository.addIfAbsent(user)).isEqualTo(AddResult.ALREADY_PRESENT);
        // DynamoDB returns the stored item with the refusal; dynalite does not, so the attempt id is read after it.
        assertThat(tables.operations()).containsExactly("PutItem", "GetItem");
    }

    @Test
    void aRetryThatFindsItsOwnLostWriteCountsAsARegistration() {
        User user = User.register(new UserId("lost-response-1"), UserProfile.empty(), Instant.EPOCH);
        // Built as the trigger builds its client: the SDK's retries within the registration's budget.
        DynamoDbClient retrying = DynamoDbClients.builder(
                        LocalDynamoDb.REGION.id(),
                        Optional.of(tables.front().endpoint()),
                        DynamoDbClients.httpClient(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                        DynamoDbCallBudget.REGISTRATION)
                .build();
        DynamoDbUserRepository repository =
                new DynamoDbUserRepository(DynamoDbClients.enhanced(retrying), tables.tableName());
        tables.front().failNext(1, FaultInjectingProxy.Fault.RESPONSE_LOST_AFTER_WRITE);

        assertThat(repository.addIfAbsent(user))
                .as("the first attempt wrote the item; the SDK's retry found it")
                .isEqualTo(AddResult.ADDED);
        assertThat(tables.operations()).startsWith("PutItem", "PutItem");
        assertThat(tables.front().forwardedCount()).isGreaterThanOrEqualTo(2);

        assertThat(repository.addIfAbsent(user))
                .as("another call for the same user did not write it")
                .isEqualTo(AddResult.ALREADY_PRESENT);
        retrying.close();
    }

    @Test
    void aChangeDropsTheRegistrationAttempt() {
        User user = User.register(new UserId("attempt-dropped-1"), UserProfile.empty(), Instant.EPOCH);
        repository.addIfAbsent(user);
        assertThat(rawItem("attempt-dropped-1")).containsKey("registrationAttempt");

        User edited = user.edit(
                new ProfilePatch(
                        FieldChange.set(new Name("Ann")), FieldChange.keep(), FieldChange.keep(), FieldChange.keep()),
                Instant.EPOCH.plusSeconds(1));
        assertThat(repository.replace(edited, user.version())).isEqualTo(UserUpdater.ReplaceResult.REPLACED);

        assertThat(rawItem("attempt-dropped-1")).doesNotContainKey("registrationAttempt");
    }

    @Test
    void aMissingTableIsReportedByNameWithoutUserData() {
        DynamoDbUserRepository missing = new DynamoDbUserRepository(enhanced, "no-such-table");
        User user = User.register(
                new UserId("sub-missing"),
                UserProfile.builder()
                        .email(VerifiableEmail.of("jane@example.com", true))
                        .build(),
                Instant.EPOCH);

        assertThatThrownBy(() -> missing.addIfAbsent(user))
                .isInstanceOf(UserStoreUnavailableException.class)
                .hasMessage("DynamoDB PutItem on table no-such-table failed: ResourceNotFoundException (HTTP 400)")
                .message()
                .doesNotContain("jane");
        assertThatThrownBy(() -> missing.findById(user.id()))
                .isInstanceOf(UserStoreUnavailableException.class)
                .hasMessageStartingWith("DynamoDB GetItem on table no-such-table failed");
    }

    @Test
    void anUnreachableServerIsReportedAsUnavailable() {
        int closedPort = LoopbackPorts.free();
        DynamoDbClient client = LocalDynamoDb.client(URI.create("http://127.0.0.1:" + closedPort));
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbUserRepository unreachable = new DynamoDbUserRepository(enhanced, tables.tableName());

        assertThatThrownBy(() ->
                        unreachable.addIfAbsent(User.register(new UserId("sub-x"), UserProfile.empty(), Instant.EPOCH)))
                .isInstanceOf(UserStoreUnavailableException.class)
                .hasMessageStartingWith(
                        "DynamoDB PutItem on table " + tables.tableName() + " failed: SdkClientException");
        client.close();
    }

    @Test
    void aTombstoneHoldsOnlyTheKeyWhenWhyAndAnExpiryInEpochSeconds() {
        repository.addIfAbsent(User.register(
                new UserId("erased-1"),
                UserProfile.builder()
                        .email(VerifiableEmail.of("gone@example.com", true))
                        .givenName(new Name("Gone"))
                        .build(),
                Instant.parse("2026-11-27T10:15:30Z")));
        Erasure erasure = Erasure.of(
                new UserId("erased-1"),
                Instant.parse("2026-12-01T08:00:00.250Z"),
                ErasureReason.DELETED_FROM_POOL,
                Duration.ofDays(30));

        assertThat(repository.erase(erasure)).isEqualTo(UserEraser.EraseResult.ERASED);

        assertThat(rawItem("erased-1"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "userId",
                        AttributeValue.fromS("erased-1"),
                        "erasedAt",
                        AttributeValue.fromS("2026-12-01T08:00:00.250Z"),
                        "erasureReason",
                        AttributeValue.fromS("DELETED_FROM_POOL"),
                        UserItemSchema.EXPIRES_AT,
                        AttributeValue.fromN(Long.toString(
                                Instant.parse("2026-12-31T08:00:00Z").getEpochSecond()))));
    }

    @Test
    void aChangeToAProfileFromBeforeVersionsNeverWritesOverItsErasure() {
        tables.client()
                .putItem(b -> b.tableName(tables.tableName())
                        .item(Map.of(
                                "userId", AttributeValue.fromS("legacy-erased"),
                                "givenName", AttributeValue.fromS("Olga"),
                                "registeredAt", AttributeValue.fromS("2025-01-01T00:00:00Z"))));
        User legacy = repository.findById(new UserId("legacy-erased")).orElseThrow();
        repository.erase(Erasure.of(
                legacy.id(),
                Instant.parse("2026-12-01T08:00:00Z"),
                ErasureReason.DELETED_FROM_POOL,
                Duration.ofDays(1)));
        tables.front().clearRequests();

        User edited = legacy.edit(
                new ProfilePatch(
                        FieldChange.keep(), FieldChange.set(new Name("Back")), FieldChange.keep(), FieldChange.keep()),
                Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(repository.replace(edited, 0)).isEqualTo(UserUpdater.ReplaceResult.NOT_FOUND);
        assertThat(rawItem("legacy-erased")).doesNotContainKey("givenName").doesNotContainKey("familyName");
    }

    @Test
    void aScanListsEveryStoredUserWholeAndLeavesTombstonesOut() {
        for (int i = 0; i < 30; i++) {
            repository.addIfAbsent(User.register(
                    new UserId("scan-" + i),
                    UserProfile.builder().givenName(new Name("N" + i)).build(),
                    Instant.parse("2026-11-27T10:15:30Z")));
        }
        repository.erase(Erasure.of(
                new UserId("scan-7"),
                Instant.parse("2026-12-01T08:00:00Z"),
                ErasureReason.DELETED_FROM_POOL,
                Duration.ofDays(1)));
        tables.front().clearRequests();
        java.util.Map<String, User> seen = new java.util.TreeMap<>();

        repository.forEachUser(user -> seen.put(user.id().value(), user));

        assertThat(seen.keySet())
                .filteredOn(id -> id.startsWith("scan-"))
                .hasSize(29)
                .doesNotContain("scan-7");
        assertThat(seen.get("scan-8").profile().givenName()).contains(new Name("N8"));
        assertThat(tables.operations()).allMatch("Scan"::equals);
    }

    @Test
    void pagesThroughTheTableWithAScanPageAtATimeFromWhereTheLastStopped() {
        DynamoDbUserRepository smallPages = new DynamoDbUserRepository(enhanced, tables.tableName(), 2);
        String prefix = "walk-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 9; i++) {
            smallPages.addIfAbsent(
                    User.register(new UserId(prefix + i), UserProfile.empty(), Instant.parse("2026-11-27T10:15:30Z")));
        }
        tables.front().clearRequests();
        List<String> seen = new ArrayList<>();
        Optional<String> from = Optional.empty();
        int pages = 0;
        do {
            InventoryPage page = smallPages.page(from);
            page.users().forEach(user -> seen.add(user.id().value()));
            from = page.next();
            pages++;
        } while (from.isPresent());

        assertThat(seen).filteredOn(id -> id.startsWith(prefix)).hasSize(9).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertThat(tables.operations()).allMatch("Scan"::equals).hasSize(pages);
    }
}
