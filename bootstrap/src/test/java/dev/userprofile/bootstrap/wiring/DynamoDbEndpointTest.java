package dev.userprofile.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.bootstrap.config.Configuration;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/** The function's DynamoDB client resolves its endpoint as the SDK does everywhere, not by a rule of our own. */
class DynamoDbEndpointTest {

    @ParameterizedTest(name = "{0} fips={1} dualStack={2}")
    @CsvSource({
        "eu-west-1,      false, false, https://dynamodb.eu-west-1.amazonaws.com",
        "eu-west-1,      true,  false, https://dynamodb-fips.eu-west-1.amazonaws.com",
        "us-east-1,      false, true,  https://dynamodb.us-east-1.api.aws",
        "cn-north-1,     false, false, https://dynamodb.cn-north-1.amazonaws.com.cn",
        "us-iso-east-1,  false, false, https://dynamodb.us-iso-east-1.c2s.ic.gov",
        "us-isob-east-1, false, false, https://dynamodb.us-isob-east-1.sc2s.sgov.gov",
        "eusc-de-east-1, false, false, https://dynamodb.eusc-de-east-1.amazonaws.eu",
    })
    void resolvesEveryPartitionFipsAndDualStackLikeTheSdk(
            String region, boolean fips, boolean dualStack, String expected) {
        Configuration configuration = Configuration.fromEnvironment(Map.of(
                "TABLE_NAME", "t", "AWS_REGION", region, "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s"));
        try (DynamoDbClient client = AwsClientModule.dynamoDbClient(
                configuration, AwsClientModule.httpClient(), AwsClientModule.credentialsProvider(configuration))) {
            DynamoDbEndpointProvider provider = (DynamoDbEndpointProvider)
                    client.serviceClientConfiguration().endpointProvider().orElseThrow();

            URI url = provider.resolveEndpoint(DynamoDbEndpointParams.builder()
                            .region(Region.of(region))
                            .useFips(fips)
                            .useDualStack(dualStack)
                            .build())
                    .join()
                    .url();

            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .as("no endpoint of ours without AWS_ENDPOINT_URL_DYNAMODB in the function's variables")
                    .isEmpty();
            assertThat(url).isEqualTo(URI.create(expected));
            assertThat(provider.getClass().getName())
                    .as("the SDK's own rules")
                    .startsWith("software.amazon.awssdk.services.dynamodb.endpoints.");
        }
    }

    @Test
    void aLocalEndpointInTheFunctionsVariablesIsTheClientsEndpoint() {
        Configuration configuration = Configuration.fromEnvironment(Map.of(
                "TABLE_NAME", "t",
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567",
                "AWS_ACCESS_KEY_ID", "k",
                "AWS_SECRET_ACCESS_KEY", "s"));
        try (DynamoDbClient client = AwsClientModule.dynamoDbClient(
                configuration, AwsClientModule.httpClient(), AwsClientModule.credentialsProvider(configuration))) {
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4567"));
        }
    }
}
