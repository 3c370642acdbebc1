package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.PostConfirmationCommandMapper;
import dev.userprofile.adapters.cognito.PostConfirmationTrigger;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import javax.inject.Singleton;

/** The inbound Cognito adapter. */
@Module
public final class TriggerModule {

    private TriggerModule() {
    }

    @Provides
    @Singleton
    static PostConfirmationTrigger postConfirmationTrigger(RegisterUserUseCase registerUser) {
        return new PostConfirmationTrigger(registerUser, new PostConfirmationCommandMapper());
    }
}
