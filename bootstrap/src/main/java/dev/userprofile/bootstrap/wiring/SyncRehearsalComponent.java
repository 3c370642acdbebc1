package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The sync function's own graph (its use case, its adapter) with nothing leaving the process, for the priming's
 * rehearsal: a directory that answers with the sample user, disabled where the stored sample is active (so the sync
 * takes the path of a real change), and the DynamoDB adapter's rehearsal repository.
 */
@Singleton
@Component(modules = {SyncRehearsalComponent.InProcess.class, SyncUseCaseModule.class})
public interface SyncRehearsalComponent {

    SyncInvocation syncInvocation();

    @Component.Factory
    interface Factory {
        SyncRehearsalComponent create(
                @BindsInstance Configuration configuration,
                @BindsInstance SyncSettings settings,
                @BindsInstance Clock clock);
    }

    static SyncInvocation invocation(Configuration configuration, SyncSettings settings, Clock clock) {
        return DaggerSyncRehearsalComponent.factory()
                .create(configuration, settings, clock)
                .syncInvocation();
    }

    /** The in-process directory and repository. */
    @Module
    final class InProcess {

        private InProcess() {}

        @Provides
        @Singleton
        static DynamoDbUserRepository repository(Configuration configuration) {
            return DynamoDbPriming.rehearsalRepository(
                    configuration.region(), configuration.tableName(), DynamoDbCallBudget.SYNC);
        }

        @Provides
        @Singleton
        static UserDirectory directory() {
            MappedAttributes sample = AttributeMappingPriming.sample();
            DirectoryUser inPool =
                    new DirectoryUser(sample.userId(), sample.profile(), UserStatus.DISABLED, true, Instant.EPOCH);
            return sub -> Optional.of(inPool);
        }
    }
}
