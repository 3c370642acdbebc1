package dev.userprofile.adapters.cognito.directory;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/** How a function's Cognito client is built: the caller's HTTP client and credentials, a call budget of its own. */
public final class CognitoClients {

    /**
     * The variable through which the SDK, and so every tool of this project, is pointed at another Cognito endpoint
     * (a local emulator); Lambda never sets it.
     */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    /** One attempt's limit: a ListUsers of one user answers in tens of milliseconds. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** All attempts of one call, backoff included. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    /** Attempts of one call: throttling is the likely failure, and the caller's own retry follows. */
    public static final int MAX_ATTEMPTS = 3;

    private CognitoClients() {}

    public static CognitoIdentityProviderClientBuilder builder(
            String region, Optional<URI> endpoint, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .build();
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .retryStrategy(retries));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
