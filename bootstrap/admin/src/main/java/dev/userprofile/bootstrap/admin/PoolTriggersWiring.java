package dev.userprofile.bootstrap.admin;

import dev.userprofile.adapters.cognito.admin.CustomResourceResponder;
import dev.userprofile.adapters.cognito.admin.PoolTriggersResource;
import dev.userprofile.adapters.cognito.admin.TriggerAttachment;
import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** Builds the custom resource from a Lambda environment: a Cognito client in the stack's region, and its responder. */
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
        Optional<URI> endpoint = Optional.ofNullable(environment.get(CognitoClients.ENDPOINT_VARIABLE))
                .filter(value -> !value.isBlank())
                .map(URI::create);
        // Cognito's default client limits (CognitoClients): a DescribeUserPool or UpdateUserPool answers quickly.
        var cognito = CognitoClients.builder(
                        region.strip(),
                        endpoint,
                        UrlConnectionHttpClient.create(),
                        DynamoDbClients.lambdaCredentials(environment))
                .build();
        return new PoolTriggersResource(
                new TriggerAttachment(cognito), region.strip(), new CustomResourceResponder(), Clock.systemUTC());
    }
}
