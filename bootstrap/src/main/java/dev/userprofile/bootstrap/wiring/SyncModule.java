package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.adapters.cognito.events.SyncRehearsal;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectory;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
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

/** The sync function: Cognito's events in, the pool read through the directory, the table through the repository. */
@Module
public final class SyncModule {

    private SyncModule() {}

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return AwsClientModule.repository(configuration, httpClient, credentials, DynamoDbCallBudget.SYNC);
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

    @Provides
    @Singleton
    static SyncUserUseCase syncUser(
            CognitoUserDirectory directory, DynamoDbUserRepository users, SyncSettings settings, Clock clock) {
        return syncService(directory, users, settings, clock);
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

    @Provides
    @Singleton
    static SyncInvocation syncInvocation(
            SyncUserUseCase syncUser, SyncSettings settings, Clock clock, Configuration configuration) {
        return new SyncInvocation(syncUser, settings.userPoolId(), clock, configuration.functionName());
    }

    /**
     * The function's own invocation path with nothing leaving the process: a directory that answers with the sample
     * user's attributes, and a repository whose client answers as DynamoDB answers success.
     */
    static SyncRehearsal rehearsal(
            CognitoAttributesMapper mapper, Configuration configuration, SyncSettings settings, Clock clock) {
        MappedAttributes sample = mapper.toProfile(CognitoAttributesMapper.SAMPLE_ATTRIBUTES, "priming");
        // Disabled, where the rehearsal's stored sample is active: the sync takes the path of a real change.
        DirectoryUser inPool =
                new DirectoryUser(sample.userId(), sample.profile(), UserStatus.DISABLED, true, Instant.EPOCH);
        UserDirectory directory = sub -> Optional.of(inPool);
        DynamoDbUserRepository users = DynamoDbUserRepository.rehearsal(
                configuration.region(), configuration.tableName(), DynamoDbCallBudget.SYNC);
        SyncInvocation invocation = new SyncInvocation(
                syncService(directory, users, settings, clock), settings.userPoolId(), clock, "rehearsal");
        return new SyncRehearsal(invocation, settings.userPoolId());
    }

    /** A sub no user has, read from the real pool before the snapshot: the lookup finds nobody, nothing changes. */
    static final UserId PROBE_SUB = new UserId(SyncRehearsal.SAMPLE_SUB);

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            CognitoAttributesMapper mapper,
            CognitoUserDirectory directory,
            DynamoDbUserRepository users,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            SyncSettings settings,
            Clock clock) {
        return new SnapStartPriming(
                List.of(
                        SnapStartPriming.repeated("attribute-mapping", TriggerModule.MAPPING_ROUNDS, mapper::warmUp),
                        SnapStartPriming.repeated("dynamodb-requests", SnapStartPriming.REQUEST_ROUNDS, users::warmUp),
                        SnapStartPriming.repeated(
                                "cognito-requests", SnapStartPriming.REQUEST_ROUNDS, () -> lookUpProbe(directory)),
                        SnapStartPriming.rehearsed(
                                "invocation-rehearsal",
                                SnapStartPriming.REHEARSAL_ROUNDS,
                                () -> rehearsal(mapper, configuration, settings, clock)::run)),
                List.of(new SnapStartPriming.Step("credentials", credentials::resolveCredentials)),
                clock,
                LambdaRuntime::getLogger);
    }

    /** One lookup of a sub nobody has in the real pool: Cognito's client path, for SnapStart priming. */
    static void lookUpProbe(CognitoUserDirectory directory) {
        if (directory.findBySub(PROBE_SUB).isPresent()) {
            throw new IllegalStateException("the pool has a user with the probe's sub");
        }
    }
}
