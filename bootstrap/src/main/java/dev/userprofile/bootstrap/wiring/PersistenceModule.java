package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.bootstrap.config.Configuration;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Binds the narrow user ports the trigger uses to the DynamoDB adapter, once per call budget. */
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

    @Provides
    @Registration
    static UserRegistrar registrationRegistrar(@Registration DynamoDbUserRepository repository) {
        return repository;
    }

    @Provides
    @SignIn
    static UserRegistrar signInRegistrar(@SignIn DynamoDbUserRepository repository) {
        return repository;
    }

    @Provides
    @SignIn
    static UserLoader signInLoader(@SignIn DynamoDbUserRepository repository) {
        return repository;
    }

    @Provides
    @SignIn
    static UserUpdater signInUpdater(@SignIn DynamoDbUserRepository repository) {
        return repository;
    }
}
