package dev.userprofile.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

class RegionalDynamoDbEndpointProviderTest {

    private final RegionalDynamoDbEndpointProvider provider = new RegionalDynamoDbEndpointProvider();

    /** Where the SDK's own rules send a plain regional call: the provider must agree. */
    @ParameterizedTest
    @CsvSource({"eu-west-1", "us-east-1", "ap-southeast-2", "cn-north-1", "cn-northwest-1", "us-gov-west-1",
            "eu-central-2"})
    void agreesWithTheSdksRulesForPlainRegionalCalls(String region) {
        DynamoDbEndpointParams params = DynamoDbEndpointParams.builder().region(Region.of(region)).build();

        URI ours = provider.resolveEndpoint(params).join().url();
        URI sdks = DynamoDbEndpointProvider.defaultProvider().resolveEndpoint(params).join().url();

        assertThat(ours).isEqualTo(sdks);
    }

    @Test
    void honoursAnEndpointOverride() {
        DynamoDbEndpointParams params = DynamoDbEndpointParams.builder().region(Region.EU_WEST_1)
                .endpoint("http://127.0.0.1:4567").build();

        assertThat(provider.resolveEndpoint(params).join().url()).isEqualTo(URI.create("http://127.0.0.1:4567"));
    }
}
