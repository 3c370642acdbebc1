package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.trigger.CognitoTrigger;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.EnsureUserCurrentUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.bootstrap.config.Configuration;
import java.time.Clock;
import javax.inject.Singleton;

/** The inbound Cognito trigger adapter: the attribute mapping, the trigger and its invocation. */
@Module
public final class TriggerModule {

    private TriggerModule() {}

    @Provides
    @Singleton
    static CognitoAttributesMapper commandMapper() {
        return new CognitoAttributesMapper();
    }

    @Provides
    @Singleton
    static CognitoTrigger cognitoTrigger(
            @Registration RegisterUserUseCase registerUser,
            EnsureUserCurrentUseCase ensureCurrent,
            CognitoAttributesMapper mapper) {
        return new CognitoTrigger(registerUser, ensureCurrent, mapper);
    }

    @Provides
    @Singleton
    static TriggerInvocation triggerInvocation(CognitoTrigger trigger, Clock clock, Configuration configuration) {
        return new TriggerInvocation(trigger, clock, configuration.metricDimensions());
    }
}
