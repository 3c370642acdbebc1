package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ApiPriming;
import dev.userprofile.adapters.api.ApiRehearsal;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.cognito.attributes.CognitoAttributesMapper;
import dev.userprofile.adapters.cognito.directory.CognitoAccountDeleter;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.service.DeleteAccountService;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.bootstrap.config.ApiSettings;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The profile API function: its DynamoDB client within the API's budget, its Cognito client (lazy registration's
 * read, account deletion), its use cases, the adapter and its priming.
 */
@Module
public final class ProfileApiModule {

    private ProfileApiModule() {}

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return AwsClientModule.repository(configuration, httpClient, credentials, DynamoDbCallBudget.API);
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
            CognitoIdentityProviderClient cognito, DynamoDbUserRepository users, SyncSettings settings, Clock clock) {
        CognitoUserDirectory directory =
                new CognitoUserDirectory(cognito, settings.userPoolId(), new CognitoAttributesMapper());
        return SyncModule.syncService(directory, users, settings, clock);
    }

    @Provides
    @Singleton
    static GetProfileUseCase getProfile(DynamoDbUserRepository users, SyncUserUseCase syncUser) {
        return new GetProfileService(users, syncUser);
    }

    @Provides
    @Singleton
    static UpdateProfileUseCase updateProfile(DynamoDbUserRepository users, SyncUserUseCase syncUser, Clock clock) {
        return new UpdateProfileService(users, users, syncUser, clock);
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

    @Provides
    @Singleton
    static ProfileApi profileApi(
            GetProfileUseCase getProfile,
            UpdateProfileUseCase updateProfile,
            Optional<DeleteAccountUseCase> deleteAccount) {
        return new ProfileApi(getProfile, updateProfile, deleteAccount);
    }

    @Provides
    @Singleton
    static ApiInvocation apiInvocation(ProfileApi api, Clock clock) {
        return new ApiInvocation(api, clock);
    }

    /**
     * The API's own invocation path on a repository that never leaves the process: a caller who has a profile (so
     * the pool is never asked: the sync use case is never reached).
     */
    static ApiRehearsal rehearsal(Configuration configuration, Clock clock) {
        DynamoDbUserRepository users = DynamoDbUserRepository.rehearsal(
                configuration.region(), configuration.tableName(), DynamoDbCallBudget.API);
        SyncUserUseCase neverAsked = command -> {
            throw new IllegalStateException("a rehearsed caller has a profile: the pool is never asked");
        };
        return new ApiRehearsal(new ApiInvocation(
                new ProfileApi(
                        new GetProfileService(users, neverAsked),
                        new UpdateProfileService(users, users, neverAsked, clock),
                        Optional.empty()),
                clock));
    }

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            ProfileApi api,
            DynamoDbUserRepository users,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            Clock clock) {
        return new SnapStartPriming(
                List.of(
                        SnapStartPriming.repeated(
                                "api-requests", SnapStartPriming.REQUEST_ROUNDS, new ApiPriming(api)::warmUp),
                        SnapStartPriming.repeated("dynamodb-requests", SnapStartPriming.REQUEST_ROUNDS, users::warmUp),
                        SnapStartPriming.rehearsed(
                                "invocation-rehearsal",
                                SnapStartPriming.REHEARSAL_ROUNDS,
                                () -> rehearsal(configuration, clock)::run)),
                List.of(new SnapStartPriming.Step("credentials", credentials::resolveCredentials)),
                clock,
                LambdaRuntime::getLogger);
    }
}
