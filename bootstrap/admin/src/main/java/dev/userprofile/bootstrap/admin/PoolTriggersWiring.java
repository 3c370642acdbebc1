package dev.userprofile.bootstrap.admin;

import dev.userprofile.adapters.cognito.admin.CustomResourceResponder;
import dev.userprofile.adapters.cognito.admin.PoolTriggersResource;
import dev.userprofile.adapters.cognito.admin.StackStatus;
import dev.userprofile.adapters.cognito.admin.TriggerAttachment;
import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;

/**
 * Builds the custom resource from a Lambda environment: Cognito and CloudFormation clients in the stack's region, and
 * its responder.
 */
final class PoolTriggersWiring {

    private PoolTriggersWiring() {}

    /**
     * @throws IllegalStateException when AWS_REGION or the credential variables are missing, naming them
     */
    static PoolTriggersResource resource(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("Missing configuration: AWS_REGION must be set (Lambda sets it)");
        }
        var credentials = DynamoDbClients.lambdaCredentials(environment);
        var httpClient = UrlConnectionHttpClient.create();
        // Cognito's default client limits (CognitoClients): a DescribeUserPool or UpdateUserPool answers quickly.
        var cognito = CognitoClients.builder(
                        region.strip(),
                        endpoint(environment, CognitoClients.ENDPOINT_VARIABLE),
                        httpClient,
                        credentials)
                .build();
        CloudFormationClientBuilder cloudFormation = CloudFormationClient.builder()
                .region(Region.of(region.strip()))
                .httpClient(httpClient)
                .credentialsProvider(credentials);
        endpoint(environment, CLOUDFORMATION_ENDPOINT).ifPresent(cloudFormation::endpointOverride);
        return new PoolTriggersResource(
                new TriggerAttachment(cognito),
                new StackStatus(cloudFormation.build()),
                region.strip(),
                new CustomResourceResponder(),
                Clock.systemUTC());
    }

    /** The SDK's standard variable for another CloudFormation endpoint (tests give a local one). */
    static final String CLOUDFORMATION_ENDPOINT = "AWS_ENDPOINT_URL_CLOUDFORMATION";

    private static Optional<URI> endpoint(Map<String, String> environment, String variable) {
        return Optional.ofNullable(environment.get(variable))
                .filter(value -> !value.isBlank())
                .map(value -> URI.create(value.strip()));
    }
}
