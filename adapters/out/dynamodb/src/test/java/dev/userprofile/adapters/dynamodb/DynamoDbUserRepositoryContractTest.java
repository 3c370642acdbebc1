package dev.userprofile.adapters.dynamodb;

import dev.userprofile.application.testing.UserRepositoryContract;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The shared repository contract, against a real DynamoDB-API server (dynalite) over HTTP on loopback. */
class DynamoDbUserRepositoryContractTest extends UserRepositoryContract<DynamoDbUserRepository> {

    private static LocalTables tables;
    private static DynamoDbEnhancedClient enhanced;
    private static DynamoDbUserRepository repository;

    @BeforeAll
    static void startDynalite() {
        tables = LocalTables.start("profiles-" + UUID.randomUUID());
        enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(tables.recordedClient())
                .build();
        repository = new DynamoDbUserRepository(enhanced, tables.tableName());
    }

    @AfterAll
    static void stopDynalite() {
        tables.close();
    }

    @Override
    protected DynamoDbUserRepository repository() {
        return repository;
    }
}
