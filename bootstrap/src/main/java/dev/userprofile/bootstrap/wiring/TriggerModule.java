package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.PostConfirmationCommandMapper;
import dev.userprofile.adapters.cognito.PostConfirmationTrigger;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import javax.inject.Singleton;

/** The inbound Cognito adapter, and the SnapStart priming that runs its path before a snapshot. */
@Module
public final class TriggerModule {

    private TriggerModule() {
    }

    @Provides
    @Singleton
    static PostConfirmationCommandMapper commandMapper() {
        return new PostConfirmationCommandMapper();
    }

    @Provides
    @Singleton
    static PostConfirmationTrigger postConfirmationTrigger(RegisterUserUseCase registerUser,
                                                           PostConfirmationCommandMapper mapper) {
        return new PostConfirmationTrigger(registerUser, mapper);
    }

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(PostConfirmationCommandMapper mapper, DynamoDbUserRepository repository) {
        return new SnapStartPriming(mapper, repository);
    }
}
