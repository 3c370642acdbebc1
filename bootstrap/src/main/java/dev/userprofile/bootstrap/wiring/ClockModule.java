package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** The system clock in UTC, which every function's graph injects instead of reading the time itself. */
@Module
public final class ClockModule {

    private ClockModule() {}

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }
}
