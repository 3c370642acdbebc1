package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The sync function's use case and inbound adapter, on whatever directory and repository the graph has: the pool and
 * the table ({@link SyncModule}), or the rehearsal's in-process ones ({@link SyncRehearsalComponent}).
 */
@Module
public final class SyncUseCaseModule {

    private SyncUseCaseModule() {}

    @Provides
    @Singleton
    static SyncUserUseCase syncUser(
            UserDirectory directory, DynamoDbUserRepository users, SyncSettings settings, Clock clock) {
        return SyncModule.syncService(directory, users, settings, clock);
    }

    @Provides
    @Singleton
    static SyncInvocation syncInvocation(
            SyncUserUseCase syncUser, SyncSettings settings, Clock clock, Configuration configuration) {
        return new SyncInvocation(syncUser, settings.userPoolId(), clock, configuration.functionName());
    }
}
