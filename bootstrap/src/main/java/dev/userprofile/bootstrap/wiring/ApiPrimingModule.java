package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.api.priming.ApiPriming;
import dev.userprofile.adapters.api.priming.ApiRehearsal;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.cognito.directory.priming.DirectoryPriming;
import dev.userprofile.adapters.dynamodb.priming.DynamoDbPriming;
import dev.userprofile.bootstrap.config.ApiSettings;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The profile API's SnapStart hooks: each adapter's priming parts, in order, and the credentials' refresh. */
@Module
public final class ApiPrimingModule {

    private ApiPrimingModule() {}

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            ProfileApi api,
            DynamoDbEnhancedClient dynamoDb,
            CognitoUserDirectory directory,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            SyncSettings settings,
            ApiSettings apiSettings,
            Clock clock) {
        return SnapStartPriming.of(
                List.of(
                        ApiPriming.requests(api),
                        DynamoDbPriming.requests("dynamodb-requests", dynamoDb, configuration.tableName()),
                        // Lazy registration's first lookup parses a user of the pool.
                        DirectoryPriming.requests("cognito-requests", directory),
                        ApiRehearsal.priming(() -> ApiRehearsalComponent.invocation(configuration, clock)),
                        ApiRehearsal.lifecyclePriming(
                                () -> ApiLifecycleRehearsalComponent.invocation(
                                        configuration, settings, apiSettings, clock),
                                clock)),
                credentials,
                clock);
    }
}
