package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.bootstrap.config.Configuration;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The profile API's own graph for a caller who has a profile, with nothing leaving the process, for the priming's
 * rehearsal: the DynamoDB adapter's rehearsal repository (every read finds a profile, every write succeeds), so the
 * pool is never asked.
 */
@Singleton
@Component(modules = {ApiRehearsalComponent.WithProfile.class, ApiRehearsalStore.class, ApiUseCaseModule.class})
public interface ApiRehearsalComponent {

    ApiInvocation apiInvocation();

    @Component.Factory
    interface Factory {
        ApiRehearsalComponent create(@BindsInstance Configuration configuration, @BindsInstance Clock clock);
    }

    static ApiInvocation invocation(Configuration configuration, Clock clock) {
        return DaggerApiRehearsalComponent.factory()
                .create(configuration, clock)
                .apiInvocation();
    }

    /** A store that has every caller's profile (every read finds one); a pool such a caller never reaches. */
    @Module
    final class WithProfile {

        private WithProfile() {}

        @Provides
        static UserLoader loader(DynamoDbUserRepository users) {
            return users;
        }

        @Provides
        static SyncUserUseCase neverAsked() {
            return command -> {
                throw new IllegalStateException("a rehearsed caller has a profile: the pool is never asked");
            };
        }

        @Provides
        static Optional<DeleteAccountUseCase> noDeletion() {
            return Optional.empty();
        }
    }
}
