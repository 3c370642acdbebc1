package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.directory.CognitoAccountDeleter;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.application.service.DeleteAccountService;
import dev.userprofile.bootstrap.config.ApiSettings;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The profile API function's outbound side: its DynamoDB client within the API's budget, its Cognito client (lazy
 * registration's read, account deletion), and the use cases that need them. The rest of its use cases and its adapter
 * are {@link ApiUseCaseModule}; its priming is {@link ApiPrimingModule}.
 */
@Module
public final class ProfileApiModule {

    private ProfileApiModule() {}

    @Provides
    @Singleton
    static DynamoDbEnhancedClient dynamoDb(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return AwsClientModule.enhancedClient(configuration, httpClient, credentials, DynamoDbCallBudget.API);
    }

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(DynamoDbEnhancedClient dynamoDb, Configuration configuration) {
        return new DynamoDbUserRepository(dynamoDb, configuration.tableName());
    }

    @Provides
    static UserLoader loader(DynamoDbUserRepository users) {
        return users;
    }

    @Provides
    static UserUpdater updater(DynamoDbUserRepository users) {
        return users;
    }

    @Provides
    @Singleton
    static CognitoIdentityProviderClient cognito(
            Configuration configuration,
            SyncSettings settings,
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        return SyncModule.cognito(configuration, settings, httpClient, credentials);
    }

    /** Lazy registration's read of the pool: the sync use case, told that a user it does not find may be too new. */
    @Provides
    @Singleton
    static SyncUserUseCase syncUser(
            CognitoUserDirectory directory, DynamoDbUserRepository users, SyncSettings settings, Clock clock) {
        return SyncModule.syncService(directory, users, settings, clock);
    }

    @Provides
    @Singleton
    static CognitoUserDirectory directory(CognitoIdentityProviderClient cognito, SyncSettings settings) {
        return new CognitoUserDirectory(cognito, settings.userPoolId(), new CognitoAttributesMapper());
    }

    @Provides
    @Singleton
    static Optional<DeleteAccountUseCase> deleteAccount(
            ApiSettings api,
            CognitoIdentityProviderClient cognito,
            DynamoDbUserRepository users,
            SyncSettings settings,
            Clock clock) {
        if (!api.accountDeletion()) {
            return Optional.empty();
        }
        return Optional.of(new DeleteAccountService(
                users,
                new CognitoAccountDeleter(cognito, settings.userPoolId()),
                users,
                clock,
                api.reauthenticationWindow(),
                settings.tombstoneLifetime()));
    }
}
