package dev.userprofile.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void readsTableNameAndRegion() {
        assertThat(Configuration.fromEnvironment(Map.of("TABLE_NAME", " profiles ", "AWS_REGION", "eu-west-1")))
                .isEqualTo(new Configuration("profiles", "eu-west-1"));
    }

    @Test
    void namesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> Configuration.fromEnvironment(Map.of("TABLE_NAME", "  ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Missing configuration: environment variable(s) TABLE_NAME, AWS_REGION");
    }
}
