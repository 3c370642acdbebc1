package dev.userprofile.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.shared.logging.MetricDimensions;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void readsTableNameRegionAndFunctionName() {
        assertThat(Configuration.fromEnvironment(Map.of(
                        "TABLE_NAME",
                        " profiles ",
                        "AWS_REGION",
                        "eu-west-1",
                        "AWS_LAMBDA_FUNCTION_NAME",
                        "stack-PostConfirmationFunction-abc")))
                .isEqualTo(new Configuration(
                        "profiles",
                        "eu-west-1",
                        "stack-PostConfirmationFunction-abc",
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()));
    }

    @Test
    void theVersionLambdaRunsDimensionsTheMetricsToo() {
        Configuration configuration = Configuration.fromEnvironment(Map.of(
                "TABLE_NAME", "profiles",
                "AWS_REGION", "eu-west-1",
                "AWS_LAMBDA_FUNCTION_NAME", "fn",
                "AWS_LAMBDA_FUNCTION_VERSION", "12"));

        assertThat(configuration.metricDimensions()).isEqualTo(new MetricDimensions("fn", Optional.of("12")));
    }

    @Test
    void readsALocalDynamoDbEndpointAndOnlyTheCredentialVariables() {
        Configuration configuration = Configuration.fromEnvironment(Map.of(
                "TABLE_NAME",
                "profiles",
                "AWS_REGION",
                "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB",
                "http://127.0.0.1:4567",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:9/creds",
                "HOME",
                "/root"));

        assertThat(configuration.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(configuration.credentialVariables()).containsOnlyKeys("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Test
    void outsideLambdaTheFunctionIsCalledLocal() {
        assertThat(Configuration.fromEnvironment(Map.of("TABLE_NAME", "profiles", "AWS_REGION", "eu-west-1"))
                        .functionName())
                .isEqualTo("local");
    }

    @Test
    void namesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> Configuration.fromEnvironment(Map.of("TABLE_NAME", "  ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Missing configuration: environment variable(s) TABLE_NAME, AWS_REGION");
    }
}
