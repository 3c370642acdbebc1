package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.application.port.in.EnsureUserRegisteredUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.out.UserRepository;
import dev.userprofile.application.service.EnsureUserRegisteredService;
import dev.userprofile.application.service.RegisterUserService;
import java.time.Clock;
import javax.inject.Singleton;

/** The use cases, with the system clock in UTC. */
@Module
public final class ApplicationModule {

    private ApplicationModule() {
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    @Registration
    static RegisterUserUseCase registerUser(@Registration UserRepository users, Clock clock) {
        return new RegisterUserService(users, clock);
    }

    /** The sign-in path: its check and its rare registration both within the sign-in budget. */
    @Provides
    @Singleton
    static EnsureUserRegisteredUseCase ensureRegistered(@SignIn UserRepository users, Clock clock) {
        return new EnsureUserRegisteredService(users, new RegisterUserService(users, clock));
    }
}
