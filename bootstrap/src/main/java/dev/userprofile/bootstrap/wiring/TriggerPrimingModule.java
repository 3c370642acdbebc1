package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.trigger.priming.TriggerRehearsal;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The trigger's SnapStart hooks: each adapter's priming parts, in order, and the credentials' refresh. */
@Module
public final class TriggerPrimingModule {

    private TriggerPrimingModule() {}

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            CognitoAttributesMapper mapper,
            @Registration DynamoDbEnhancedClient registration,
            @SignIn DynamoDbEnhancedClient signIn,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            Clock clock) {
        return SnapStartPriming.of(
                List.of(
                        AttributeMappingPriming.of(mapper),
                        DynamoDbPriming.requests("dynamodb-requests-1", registration, configuration.tableName()),
                        DynamoDbPriming.requests("dynamodb-requests-2", signIn, configuration.tableName()),
                        TriggerRehearsal.priming(() -> TriggerRehearsalComponent.invocation(configuration, clock))),
                credentials,
                clock);
    }
}
