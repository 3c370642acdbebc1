package dev.userprofile.adapters.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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

    private static final String CONTAINER_ENDPOINT = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    private static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    private static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    /** The variables through which Lambda hands over credentials: what {@link #lambdaCredentials} reads. */
    public static final List<String> CREDENTIAL_VARIABLES =
            List.of(CONTAINER_ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN);

    private DynamoDbClients() {}

    /** The JDK's URL connection: no connection pool threads or native code to start at cold start. */
    public static SdkHttpClient httpClient() {
        return httpClient(DynamoDbCallBudget.SOCKET_TIMEOUT);
    }

    /** The same, for calls whose answer may take longer to start: a Scan page of a batch job. */
    public static SdkHttpClient httpClient(Duration socketTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(DynamoDbCallBudget.CONNECT_TIMEOUT)
                .socketTimeout(socketTimeout)
                .build();
    }

    /**
     * The credentials Lambda hands over, chosen by the variables given: with SnapStart only the container credentials
     * endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), which answers with fresh credentials after a restore;
     * without SnapStart the key variables, which hold for the execution environment's life; when both are there, the
     * endpoint first and the keys if it fails. The SDK's container provider reads the endpoint and its token
     * ({@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) from the process, where Lambda sets them. Nothing else is tried,
     * which keeps init short.
     *
     * @throws IllegalStateException when the variables carry neither, so a misconfigured environment fails at init
     */
    public static AwsCredentialsProvider lambdaCredentials(Map<String, String> variables) {
        Optional<AwsCredentialsProvider> keys = keyVariables(variables);
        if (!variables.containsKey(CONTAINER_ENDPOINT)) {
            return keys.orElseThrow(() -> new IllegalStateException("No credentials: neither "
                    + "AWS_CONTAINER_CREDENTIALS_FULL_URI nor AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set"));
        }
        ContainerCredentialsProvider container = ContainerCredentialsProvider.create();
        return keys.<AwsCredentialsProvider>map(fallback -> AwsCredentialsProviderChain.builder()
                        .credentialsProviders(container, fallback)
                        .build())
                .orElse(container);
    }

    private static Optional<AwsCredentialsProvider> keyVariables(Map<String, String> variables) {
        String keyId = variables.get(ACCESS_KEY_ID);
        String secret = variables.get(SECRET_ACCESS_KEY);
        if (keyId == null || secret == null) {
            return Optional.empty();
        }
        String session = variables.get(SESSION_TOKEN);
        return Optional.of(StaticCredentialsProvider.create(
                session == null
                        ? AwsBasicCredentials.create(keyId, secret)
                        : AwsSessionCredentials.create(keyId, secret, session)));
    }

    /**
     * The client as a function uses it, still open to changes. The endpoint is the SDK's own resolution (FIPS,
     * dual-stack, every partition; SnapStart's priming runs it before the snapshot) unless {@code endpoint} names
     * another one (a local DynamoDB).
     */
    public static DynamoDbClientBuilder builder(
            String region,
            Optional<URI> endpoint,
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials,
            DynamoDbCallBudget budget) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(budget.attemptTimeout())
                        .apiCallTimeout(budget.totalTimeout())
                        .retryStrategy(retryStrategy(budget, FullJitterBackoff.osEntropy())));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The SDK's standard strategy within a call budget, with jitter no snapshot can fix in advance. */
    static RetryStrategy retryStrategy(DynamoDbCallBudget budget, RandomGenerator random) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(budget.maxAttempts())
                .backoffStrategy(new FullJitterBackoff(budget.backoffBase(), budget.backoffMax(), random))
                .throttlingBackoffStrategy(
                        new FullJitterBackoff(budget.throttlingBackoffBase(), budget.throttlingBackoffMax(), random))
                .build();
    }

    /** No extensions: the default ones (versioned records, atomic counters) have nothing to do for this schema. */
    public static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder()
                .dynamoDbClient(dynamoDb)
                .extensions()
                .build();
    }
}
