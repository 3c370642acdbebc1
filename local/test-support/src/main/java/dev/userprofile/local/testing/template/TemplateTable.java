package dev.userprofile.local.testing.template;

import static dev.userprofile.local.testing.template.CloudFormationYaml.list;
import static dev.userprofile.local.testing.template.CloudFormationYaml.map;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A DynamoDB table as template.yaml defines it, so local tables are created from the one definition that is
 * deployed, never from a copy of its key schema.
 */
public record TemplateTable(
        String logicalId,
        List<AttributeDefinition> attributes,
        List<KeySchemaElement> keySchema,
        BillingMode billingMode) {

    public TemplateTable {
        attributes = List.copyOf(attributes);
        keySchema = List.copyOf(keySchema);
    }

    public static TemplateTable fromTemplate(Path template, String logicalId) {
        Map<String, Object> properties =
                CloudFormationYaml.properties(CloudFormationYaml.load(template), logicalId, "AWS::DynamoDB::Table");
        List<AttributeDefinition> attributes =
                list(properties.get("AttributeDefinitions"), logicalId + ".AttributeDefinitions").stream()
                        .map(a -> map(a, "AttributeDefinition"))
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType"))
                                .build())
                        .toList();
        List<KeySchemaElement> keys = list(properties.get("KeySchema"), logicalId + ".KeySchema").stream()
                .map(k -> map(k, "KeySchema"))
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
        BillingMode billing =
                BillingMode.fromValue(String.valueOf(properties.getOrDefault("BillingMode", "PROVISIONED")));
        return new TemplateTable(logicalId, attributes, keys, billing);
    }

    /** Creates the table under {@code tableName}; an existing table (a kept local data directory) is left alone. */
    public void create(DynamoDbClient dynamoDb, String tableName) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes)
                .keySchema(keySchema)
                .billingMode(billingMode);
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            // Kept from an earlier run with --path: reuse it.
        }
        try (DynamoDbWaiter waiter = fastWaiter(dynamoDb)) {
            waiter.waitUntilTableExists(b -> b.tableName(tableName));
        }
    }

    /** A waiter that polls every 50 ms: the SDK's default waits 20 s between polls, an age for a local server. */
    public static DynamoDbWaiter fastWaiter(DynamoDbClient dynamoDb) {
        return DynamoDbWaiter.builder()
                .client(dynamoDb)
                .overrideConfiguration(o -> o.maxAttempts(200)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50))))
                .build();
    }
}
