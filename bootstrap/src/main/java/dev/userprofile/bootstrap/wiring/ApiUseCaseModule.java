package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.bootstrap.config.Configuration;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The profile API's reading and changing use cases and its inbound adapter, on whatever ports the graph binds: the
 * table and the pool ({@link ProfileApiModule}) or a rehearsal's in-process ones ({@link ApiRehearsalComponent},
 * {@link ApiLifecycleRehearsalComponent}).
 */
@Module
public final class ApiUseCaseModule {

    private ApiUseCaseModule() {}

    @Provides
    @Singleton
    static GetProfileUseCase getProfile(UserLoader users, SyncUserUseCase syncUser) {
        return new GetProfileService(users, syncUser);
    }

    @Provides
    @Singleton
    static UpdateProfileUseCase updateProfile(
            UserLoader loader, UserUpdater updater, SyncUserUseCase syncUser, Clock clock) {
        return new UpdateProfileService(loader, updater, syncUser, clock);
    }

    @Provides
    @Singleton
    static ProfileApi profileApi(
            GetProfileUseCase getProfile,
            UpdateProfileUseCase updateProfile,
            Optional<DeleteAccountUseCase> deleteAccount) {
        return new ProfileApi(getProfile, updateProfile, deleteAccount);
    }

    @Provides
    @Singleton
    static ApiInvocation apiInvocation(ProfileApi api, Clock clock, Configuration configuration) {
        return new ApiInvocation(api, clock, configuration.metricDimensions());
    }
}
