package dev.userprofile.adapters.dynamodb;

import dev.userprofile.adapters.dynamodb.RegistrationSchema.Registration;
import dev.userprofile.application.port.out.InventoryPage;
import dev.userprofile.application.port.out.UserEraser;
import dev.userprofile.application.port.out.UserInventory;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserRegistrar.AddResult;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The user ports ({@link UserLoader}, {@link UserRegistrar}, {@link UserUpdater}, {@link UserEraser},
 * {@link UserInventory}) on one
 * DynamoDB table. A registration is a single PutItem conditioned on the key being
 * absent: atomic and race-safe without a read first, and a retried or overlapping delivery finds the item there.
 */
public final class DynamoDbUserRepository implements UserLoader, UserRegistrar, UserUpdater, UserEraser, UserInventory {

    private static final Expression KEY_ABSENT = Expression.builder()
            .expression("attribute_not_exists(#key)")
            .putExpressionName("#key", UserItemSchema.PARTITION_KEY)
            .build();
    /** A change: the user must be there, at the version the change was based on. */
    private static final String AT_VERSION = "attribute_exists(#key) AND #version = :expected";
    /**
     * The same for an item stored before versions were kept (version 0). A tombstone has no version either, so the
     * condition names it too: a change must never write a profile back over an erasure.
     */
    private static final Expression AT_NO_VERSION = Expression.builder()
            .expression("attribute_exists(#key) AND attribute_not_exists(#version) AND attribute_not_exists(#erased)")
            .putExpressionName("#key", UserItemSchema.PARTITION_KEY)
            .putExpressionName("#version", UserItemSchema.VERSION)
            .putExpressionName("#erased", UserItemSchema.ERASED_AT)
            .build();
    /** An erasure: anything but an earlier tombstone, which is kept as it was. */
    private static final Expression NOT_ERASED = Expression.builder()
            .expression("attribute_not_exists(#erased)")
            .putExpressionName("#erased", UserItemSchema.ERASED_AT)
            .build();

    private final DynamoDbEnhancedClient enhanced;
    private final int scanPage;
    private final DynamoDbTable<User> table;
    private final DynamoDbTable<Registration> registrations;
    private final DynamoDbTable<UserLookup> lookups;
    private final DynamoDbTable<Erasure> erasures;
    private final DynamoDbTable<UserItemSchema.StoredKey> keys;

    public DynamoDbUserRepository(DynamoDbEnhancedClient client, String tableName) {
        this(client, tableName, SCAN_PAGE);
    }

