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

    /** For registrations: sign-up confirmations and password resets. */
    @Provides
    @Singleton
    @Registration
    public static DynamoDbClient dynamoDbClient(Configuration configuration, SdkHttpClient httpClient,
                                                AwsCredentialsProvider credentials) {
        return dynamoDbClientBuilder(configuration, httpClient, credentials, DynamoDbCallBudget.REGISTRATION).build();
    }

    /** For sign-ins: the same connections and credentials, a much shorter budget. */
    @Provides
    @Singleton
    @SignIn
    static DynamoDbClient signInDynamoDbClient(Configuration configuration, SdkHttpClient httpClient,
                                               AwsCredentialsProvider credentials) {
        return dynamoDbClientBuilder(configuration, httpClient, credentials, DynamoDbCallBudget.SIGN_IN).build();
    }

    /**
     * The client as the function uses it, still open to changes (tests point it at a local proxy). The endpoint is
     * the SDK's own resolution: it honours {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_USE_FIPS_ENDPOINT},
     * dual-stack and every partition; SnapStart's priming runs it before the snapshot, so restores do not pay for it.
     */
    public static DynamoDbClientBuilder dynamoDbClientBuilder(Configuration configuration, SdkHttpClient httpClient,
                                                              AwsCredentialsProvider credentials,
                                                              DynamoDbCallBudget budget) {
        return DynamoDbClient.builder()
                .region(Region.of(configuration.region()))
                .httpClient(httpClient)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c
                        .apiCallAttemptTimeout(budget.attemptTimeout())
                        .apiCallTimeout(budget.totalTimeout())
                        .retryStrategy(retryStrategy(budget, FullJitterBackoff.osEntropy())));
    }

    /** The SDK's standard strategy within a call budget, with jitter no snapshot can fix in advance. */
    static RetryStrategy retryStrategy(DynamoDbCallBudget budget, RandomGenerator random) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(budget.maxAttempts())
                .backoffStrategy(new FullJitterBackoff(budget.backoffBase(), budget.backoffMax(), random))
                .throttlingBackoffStrategy(new FullJitterBackoff(
                        budget.throttlingBackoffBase(), budget.throttlingBackoffMax(), random))
                .build();
    }

    @Provides
    @Singleton
    @Registration
    static DynamoDbEnhancedClient enhancedClient(@Registration DynamoDbClient dynamoDb) {
        return enhanced(dynamoDb);
    }

    @Provides
    @Singleton
    @SignIn
    static DynamoDbEnhancedClient signInEnhancedClient(@SignIn DynamoDbClient dynamoDb) {
        return enhanced(dynamoDb);
    }

    private static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamoDb) {
        // No extensions: the default ones (versioned records, atomic counters) have nothing to do for this schema.
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).extensions().build();
    }
}
