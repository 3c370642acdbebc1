package dev.userprofile.adapters.dynamodb;

import dev.userprofile.application.port.out.AddResult;
import dev.userprofile.application.port.out.UserRepository;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@link UserRepository} on one DynamoDB table. A registration is a single PutItem conditioned on the key being
 * absent: atomic and race-safe without a read first, and a retried or overlapping delivery finds the item there.
 */
public final class DynamoDbUserRepository implements UserRepository {

    private static final Expression KEY_ABSENT = Expression.builder()
            .expression("attribute_not_exists(#key)")
            .putExpressionName("#key", UserItemSchema.PARTITION_KEY)
            .build();

    private final DynamoDbTable<UserItem> table;

    public DynamoDbUserRepository(DynamoDbEnhancedClient client, String tableName) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tableName, "tableName");
        this.table = client.table(tableName, UserItemSchema.TABLE_SCHEMA);
    }

    @Override
    public AddResult addIfAbsent(User user) {
        PutItemEnhancedRequest<UserItem> request = PutItemEnhancedRequest.builder(UserItem.class)
                .item(UserItemMapper.toItem(user))
                .conditionExpression(KEY_ABSENT)
                .build();
        try {
            table.putItem(request);
            return AddResult.ADDED;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return AddResult.ALREADY_PRESENT;
        } catch (SdkException e) {
            throw unavailable("PutItem", e);
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        Key key = Key.builder().partitionValue(id.value()).build();
        try {
            UserItem item = table.getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
            return Optional.ofNullable(item).map(UserItemMapper::toUser);
        } catch (SdkException e) {
            throw unavailable("GetItem", e);
        }
    }

    /** Names the table, the call and the failure; AWS error messages are left out as they may quote item data. */
    private UserRepositoryUnavailableException unavailable(String operation, SdkException e) {
        String reason = e instanceof DynamoDbException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new UserRepositoryUnavailableException(
                "DynamoDB " + operation + " on table " + table.tableName() + " failed: " + reason, e);
    }
}
