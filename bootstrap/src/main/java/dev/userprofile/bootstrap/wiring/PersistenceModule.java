package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.bootstrap.config.Configuration;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The trigger's repositories on the real table, one per call budget. */
@Module
public final class PersistenceModule {

    private PersistenceModule() {}

    @Provides
    @Singleton
    @Registration
    static DynamoDbUserRepository registrationRepository(
            @Registration DynamoDbEnhancedClient client, Configuration configuration) {
        return new DynamoDbUserRepository(client, configuration.tableName());
    }

    @Provides
    @Singleton
    @SignIn
    static DynamoDbUserRepository signInRepository(@SignIn DynamoDbEnhancedClient client, Configuration configuration) {
        return new DynamoDbUserRepository(client, configuration.tableName());
    }
}
