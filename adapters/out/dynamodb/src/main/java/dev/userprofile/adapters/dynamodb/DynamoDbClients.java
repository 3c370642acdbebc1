package dev.userprofile.adapters.dynamodb;

import java.util.random.RandomGenerator;
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
 * How a function's DynamoDB clients are built, with everything explicit: no credential or HTTP client discovery
 * chains. Each function's composition root calls these with its own {@link DynamoDbCallBudget}, once per execution
 * environment.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** The JDK's URL connection: no connection pool threads or native code to start at cold start. */
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
    public static AwsCredentialsProvider lambdaCredentials() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(ContainerCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create())
                .build();
    }

    /**
     * The client as a function uses it, still open to changes (tests point it at a local proxy). The endpoint is the
     * SDK's own resolution: it honours {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_USE_FIPS_ENDPOINT}, dual-stack
     * and every partition; SnapStart's priming runs it before the snapshot, so restores do not pay for it.
     */
    public static DynamoDbClientBuilder builder(String region, SdkHttpClient httpClient,
                                                AwsCredentialsProvider credentials, DynamoDbCallBudget budget) {
        return DynamoDbClient.builder()
                .region(Region.of(region))
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

    /** No extensions: the default ones (versioned records, atomic counters) have nothing to do for this schema. */
    public static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).extensions().build();
    }
}
