package dev.userprofile.bootstrap.wiring;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * DynamoDB's regional endpoint, worked out directly instead of by the SDK's generic rules engine, which at cold start
 * parses the partitions file and evaluates the endpoint rule set before the first call. An endpoint override (such
 * as AWS_ENDPOINT_URL_DYNAMODB) is honoured as the SDK would. No FIPS, dual-stack or account-based endpoints: the
 * function uses none.
 */
final class RegionalDynamoDbEndpointProvider implements DynamoDbEndpointProvider {

    @Override
    public CompletableFuture<Endpoint> resolveEndpoint(DynamoDbEndpointParams params) {
        String override = params.endpoint();
        URI url = override != null ? URI.create(override) : regional(params.region().id());
        return CompletableFuture.completedFuture(Endpoint.builder().url(url).build());
    }

    static URI regional(String region) {
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://dynamodb." + region + "." + domain);
    }
}
