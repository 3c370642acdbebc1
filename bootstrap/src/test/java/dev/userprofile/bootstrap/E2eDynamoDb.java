package dev.userprofile.bootstrap;

import dev.userprofile.local.support.template.CloudFormationYaml;
import dev.userprofile.local.support.dynamodb.DynaliteServer;
import dev.userprofile.local.support.dynamodb.LocalDynamoDb;
import dev.userprofile.local.support.template.TemplateTable;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One dynalite per test JVM, on the port Maven reserved and passed to the handler as AWS_ENDPOINT_URL_DYNAMODB, with
 * the table named by TABLE_NAME created from template.yaml. Stopped when the JVM exits.
 */
final class E2eDynamoDb {

    static final String TABLE_NAME = System.getenv("TABLE_NAME");
    private static final DynaliteServer SERVER;
    static final DynamoDbClient CLIENT;

    static {
        int port = Integer.parseInt(System.getProperty("dynalite.port"));
        SERVER = DynaliteServer.start(port, Optional.empty());
        CLIENT = LocalDynamoDb.client(SERVER.endpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CLIENT.close();
            SERVER.close();
        }));
    }

    private E2eDynamoDb() {
    }

    /** An empty profiles table, as template.yaml defines it. */
    static void recreateTable() {
        dropTable();
        TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), "ProfilesTable").create(CLIENT, TABLE_NAME);
    }

    static void dropTable() {
        try {
            CLIENT.deleteTable(b -> b.tableName(TABLE_NAME));
            try (var waiter = TemplateTable.fastWaiter(CLIENT)) {
                waiter.waitUntilTableNotExists(b -> b.tableName(TABLE_NAME));
            }
        } catch (ResourceNotFoundException absent) {
            // Nothing to drop.
        }
    }

    static Map<String, AttributeValue> item(String sub) {
        return CLIENT.getItem(b -> b.tableName(TABLE_NAME).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(sub)))).item();
    }

    static int itemCount() {
        return CLIENT.scan(b -> b.tableName(TABLE_NAME).consistentRead(true)).count();
    }
}
