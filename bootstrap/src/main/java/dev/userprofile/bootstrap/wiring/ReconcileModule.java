package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.cognito.directory.RateLimiter;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.dynamodb.DynamoDbReconcileProgressStore;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.schedule.ReconcileInvocation;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.out.ReconcileProgressStore;
import dev.userprofile.application.service.ReconcilePoolService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.ReconcileSettings;
import dev.userprofile.bootstrap.config.SyncSettings;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The scheduled reconcile: the pool listed through the directory, the table scanned and changed through the
 * repository, every change through the same sync use case as the events. A daily batch job runs no SnapStart: a
 * cold start is nothing beside its minutes of paced calls.
 */
@Module
public final class ReconcileModule {

    private ReconcileModule() {}

    /** A client of its own whose reads may wait as long as a Scan page's attempt. */
    @Provides
    @Singleton
    static DynamoDbClient batchClient(Configuration configuration, AwsCredentialsProvider credentials) {
        SdkHttpClient scanning = DynamoDbClients.httpClient(DynamoDbCallBudget.BATCH.attemptTimeout());
        return AwsClientModule.dynamoDbClientBuilder(configuration, scanning, credentials, DynamoDbCallBudget.BATCH)
                .build();
    }

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(DynamoDbClient batchClient, Configuration configuration) {
        return new DynamoDbUserRepository(DynamoDbClients.enhanced(batchClient), configuration.tableName());
    }

    @Provides
    @Singleton
    static ReconcileProgressStore progressStore(DynamoDbClient batchClient, ReconcileSettings settings, Clock clock) {
        return new DynamoDbReconcileProgressStore(batchClient, settings.stateTable(), clock);
    }

    @Provides
    @Singleton
    static CognitoUserDirectory directory(
            Configuration configuration,
            SyncSettings settings,
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        return new CognitoUserDirectory(
                SyncModule.cognito(configuration, settings, httpClient, credentials),
                settings.userPoolId(),
                new CognitoAttributesMapper());
    }

    @Provides
    @Singleton
    static ReconcilePoolUseCase reconcilePool(
            CognitoUserDirectory directory,
            DynamoDbUserRepository users,
            ReconcileProgressStore progress,
            SyncSettings sync,
            ReconcileSettings reconcile,
            Clock clock) {
        return new ReconcilePoolService(
                directory,
                directory,
                users,
                SyncModule.syncService(directory, users, sync, clock),
                RateLimiter.perSecond(reconcile.callsPerSecond()),
                progress,
                clock,
                LONGEST_INVOCATION);
    }

    /** Lambda's 15-minute limit and a minute to spare: an invocation cut short by it lets go of the run then. */
    static final Duration LONGEST_INVOCATION = Duration.ofMinutes(16);

    @Provides
    @Singleton
    static ReconcileInvocation reconcileInvocation(
            ReconcilePoolUseCase reconcilePool, ReconcileSettings settings, Clock clock, Configuration configuration) {
        return new ReconcileInvocation(
                reconcilePool,
                settings.maxErasureShare(),
                settings.seenRecently(),
                clock,
                configuration.functionName());
    }
}
