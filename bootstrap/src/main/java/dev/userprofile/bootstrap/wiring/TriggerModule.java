package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.cognito.PostConfirmationTrigger;
import dev.userprofile.adapters.cognito.TriggerInvocation;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.EnsureUserRegisteredUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.bootstrap.config.Configuration;
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
    static TriggerInvocation triggerInvocation(PostConfirmationTrigger trigger, Clock clock,
                                               Configuration configuration) {
        return new TriggerInvocation(trigger, clock, configuration.functionName());
    }

    static final int MAPPING_ROUNDS = 2_000;

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(CognitoAttributesMapper mapper,
                                             @Registration DynamoDbUserRepository registration,
                                             @SignIn DynamoDbUserRepository signIn, Clock clock) {
        return new SnapStartPriming(List.of(
                SnapStartPriming.repeated("attribute-mapping", MAPPING_ROUNDS,
                        mapper::warmUp),
                SnapStartPriming.repeated("dynamodb-requests-1", SnapStartPriming.REQUEST_ROUNDS,
                        registration::warmUp),
                SnapStartPriming.repeated("dynamodb-requests-2", SnapStartPriming.REQUEST_ROUNDS, signIn::warmUp)),
                clock, LambdaRuntime::getLogger);
    }
}
