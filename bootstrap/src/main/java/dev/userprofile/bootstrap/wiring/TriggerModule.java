package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.trigger.CognitoTrigger;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.cognito.trigger.TriggerRehearsal;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.EnsureUserCurrentUseCase;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.service.EnsureUserCurrentService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The inbound Cognito adapter, and the SnapStart priming that runs its paths before a snapshot. */
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
    static CognitoTrigger postConfirmationTrigger(
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

    static final int MAPPING_ROUNDS = 2_000;

    /**
     * The function's own invocation path on a repository that never leaves the process: the success paths of a
     * sign-up and a sign-in, which requests against the real table cannot take without writing.
     */
    static TriggerRehearsal rehearsal(CognitoAttributesMapper mapper, Configuration configuration, Clock clock) {
        DynamoDbUserRepository users = DynamoDbUserRepository.rehearsal(
                configuration.region(), configuration.tableName(), DynamoDbCallBudget.REGISTRATION);
        RegisterUserService register = new RegisterUserService(users, clock);
        return new TriggerRehearsal(new TriggerInvocation(
                new CognitoTrigger(register, new EnsureUserCurrentService(users, users, register, clock), mapper),
                clock,
                configuration.metricDimensions()));
    }

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            CognitoAttributesMapper mapper,
            @Registration DynamoDbUserRepository registration,
            @SignIn DynamoDbUserRepository signIn,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            Clock clock) {
        return new SnapStartPriming(
                List.of(
                        SnapStartPriming.repeated("attribute-mapping", MAPPING_ROUNDS, mapper::warmUp),
                        SnapStartPriming.repeated(
                                "dynamodb-requests-1", SnapStartPriming.REQUEST_ROUNDS, registration::warmUp),
                        SnapStartPriming.repeated(
                                "dynamodb-requests-2", SnapStartPriming.REQUEST_ROUNDS, signIn::warmUp),
                        SnapStartPriming.rehearsed(
                                "invocation-rehearsal",
                                SnapStartPriming.REHEARSAL_ROUNDS,
                                () -> rehearsal(mapper, configuration, clock)::run)),
                List.of(new SnapStartPriming.Step("credentials", credentials::resolveCredentials)),
                clock,
                LambdaRuntime::getLogger);
    }
}
