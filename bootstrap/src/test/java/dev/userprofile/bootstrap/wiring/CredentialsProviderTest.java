package dev.userprofile.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.bootstrap.config.Configuration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The function's credentials, chosen by the variables it is given, as Lambda hands them over: with SnapStart only
 * the container credentials endpoint, without it the key variables. The SDK's container provider reads its variables
 * from the process itself, so fetching through it is tested where the function is a process of its own with
 * Lambda's variables: SnapStartInitTest, against an endpoint that checks the token.
 */
class CredentialsProviderTest {

    private static final Map<String, String> FUNCTION = Map.of("TABLE_NAME", "profiles", "AWS_REGION", "eu-west-1");

    private static Configuration configuration(Map<String, String> credentialVariables) {
        Map<String, String> environment = new HashMap<>(FUNCTION);
        environment.putAll(credentialVariables);
        return Configuration.fromEnvironment(environment);
    }

    @Test
    void withOnlyTheContainerEndpointUsesOnlyTheSdksContainerProvider() {
        Configuration configuration = configuration(
                Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/2018-06-01/credentials"));

        assertThat(AwsClientModule.credentialsProvider(configuration)).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void withBothTheKeysAreTheFallbackWhenTheEndpointCannotAnswer() {
        // This test's process has no container endpoint variables, so the SDK's container provider cannot answer.
        Configuration configuration = configuration(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/2018-06-01/credentials",
                "AWS_ACCESS_KEY_ID", "AKIAKEYS",
                "AWS_SECRET_ACCESS_KEY", "keys-secret"));

        AwsCredentialsIdentity credentials = AwsClientModule.credentialsProvider(configuration)
                .resolveIdentity()
                .join();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIAKEYS");
    }

    @Test
    void usesTheKeyVariablesWithTheirSessionTokenWhenThereIsNoContainerEndpoint() {
        Configuration configuration = configuration(Map.of(
                "AWS_ACCESS_KEY_ID",
                "ASIAKEYS",
                "AWS_SECRET_ACCESS_KEY",
                "keys-secret",
                "AWS_SESSION_TOKEN",
                "keys-session"));

        AwsCredentialsIdentity credentials = AwsClientModule.credentialsProvider(configuration)
                .resolveIdentity()
                .join();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIAKEYS");
        assertThat(credentials)
                .isInstanceOfSatisfying(
                        AwsSessionCredentialsIdentity.class,
                        session -> assertThat(session.sessionToken()).isEqualTo("keys-session"));
    }

    @Test
    void noCredentialVariablesFailAtInitNamingWhatIsMissingAndConfigurationNeverPrintsASecret() {
        assertThatThrownBy(() -> AwsClientModule.credentialsProvider(configuration(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
        assertThat(configuration(Map.of("AWS_ACCESS_KEY_ID", "AKIAKEYS", "AWS_SECRET_ACCESS_KEY", "keys-secret"))
                        .toString())
                .contains("AWS_SECRET_ACCESS_KEY")
                .doesNotContain("keys-secret", "AKIAKEYS");
    }
}
