package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The sync function's outbound side: the table through the repository, the pool through the directory. Its use case
 * and adapter are {@link SyncUseCaseModule}; its priming is {@link SyncPrimingModule}.
 */
@Module
public final class SyncModule {

    private SyncModule() {}

    @Provides
    @Singleton
    static DynamoDbEnhancedClient dynamoDb(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return AwsClientModule.enhancedClient(configuration, httpClient, credentials, DynamoDbCallBudget.SYNC);
    }

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(DynamoDbEnhancedClient dynamoDb, Configuration configuration) {
        return new DynamoDbUserRepository(dynamoDb, configuration.tableName());
    }

    @Provides
    @Singleton
    static CognitoIdentityProviderClient cognito(
            Configuration configuration,
            SyncSettings settings,
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        return CognitoClients.builder(configuration.region(), settings.cognitoEndpoint(), httpClient, credentials)
                .build();
    }

    @Provides
    @Singleton
    static CognitoAttributesMapper mapper() {
        return new CognitoAttributesMapper();
    }

    @Provides
    @Singleton
    static CognitoUserDirectory directory(
            CognitoIdentityProviderClient cognito, SyncSettings settings, CognitoAttributesMapper mapper) {
        return new CognitoUserDirectory(cognito, settings.userPoolId(), mapper);
    }

    /** The sync use case on a directory and the function's repository; the reconcile's changes go through it too. */
    static SyncUserService syncService(
            UserDirectory directory, DynamoDbUserRepository users, SyncSettings settings, Clock clock) {
        return new SyncUserService(
                directory,
                users,
                users,
                users,
                new RegisterUserService(users, clock),
                clock,
                settings.tombstoneLifetime());
    }

    /** The directory the sync use case reads: the pool itself. */
    @Provides
    static UserDirectory userDirectory(CognitoUserDirectory directory) {
        return directory;
    }
}
