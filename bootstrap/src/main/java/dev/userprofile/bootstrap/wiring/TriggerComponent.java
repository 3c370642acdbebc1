package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userprofile.adapters.cognito.trigger.CognitoTrigger;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import javax.inject.Singleton;

/** The object graph of one execution environment, generated at compile time: no reflection at cold start. */
@Singleton
@Component(
        modules = {
            AwsClientModule.class,
            PersistenceModule.class,
            TriggerPortsModule.class,
            ClockModule.class,
            TriggerUseCaseModule.class,
            TriggerModule.class,
            TriggerPrimingModule.class
        })
public interface TriggerComponent {

    CognitoTrigger cognitoTrigger();

    TriggerInvocation triggerInvocation();

    SnapStartPriming snapStartPriming();

    Clock clock();

    Configuration configuration();

    @Component.Factory
    interface Factory {
        TriggerComponent create(@BindsInstance Configuration configuration);
    }

    static TriggerComponent create(Configuration configuration) {
        return DaggerTriggerComponent.factory().create(configuration);
    }
}
