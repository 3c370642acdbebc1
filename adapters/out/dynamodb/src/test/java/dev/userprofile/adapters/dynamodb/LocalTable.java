package dev.userprofile.adapters.dynamodb;

import dev.userprofile.local.support.template.CloudFormationYaml;
import dev.userprofile.local.support.dynamodb.DynaliteServer;
import dev.userprofile.local.support.dynamodb.LocalDynamoDb;
import dev.userprofile.local.support.template.TemplateTable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** dynalite with the profiles table created from template.yaml, and clients that record every call they make. */
final class LocalTable implements AutoCloseable {

    final DynaliteServer server;
    final DynamoDbClient client;
    final DynamoDbEnhancedClient enhanced;
    final String tableName = "profiles-" + UUID.randomUUID();
    final List<String> operations = new CopyOnWriteArrayList<>();

    LocalTable() {
        server = DynaliteServer.start();
        client = LocalDynamoDb.client(server.endpoint(), new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        });
        TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), "ProfilesTable").create(client, tableName);
        operations.clear();
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
