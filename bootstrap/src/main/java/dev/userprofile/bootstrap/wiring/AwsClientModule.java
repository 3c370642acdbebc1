package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.DynamoDbCallBudget;
import java.util.random.RandomGenerator;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The AWS SDK clients, built once per execution environment with everything explicit: no credential or HTTP client
 * discovery chains.
 */
@Module
public final class AwsClientModule {

    private AwsClientModule() {
    }

    @Provides
    @Singleton
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(DynamoDbCallBudget.CONNECT_TIMEOUT)
                .socketTimeout(DynamoDbCallBudget.SOCKET_TIMEOUT)
                .build();
    }

    /**
     * With SnapStart Lambda passes credentials only through the container credentials endpoint
     * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and its token); without it, in the key variables. The endpoint is
     * tried first (it answers with fresh credentials after a restore); nothing else is tried, which keeps init short.
     */
    @Provides
    @Singleton
    public static AwsCredentialsProvider credentialsProvider() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(ContainerCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create())
                .build();
    }

    @Provides
    @Singleton
    public static DynamoDbClient dynamoDbClient(Configuration configuration, SdkHttpClient httpClient,
                                                AwsCredentialsProvider credentials) {
        return dynamoDbClientBuilder(configuration, httpClient, credentials).build();
    }

    /**
     * The client as the function uses it, still open to changes (tests point it at a local proxy). The endpoint is
     * the SDK's own resolution: it honours {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_USE_FIPS_ENDPOINT},
     * dual-stack and every partition; SnapStart's priming runs it before the snapshot, so restores do not pay for it.
     */
    public static DynamoDbClientBuilder dynamoDbClientBuilder(Configuration configuration, SdkHttpClient httpClient,
                                                              AwsCredentialsProvider credentials) {
        return DynamoDbClient.builder()
                .region(Region.of(configuration.region()))
                .httpClient(httpClient)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c
                        .apiCallAttemptTimeout(DynamoDbCallBudget.ATTEMPT_TIMEOUT)
                        .apiCallTimeout(DynamoDbCallBudget.TOTAL_TIMEOUT)
                        .retryStrategy(retryStrategy(FullJitterBackoff.osEntropy())));
    }

    /** The SDK's standard strategy within the call budget, with jitter no snapshot can fix in advance. */
    static RetryStrategy retryStrategy(RandomGenerator random) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(DynamoDbCallBudget.MAX_ATTEMPTS)
                .backoffStrategy(new FullJitterBackoff(
                        DynamoDbCallBudget.BACKOFF_BASE, DynamoDbCallBudget.BACKOFF_MAX, random))
                .throttlingBackoffStrategy(new FullJitterBackoff(
                        DynamoDbCallBudget.THROTTLING_BACKOFF_BASE, DynamoDbCallBudget.THROTTLING_BACKOFF_MAX, random))
                .build();
    }

    @Provides
    @Singleton
    static DynamoDbEnhancedClient enhancedClient(DynamoDbClient dynamoDb) {
        // No extensions: the default ones (versioned records, atomic counters) have nothing to do for this schema.
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).extensions().build();
    }
}
