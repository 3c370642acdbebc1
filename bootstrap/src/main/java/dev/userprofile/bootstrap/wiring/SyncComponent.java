package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import javax.inject.Singleton;

/** The sync function's object graph, one per execution environment, generated at compile time. */
@Singleton
@Component(
        modules = {
            AwsClientModule.class,
            ClockModule.class,
            SyncModule.class,
            SyncUseCaseModule.class,
            SyncPrimingModule.class
        })
public interface SyncComponent {

    SyncInvocation syncInvocation();

    SnapStartPriming snapStartPriming();

    Clock clock();

    @Component.Factory
    interface Factory {
        SyncComponent create(@BindsInstance Configuration configuration, @BindsInstance SyncSettings settings);
    }

    static SyncComponent create(Configuration configuration, SyncSettings settings) {
        return DaggerSyncComponent.factory().create(configuration, settings);
    }
}
