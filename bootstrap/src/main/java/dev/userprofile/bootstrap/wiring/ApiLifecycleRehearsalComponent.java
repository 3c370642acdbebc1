package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.service.DeleteAccountService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.bootstrap.config.ApiSettings;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The profile API's own graph for a caller the store does not have yet, with nothing leaving the process, for the
 * priming's lifecycle rehearsal (a lazy registration, then a deletion): a store that finds no profile yet takes every
 * write (the DynamoDB adapter's rehearsal repository), and a pool that has the sample user and deletes at once.
 */
@Singleton
@Component(
        modules = {ApiLifecycleRehearsalComponent.WithoutProfile.class, ApiRehearsalStore.class, ApiUseCaseModule.class
        })
public interface ApiLifecycleRehearsalComponent {

    ApiInvocation apiInvocation();

    @Component.Factory
    interface Factory {
        ApiLifecycleRehearsalComponent create(
                @BindsInstance Configuration configuration,
                @BindsInstance SyncSettings sync,
                @BindsInstance ApiSettings api,
                @BindsInstance Clock clock);
    }

    static ApiInvocation invocation(Configuration configuration, SyncSettings sync, ApiSettings api, Clock clock) {
        return DaggerApiLifecycleRehearsalComponent.factory()
                .create(configuration, sync, api, clock)
                .apiInvocation();
    }

    /** The in-process reads, pool and account deleter. */
    @Module
    final class WithoutProfile {

        private WithoutProfile() {}

        /** Reads find no profile: the caller is yet to be registered. */
        @Provides
        @Singleton
        static UserLoader nothingStored() {
            return new UserLoader() {
                @Override
                public UserLookup lookUp(UserId id) {
                    return new UserLookup.Absent();
                }

                @Override
                public UserLookup lookUpCheaply(UserId id) {
                    return new UserLookup.Absent();
                }

                @Override
                public boolean exists(UserId id) {
                    return false;
                }
            };
        }

        @Provides
        @Singleton
        static SyncUserUseCase lazyRegistration(
                UserLoader nothingStored, DynamoDbUserRepository users, SyncSettings settings, Clock clock) {
            MappedAttributes sample = AttributeMappingPriming.sample();
            DirectoryUser inPool =
                    new DirectoryUser(sample.userId(), sample.profile(), UserStatus.ACTIVE, true, Instant.EPOCH);
            return new SyncUserService(
                    sub -> Optional.of(inPool),
                    nothingStored,
                    users,
                    users,
                    new RegisterUserService(users, clock),
                    clock,
                    settings.tombstoneLifetime());
        }

        @Provides
        @Singleton
        static Optional<DeleteAccountUseCase> deletion(
                DynamoDbUserRepository users, SyncSettings settings, ApiSettings api, Clock clock) {
            return Optional.of(new DeleteAccountService(
                    users,
                    username -> UserAccountDeleter.Deletion.DELETED,
                    users,
                    clock,
                    api.reauthenticationWindow(),
                    settings.tombstoneLifetime()));
        }
    }
}
