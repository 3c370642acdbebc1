package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.cognito.attributes.CognitoAttributesMapper;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.cognito.directory.RateLimiter;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.schedule.ReconcileInvocation;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.service.ReconcilePoolService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.ReconcileSettings;
import dev.userprofile.bootstrap.config.SyncSettings;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The scheduled reconcile: the pool listed through the directory, the table scanned and changed through the
 * repository, every change through the same sync use case as the events. A daily batch job runs no SnapStart: a
 * cold start is nothing beside its minutes of paced calls.
 */
@Module
public final class ReconcileModule {

    private ReconcileModule() {}

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(Configuration configuration, AwsCredentialsProvider credentials) {
        // A connection of its own whose reads may wait as long as a Scan page's attempt.
        SdkHttpClient scanning = DynamoDbClients.httpClient(DynamoDbCallBudget.BATCH.attemptTimeout());
        return AwsClientModule.repository(configuration, scanning, credentials, DynamoDbCallBudget.BATCH);
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
            SyncSettings sync,
            ReconcileSettings reconcile,
            Clock clock) {
        return new ReconcilePoolService(
                directory,
                users,
                SyncModule.syncService(directory, users, sync, clock),
                RateLimiter.perSecond(reconcile.callsPerSecond()));
    }

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