    /** With Scan pages of {@code scanPage} items (tests walk many pages with few items). */
    DynamoDbUserRepository(DynamoDbEnhancedClient client, String tableName, int scanPage) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tableName, "tableName");
        this.enhanced = client;
        this.scanPage = scanPage;
        this.table = client.table(tableName, UserItemSchema.TABLE_SCHEMA);
        this.registrations = client.table(tableName, RegistrationSchema.INSTANCE);
        this.lookups = client.table(tableName, UserLookupSchema.INSTANCE);
        this.erasures = client.table(tableName, UserItemSchema.ERASURE_SCHEMA);
        this.keys = client.table(tableName, UserItemSchema.KEY_SCHEMA);
    }

    /**
     * The item carries a new attempt id. The SDK sends the same request again when an attempt's response is lost or
     * late, and that retry is refused by the item its own first attempt wrote: the refusal returns the stored item,
     * and the same attempt id there means this call registered the user after all.
     */
    @Override
    public AddResult addIfAbsent(User user) {
        String attempt = UUID.randomUUID().toString();
        PutItemEnhancedRequest<Registration> request = PutItemEnhancedRequest.builder(Registration.class)
                .item(new Registration(user, attempt))
                .conditionExpression(KEY_ABSENT)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            registrations.putItem(request);
            return AddResult.ADDED;
        } catch (ConditionalCheckFailedException alreadyThere) {
            String stored = alreadyThere.hasItem() && !alreadyThere.item().isEmpty()
                    ? RegistrationSchema.attemptOf(alreadyThere.item())
                    : storedAttempt(user.id());
            return attempt.equals(stored) ? AddResult.ADDED : AddResult.ALREADY_PRESENT;
        } catch (SdkException e) {
            throw unavailable("PutItem", e);
        }
    }

    /**
     * The stored item's attempt id, read consistently. DynamoDB returns the item with the refusal; an emulator may
     * not. The user is stored either way, so a failed read only costs the count: it says another call registered.
     */
    private @Nullable String storedAttempt(UserId id) {
        try {
            UserItemSchema.StoredKey stored = keys.getItem(get(id, true));
            return stored == null ? null : stored.registrationAttempt();
        } catch (SdkException e) {
            return null;
        }
    }

    /** One consistent GetItem, mapped as a profile or a tombstone by what the item holds. */
    @Override
    public UserLookup lookUp(UserId id) {
        return lookUp(id, true);
    }

    /** The same GetItem, eventually consistent: half the read capacity. */
    @Override
    public UserLookup lookUpCheaply(UserId id) {
        return lookUp(id, false);
    }

    private UserLookup lookUp(UserId id, boolean consistent) {
        try {
            UserLookup stored = lookups.getItem(get(id, consistent));
            return stored == null ? new UserLookup.Absent() : stored;
        } catch (SdkException e) {
            throw unavailable("GetItem", e);
        }
    }

    /**
     * One PutItem of the tombstone in place of the whole item, unless a tombstone is there already: the profile's
     * attributes are gone in the same step, and a registration's key-absent condition fails on the tombstone.
     */
    @Override
    public EraseResult erase(Erasure erasure) {
        try {
            erasures.putItem(PutItemEnhancedRequest.builder(Erasure.class)
                    .item(erasure)
                    .conditionExpression(NOT_ERASED)
                    .build());
            return EraseResult.ERASED;
        } catch (ConditionalCheckFailedException alreadyErased) {
            return EraseResult.ALREADY_ERASED;
        } catch (SdkException e) {
            throw unavailable("PutItem", e);
        }
    }

    /**
     * One PutItem of the whole changed item, conditioned on the stored item's version: atomic against concurrent
     * changes and never creating an item. A refused condition returns the stored item, which tells a missing user
     * from a changed one.
     */
    @Override
    public ReplaceResult replace(User updated, long expectedVersion) {
        Expression condition = expectedVersion == 0
                ? AT_NO_VERSION
                : Expression.builder()
                        .expression(AT_VERSION)
                        .putExpressionName("#key", UserItemSchema.PARTITION_KEY)
                        .putExpressionName("#version", UserItemSchema.VERSION)
                        .putExpressionValue(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))
                        .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(User.class)
                    .item(updated)
                    .conditionExpression(condition)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return ReplaceResult.REPLACED;
        } catch (ConditionalCheckFailedException refused) {
            if (refused.hasItem() && !refused.item().isEmpty()) {
                return UserItemSchema.isErasure(refused.item())
                        ? ReplaceResult.NOT_FOUND
                        : ReplaceResult.VERSION_CONFLICT;
            }
            // DynamoDB returns the stored item with the refusal; an emulator may not, so ask once more.
            return lookUp(updated.id()) instanceof UserLookup.Found
                    ? ReplaceResult.VERSION_CONFLICT
                    : ReplaceResult.NOT_FOUND;
        } catch (SdkException e) {
            throw unavailable("PutItem", e);
        }
    }

    private static GetItemEnhancedRequest get(UserId id, boolean consistent) {
        return GetItemEnhancedRequest.builder()
                .key(key(id))
                .consistentRead(consistent)
                .build();
    }

    private static Key key(UserId id) {
        return Key.builder().partitionValue(id.value()).build();
    }

    /**
     * One eventually consistent GetItem (half the read capacity of a consistent one): a lag is harmless, because the
     * caller registers with the conditional put whenever this says no.
     */
    @Override
    public boolean exists(UserId id) {
        try {
            // Through the key-only view: a tombstone counts as there, and is never mapped to a user.
            return keys.getItem(get(id, false)) != null;
        } catch (SdkException e) {
            throw unavailable("GetItem", e);
        }
    }

    /** Items a Scan page asks for: a page answers in well under a second, whatever the items' size. */
    static final int SCAN_PAGE = 250;

    /**
     * One Scan page of whole items, each mapped as a profile or a tombstone; tombstones are no stored users. The
     * position is the last key the page read. (A Scan is charged by the size of the items read, whatever it projects,
     * so reading whole items costs no more than reading keys.)
     */
    @Override
    public InventoryPage page(Optional<String> from) {
        ScanEnhancedRequest.Builder request = ScanEnhancedRequest.builder().limit(scanPage);
        from.ifPresent(
                key -> request.exclusiveStartKey(Map.of(UserItemSchema.PARTITION_KEY, AttributeValue.fromS(key))));
        try {
            Page<UserLookup> page = lookups.scan(request.build()).iterator().next();
            List<User> users = new ArrayList<>(page.items().size());
            for (UserLookup stored : page.items()) {
                if (stored instanceof UserLookup.Found found) {
                    users.add(found.user());
                }
            }
            Optional<String> next = Optional.ofNullable(page.lastEvaluatedKey())
                    .filter(key -> !key.isEmpty())
                    .map(key -> UserItemSchema.required(
                                    key.get(UserItemSchema.PARTITION_KEY), UserItemSchema.PARTITION_KEY)
                            .s());
            return new InventoryPage(users, next);
        } catch (SdkException e) {
            throw unavailable("Scan", e);
        }
    }

    /**
     * One BatchGetItem, eventually consistent (half the read capacity); keys DynamoDB leaves unprocessed are asked
     * for again by the enhanced client's pages.
     */
    @Override
    public Map<UserId, UserLookup> lookUpAll(Set<UserId> ids) {
        if (ids.size() > MOST_AT_ONCE) {
            throw new IllegalArgumentException("at most " + MOST_AT_ONCE + " ids at once");
        }
        Map<UserId, UserLookup> found = new HashMap<>();
        ids.forEach(id -> found.put(id, new UserLookup.Absent()));
        if (ids.isEmpty()) {
            return found;
        }
        ReadBatch.Builder<UserLookup> batch =
                ReadBatch.builder(UserLookup.class).mappedTableResource(lookups);
        ids.forEach(id -> batch.addGetItem(get(id, false)));
        try {
            enhanced.batchGetItem(b -> b.readBatches(batch.build()))
                    .resultsForTable(lookups)
                    .forEach(stored -> found.put(idOf(stored), stored));
        } catch (SdkException e) {
            throw unavailable("BatchGetItem", e);
        }
        return found;
    }

    private static UserId idOf(UserLookup stored) {
        return switch (stored) {
            case UserLookup.Found f -> f.user().id();
            case UserLookup.Erased e -> e.erasure().id();
            case UserLookup.Absent a -> throw new IllegalStateException("a batch read returned no item");
        };
    }

    /** Names the table, the call and the failure; AWS error messages are left out as they may quote item data. */
    private UserStoreUnavailableException unavailable(String operation, SdkException e) {
        return unavailable(table.tableName(), operation, e);
    }

    /** The same for any call on {@code tableName}. */
    public static UserStoreUnavailableException unavailable(String tableName, String operation, SdkException e) {
        String reason = e instanceof DynamoDbException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new UserStoreUnavailableException(
                "DynamoDB " + operation + " on table " + tableName + " failed: " + reason, e);
    }
}
