package dev.userprofile.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.bootstrap.config.Configuration;
import java.security.Security;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lambda's runtime clears the JVM's DNS cache before a SnapStart snapshot and sets a short negative TTL; the
 * function must not undo that by caching lookups for longer (or forever) itself, or a restored environment could
 * keep using an address DynamoDB has since moved away from.
 */
class DnsCachingTest {

    @Test
    void buildingTheFunctionLeavesTheJdksFiniteDnsCacheAlone() {
        String before = Security.getProperty("networkaddress.cache.ttl");
        TriggerComponent.create(Configuration.fromEnvironment(Map.of(
                        "TABLE_NAME",
                        "t",
                        "AWS_REGION",
                        "eu-west-1",
                        "AWS_ACCESS_KEY_ID",
                        "k",
                        "AWS_SECRET_ACCESS_KEY",
                        "s")))
                .cognitoTrigger();

        assertThat(Security.getProperty("networkaddress.cache.ttl")).isEqualTo(before);
        assertThat(before)
                .as("the JDK's default is a finite TTL (30 s), unset in java.security")
                .isNull();
        assertThat(System.getProperty("sun.net.inetaddr.ttl")).isNull();
        assertThat(System.getProperty("networkaddress.cache.ttl")).isNull();
    }
}
