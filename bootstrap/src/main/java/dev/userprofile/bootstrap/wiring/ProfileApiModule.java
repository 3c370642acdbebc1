package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ApiPriming;
import dev.userprofile.adapters.api.ApiRehearsal;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.cognito.directory.CognitoAccountDeleter;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.service.DeleteAccountService;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.bootstrap.config.ApiSettings;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserStatus;
import java.time.Clock;
import java.time.Instant;
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
    static ApiInvocation apiInvocation(ProfileApi api, Clock clock, Configuration configuration) {
        return new ApiInvocation(api, clock, configuration.metricDimensions());
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
                clock,
                configuration.metricDimensions()));
    }

    /**
     * The lazy registration's and the deletion's paths, in-process: a store that has no profile for the caller yet
     * takes every write (the DynamoDB adapter's rehearsal client), a pool that has the sample user and deletes at
     * once.
     */
    static ApiRehearsal lifecycleRehearsal(
            Configuration configuration, SyncSettings settings, ApiSettings api, Clock clock) {
        DynamoDbUserRepository users = DynamoDbUserRepository.rehearsal(
                configuration.region(), configuration.tableName(), DynamoDbCallBudget.API);
        UserLoader nothingStored = new UserLoader() {
            @Override
            public UserLookup lookUp(UserId id) {
                return new UserLookup.Absent();
            }

            @Override
            public UserLookup lookUpCheaply(UserId id) {
                return new UserLookup.Absent();
            }

            @Override
            public boolean exists(UserId id) {
                return false;
            }
        };
        CognitoAttributesMapper mapper = new CognitoAttributesMapper();
        MappedAttributes sample = mapper.toProfile(CognitoAttributesMapper.SAMPLE_ATTRIBUTES, "priming");
        DirectoryUser inPool =
                new DirectoryUser(sample.userId(), sample.profile(), UserStatus.ACTIVE, true, Instant.EPOCH);
        SyncUserService lazy = new SyncUserService(
                sub -> Optional.of(inPool),
                nothingStored,
                users,
                users,
                new RegisterUserService(users, clock),
                clock,
                settings.tombstoneLifetime());
        DeleteAccountService deletion = new DeleteAccountService(
                users,
                username -> UserAccountDeleter.Deletion.DELETED,
                users,
                clock,
                api.reauthenticationWindow(),
                settings.tombstoneLifetime());
        return new ApiRehearsal(new ApiInvocation(
                new ProfileApi(
                        new GetProfileService(nothingStored, lazy),
                        new UpdateProfileService(nothingStored, users, lazy, clock),
                        Optional.of(deletion)),
                clock,
                configuration.metricDimensions()));
    }

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            ProfileApi api,
            DynamoDbUserRepository users,
            CognitoUserDirectory directory,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            SyncSettings settings,
            ApiSettings apiSettings,
            Clock clock) {
        return new SnapStartPriming(
                List.of(
                        SnapStartPriming.repeated(
                                "api-requests", SnapStartPriming.REQUEST_ROUNDS, new ApiPriming(api)::warmUp),
                        SnapStartPriming.repeated("dynamodb-requests", SnapStartPriming.REQUEST_ROUNDS, users::warmUp),
                        // A sub nobody has, read from the real pool as the sync function primes it, and a user of the
                        // pool read and dropped: lazy registration's first lookup parses a user.
                        SnapStartPriming.repeated("cognito-requests", SnapStartPriming.REQUEST_ROUNDS, () -> {
                            SyncModule.lookUpProbe(directory);
                            directory.warmUp();
                        }),
                        SnapStartPriming.rehearsed(
                                "invocation-rehearsal",
                                SnapStartPriming.REHEARSAL_ROUNDS,
                                () -> rehearsal(configuration, clock)::run),
                        SnapStartPriming.rehearsed("lifecycle-rehearsal", SnapStartPriming.REHEARSAL_ROUNDS, () -> {
                            ApiRehearsal lifecycle = lifecycleRehearsal(configuration, settings, apiSettings, clock);
                            return () -> lifecycle.runLifecycle(clock.instant());
                        })),
                List.of(new SnapStartPriming.Step("credentials", credentials::resolveCredentials)),
                clock,
                LambdaRuntime::getLogger);
    }
}
