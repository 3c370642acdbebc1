package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.cognito.PostConfirmationTrigger;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.EnsureUserRegisteredUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;

/** The inbound Cognito adapter, and the SnapStart priming that runs its paths before a snapshot. */
@Module
public final class TriggerModule {

    private TriggerModule() {
    }

    @Provides
    @Singleton
    static CognitoAttributesMapper commandMapper() {
        return new CognitoAttributesMapper();
    }

    @Provides
    @Singleton
    static PostConfirmationTrigger postConfirmationTrigger(@Registration RegisterUserUseCase registerUser,
                                                           EnsureUserRegisteredUseCase ensureRegistered,
                                                           CognitoAttributesMapper mapper) {
        return new PostConfirmationTrigger(registerUser, ensureRegistered, mapper);
    }

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(CognitoAttributesMapper mapper,
                                             @Registration DynamoDbUserRepository registration,
                                             @SignIn DynamoDbUserRepository signIn, Clock clock) {
        return new SnapStartPriming(mapper, List.of(registration, signIn), clock, LambdaRuntime::getLogger);
    }
}
