package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserUpdater;

/**
 * Binds the narrow user ports the trigger's use cases take to its repositories, once per call budget: to the real
 * table's ({@link PersistenceModule}) or, for the priming's rehearsal, to ones that never leave the process.
 */
@Module
public final class TriggerPortsModule {

    private TriggerPortsModule() {}

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
