package dev.userprofile.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The function's credentials, as Lambda hands them over with SnapStart (container credentials endpoint only) and
 * without it (key variables; the surefire run sets AWS_ACCESS_KEY_ID=test as Lambda would).
 */
class CredentialsProviderTest {

    private HttpServer endpoint;

    @AfterEach
    void tearDown() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void usesTheContainerCredentialsEndpointAsLambdaProvidesItWithSnapStart() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] body = ("{\"AccessKeyId\":\"ASIACONTAINER\",\"SecretAccessKey\":\"container-secret\","
                + "\"Token\":\"container-session\",\"Expiration\":\"" + expiry + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        endpoint.createContext("/2018-06-01/credentials", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        endpoint.start();
        System.setProperty("aws.containerCredentialsFullUri",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2018-06-01/credentials");
        System.setProperty("aws.containerAuthorizationToken", "snapstart-token");

        AwsCredentialsIdentity credentials = AwsClientModule.credentialsProvider().resolveIdentity().join();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIACONTAINER");
        assertThat(credentials.secretAccessKey()).isEqualTo("container-secret");
        assertThat(authorizations).containsExactly("snapstart-token");
    }

    @Test
    void usesTheKeyVariablesWhenThereIsNoContainerEndpoint() {
        AwsCredentialsIdentity credentials = AwsClientModule.credentialsProvider().resolveIdentity().join();

        assertThat(credentials.accessKeyId()).isEqualTo(System.getenv("AWS_ACCESS_KEY_ID"));
    }
}
