package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.application.port.in.EnsureUserCurrentUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.application.service.EnsureUserCurrentService;
import dev.userprofile.application.service.RegisterUserService;
import java.time.Clock;
import javax.inject.Singleton;

/** The trigger function's use cases (a registration, the sign-in check), each on the ports of its own call budget. */
@Module
public final class TriggerUseCaseModule {

    private TriggerUseCaseModule() {}

    @Provides
    @Singleton
    @Registration
    static RegisterUserUseCase registerUser(@Registration UserRegistrar users, Clock clock) {
        return new RegisterUserService(users, clock);
    }

    /** The sign-in path: its check and its rare registration or refresh, each within the sign-in budget. */
    @Provides
    @Singleton
    static EnsureUserCurrentUseCase ensureCurrent(
            @SignIn UserLoader loader, @SignIn UserUpdater updater, @SignIn UserRegistrar registrar, Clock clock) {
        return new EnsureUserCurrentService(loader, updater, new RegisterUserService(registrar, clock), clock);
    }
}
