package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.out.UserRepository;
import dev.userprofile.bootstrap.config.Configuration;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Binds the repository port to the DynamoDB adapter. */
@Module
public final class PersistenceModule {

    private PersistenceModule() {
    }

    @Provides
    @Singleton
    static DynamoDbUserRepository dynamoDbUserRepository(DynamoDbEnhancedClient client, Configuration configuration) {
        return new DynamoDbUserRepository(client, configuration.tableName());
    }

    @Provides
    static UserRepository userRepository(DynamoDbUserRepository repository) {
        return repository;
    }
}
