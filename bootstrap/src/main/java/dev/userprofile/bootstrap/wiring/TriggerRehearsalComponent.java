package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.bootstrap.config.Configuration;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The trigger's own graph (its use cases, its adapter) on repositories that never leave the process, for the
 * priming's rehearsal: the paths of a sign-up that registers and a sign-in that finds a profile, which requests
 * against the real table cannot take without writing. Built when the rehearsal starts, dropped when it ends.
 */
@Singleton
@Component(
        modules = {
            TriggerRehearsalComponent.RehearsalStore.class,
            TriggerPortsModule.class,
            TriggerUseCaseModule.class,
            TriggerModule.class
        })
public interface TriggerRehearsalComponent {

    TriggerInvocation triggerInvocation();

    @Component.Factory
    interface Factory {
        TriggerRehearsalComponent create(@BindsInstance Configuration configuration, @BindsInstance Clock clock);
    }

    static TriggerInvocation invocation(Configuration configuration, Clock clock) {
        return DaggerTriggerRehearsalComponent.factory()
                .create(configuration, clock)
                .triggerInvocation();
    }

    /** The DynamoDB adapter's rehearsal repositories, one per call budget, as the real graph has real ones. */
    @Module
    final class RehearsalStore {

        private RehearsalStore() {}

        @Provides
        @Singleton
        @Registration
        static DynamoDbUserRepository registration(Configuration configuration) {
            return DynamoDbPriming.rehearsalRepository(
                    configuration.region(), configuration.tableName(), DynamoDbCallBudget.REGISTRATION);
        }

        @Provides
        @Singleton
        @SignIn
        static DynamoDbUserRepository signIn(Configuration configuration) {
            return DynamoDbPriming.rehearsalRepository(
                    configuration.region(), configuration.tableName(), DynamoDbCallBudget.SIGN_IN);
        }
    }
}
