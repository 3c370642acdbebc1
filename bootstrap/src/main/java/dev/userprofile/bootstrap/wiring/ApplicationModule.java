package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.out.UserRepository;
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
    static RegisterUserUseCase registerUser(UserRepository users, Clock clock) {
        return new RegisterUserService(users, clock);
    }
}
