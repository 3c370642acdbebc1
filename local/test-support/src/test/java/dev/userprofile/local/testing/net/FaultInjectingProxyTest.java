package dev.userprofile.local.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.testing.net.FaultInjectingProxy.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's faults, seen by a plain HTTP client, in front of an upstream that records what reached it. */
class FaultInjectingProxyTest {

    private HttpServer upstream;
    private final List<String> reachedUpstream = new CopyOnWriteArrayList<>();
    private FaultInjectingProxy proxy;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reachedUpstream.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.start();
        proxy = new FaultInjectingProxy(
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.stop(0);
        client.close();
    }

    private HttpResponse<String> send(String operation) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                        .timeout(Duration.ofSeconds(3))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"t\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFaultForOneOperationLeavesTheOthersAlone() throws Exception {
        proxy.failAlways(FaultInjectingProxy.Fault.INTERNAL_SERVER_ERROR_500, "PutItem");

        assertThat(send("GetItem").statusCode()).isEqualTo(200);
        assertThat(send("PutItem").statusCode()).isEqualTo(500);
        assertThat(send("PutItem").statusCode()).isEqualTo(500);
        proxy.clear();
        assertThat(send("PutItem").statusCode()).isEqualTo(200);
        assertThat(reachedUpstream).hasSize(2);
    }

    @Test
    void withNoFaultQueuedRelaysRequestAndAnswerAndRecordsTheOperation() throws Exception {
        HttpResponse<String> response = send("PutItem");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(reachedUpstream).containsExactly("DynamoDB_20120810.PutItem {\"TableName\":\"t\"}");
        assertThat(proxy.operations()).containsExactly("PutItem");
        assertThat(proxy.forwardedCount()).isEqualTo(1);
    }

    @Test
    void aQueuedFaultAnswersTheNextRequestsAsDynamoDbDoesThenTrafficPassesAgain() throws Exception {
        proxy.failNext(1, Fault.THROTTLING);
        proxy.failNext(1, Fault.SERVICE_UNAVAILABLE_503);

        HttpResponse<String> throttled = send("PutItem");
        HttpResponse<String> unavailable = send("PutItem");
        HttpResponse<String> passed = send("GetItem");

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.body()).contains("ThrottlingException");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(reachedUpstream).as("faulted requests never reach DynamoDB").hasSize(1);
        assertThat(proxy.requests())
                .containsExactly(
                        "DynamoDB_20120810.PutItem <- THROTTLING",
                        "DynamoDB_20120810.PutItem <- SERVICE_UNAVAILABLE_503",
                        "DynamoDB_20120810.GetItem");
        assertThat(proxy.operations()).containsExactly("PutItem", "PutItem", "GetItem");
    }

    @Test
    void aLostResponseStillWritesUpstreamAndTheClientSeesTheConnectionDrop() {
        proxy.failNext(1, Fault.RESPONSE_LOST_AFTER_WRITE);

        assertThatThrownBy(() -> send("PutItem")).isInstanceOf(IOException.class);

        assertThat(reachedUpstream).hasSize(1);
        assertThat(proxy.forwardedCount()).isEqualTo(1);
    }

    @Test
    void aResetNeverReachesUpstream() {
        proxy.failNext(1, Fault.CONNECTION_RESET);

        assertThatThrownBy(() -> send("PutItem")).isInstanceOf(IOException.class);

        assertThat(reachedUpstream).isEmpty();
    }

    @Test
    void noResponseHoldsTheRequestUntilTheClientGivesUp() {
        proxy.failAlways(Fault.NO_RESPONSE);

        long start = System.nanoTime();
        assertThatThrownBy(() -> send("GetItem")).isInstanceOf(IOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(reachedUpstream).isEmpty();
    }

    @Test
    void clearingForgetsFaultsAndRecordsAndListensOnTheChosenPort() throws Exception {
        proxy.failAlways(Fault.INTERNAL_SERVER_ERROR_500);
        assertThat(send("PutItem").statusCode()).isEqualTo(500);

        proxy.clear();
        proxy.clearRequests();

        assertThat(send("PutItem").statusCode()).isEqualTo(200);
        assertThat(proxy.operations()).containsExactly("PutItem");
        int port = LoopbackPorts.free();
        try (FaultInjectingProxy onPort = new FaultInjectingProxy(proxy.endpoint(), port)) {
            assertThat(onPort.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        }
    }
}
