package dev.userprofile.local.runner;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads profile items back from the local table. */
final class Profiles {

    private Profiles() {}

    static Map<String, AttributeValue> item(LocalStack stack, String sub) {
        return stack.dynamoDb()
                .getItem(b -> b.tableName(LocalStack.TABLE_NAME)
                        .consistentRead(true)
                        .key(Map.of("userId", AttributeValue.fromS(sub))))
                .item();
    }

    static String describe(LocalStack stack, String sub) {
        Map<String, AttributeValue> item = item(stack, sub);
        return item.isEmpty() ? "(none)" : DynamoDbJson.format(new TreeMap<>(item));
    }

    static int count(LocalStack stack) {
        return stack
                .dynamoDb()
                .scanPaginator(b -> b.tableName(LocalStack.TABLE_NAME).consistentRead(true))
                .stream()
                .mapToInt(page -> page.count())
                .sum();
    }
}
