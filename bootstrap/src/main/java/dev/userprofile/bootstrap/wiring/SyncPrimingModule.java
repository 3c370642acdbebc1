package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.cognito.directory.priming.DirectoryPriming;
import dev.userprofile.adapters.cognito.events.priming.SyncRehearsal;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The sync function's SnapStart hooks: each adapter's priming parts, in order, and the credentials' refresh. */
@Module
public final class SyncPrimingModule {

    private SyncPrimingModule() {}

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            CognitoAttributesMapper mapper,
            CognitoUserDirectory directory,
            DynamoDbEnhancedClient dynamoDb,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            SyncSettings settings,
            Clock clock) {
        return SnapStartPriming.of(
                List.of(
                        AttributeMappingPriming.of(mapper),
                        DynamoDbPriming.requests("dynamodb-requests", dynamoDb, configuration.tableName()),
                        DirectoryPriming.lookUps("cognito-requests", directory),
                        SyncRehearsal.priming(
                                () -> SyncRehearsalComponent.invocation(configuration, settings, clock),
                                settings.userPoolId())),
                credentials,
                clock);
    }
}
