package dev.userprofile.local.support.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.local.testing.json.JsonValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerCredentialsServerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void servesFreshCredentialsThatExpireAfterTheLifetimeOnlyWithTheToken() throws Exception {
        try (ContainerCredentialsServer server =
                        new ContainerCredentialsServer(Duration.ofSeconds(65), Clock.fixed(NOW, ZoneOffset.UTC));
                HttpClient http = HttpClient.newHttpClient()) {
            Map<String, String> env = server.environment();
            URI uri = URI.create(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));

            HttpResponse<String> refused =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            HttpRequest authorised = HttpRequest.newBuilder(uri)
                    .header("Authorization", env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"))
                    .build();
            Map<String, Object> first = JsonValues.object(
                    http.send(authorised, HttpResponse.BodyHandlers.ofString()).body());
            Map<String, Object> second = JsonValues.object(
                    http.send(authorised, HttpResponse.BodyHandlers.ofString()).body());

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(first)
                    .containsKeys("AccessKeyId", "SecretAccessKey", "Token")
                    .containsEntry("Expiration", "2026-11-30T10:01:05Z");
            assertThat(second.get("AccessKeyId")).isNotEqualTo(first.get("AccessKeyId"));
            assertThat(server.served()).isEqualTo(2);
        }
    }
}
