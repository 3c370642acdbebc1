package dev.userprofile.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.bootstrap.config.Configuration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The SDK clients of every function, built by the DynamoDB adapter once per execution environment: the HTTP client
 * and the credentials that all of a function's clients share, a client within a given call budget, and the trigger's
 * two DynamoDB clients (one for registrations, one for sign-ins).
 */
@Module
public final class AwsClientModule {

    private AwsClientModule() {}

    @Provides
    @Singleton
    public static SdkHttpClient httpClient() {
        return DynamoDbClients.httpClient();
    }

    @Provides
    @Singleton
    public static AwsCredentialsProvider credentialsProvider(Configuration configuration) {
        return DynamoDbClients.lambdaCredentials(configuration.credentialVariables());
    }

    /** For registrations: sign-up confirmations and password resets. */
    @Provides
    @Singleton
    @Registration
    public static DynamoDbClient dynamoDbClient(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return dynamoDbClientBuilder(configuration, httpClient, credentials, DynamoDbCallBudget.REGISTRATION)
                .build();
    }

    /** For sign-ins: the same connections and credentials, a much shorter budget. */
    @Provides
    @Singleton
    @SignIn
    static DynamoDbClient signInDynamoDbClient(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return dynamoDbClientBuilder(configuration, httpClient, credentials, DynamoDbCallBudget.SIGN_IN)
                .build();
    }

    /** The adapter's builder for this function's region (tests and benchmarks point it at a local endpoint). */
    public static DynamoDbClientBuilder dynamoDbClientBuilder(
            Configuration configuration,
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials,
            DynamoDbCallBudget budget) {
        return DynamoDbClients.builder(
                configuration.region(), configuration.dynamoDbEndpoint(), httpClient, credentials, budget);
    }

    /** The enhanced client on a DynamoDB client with {@code budget}, for one function's module. */
    static DynamoDbEnhancedClient enhancedClient(
            Configuration configuration,
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials,
            DynamoDbCallBudget budget) {
        return DynamoDbClients.enhanced(dynamoDbClientBuilder(configuration, httpClient, credentials, budget)
                .build());
    }

    @Provides
    @Singleton
    @Registration
    static DynamoDbEnhancedClient enhancedClient(@Registration DynamoDbClient dynamoDb) {
        return DynamoDbClients.enhanced(dynamoDb);
    }

    @Provides
    @Singleton
    @SignIn
    static DynamoDbEnhancedClient signInEnhancedClient(@SignIn DynamoDbClient dynamoDb) {
        return DynamoDbClients.enhanced(dynamoDb);
    }
}
