package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.bootstrap.config.Configuration;
import javax.inject.Singleton;

/**
 * What both of the profile API's rehearsals write to: the DynamoDB adapter's rehearsal repository within the API's
 * budget, on which every write succeeds and nothing is stored.
 */
@Module
public final class ApiRehearsalStore {

    private ApiRehearsalStore() {}

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(Configuration configuration) {
        return DynamoDbPriming.rehearsalRepository(
                configuration.region(), configuration.tableName(), DynamoDbCallBudget.API);
    }

    @Provides
    static UserUpdater updater(DynamoDbUserRepository users) {
        return users;
    }
}
