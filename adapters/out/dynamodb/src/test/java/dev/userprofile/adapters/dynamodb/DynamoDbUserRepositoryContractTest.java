package dev.userprofile.adapters.dynamodb;

import dev.userprofile.application.testing.UserRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared repository contract, against a real DynamoDB-API server (dynalite) over HTTP on loopback. */
class DynamoDbUserRepositoryContractTest extends UserRepositoryContract<DynamoDbUserRepository> {

    private static LocalTable table;
    private static DynamoDbUserRepository repository;

    @BeforeAll
    static void startDynalite() {
        table = new LocalTable();
        repository = new DynamoDbUserRepository(table.enhanced, table.tableName);
    }

    @AfterAll
    static void stopDynalite() {
        table.close();
    }

    @Override
    protected DynamoDbUserRepository repository() {
        return repository;
    }
}
