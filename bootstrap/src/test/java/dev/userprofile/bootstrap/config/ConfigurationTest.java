package dev.userprofile.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void readsTableNameRegionAndFunctionName() {
        assertThat(Configuration.fromEnvironment(Map.of("TABLE_NAME", " profiles ", "AWS_REGION", "eu-west-1",
                "AWS_LAMBDA_FUNCTION_NAME", "stack-PostConfirmationFunction-abc")))
                .isEqualTo(new Configuration("profiles", "eu-west-1", "stack-PostConfirmationFunction-abc"));
    }

    @Test
    void outsideLambdaTheFunctionIsCalledLocal() {
        assertThat(Configuration.fromEnvironment(Map.of("TABLE_NAME", "profiles", "AWS_REGION", "eu-west-1"))
                .functionName()).isEqualTo("local");
    }

    @Test
    void namesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> Configuration.fromEnvironment(Map.of("TABLE_NAME", "  ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Missing configuration: environment variable(s) TABLE_NAME, AWS_REGION");
    }
}
