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

/** The use cases, with the system clock in UTC. */
@Module
public final class ApplicationModule {

    private ApplicationModule() {}

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

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
