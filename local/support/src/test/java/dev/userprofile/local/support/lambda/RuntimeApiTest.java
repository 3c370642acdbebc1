package dev.userprofile.local.support.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local Runtime and Invoke APIs, driven by a hand-rolled runtime over plain HTTP. */
class RuntimeApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> timedOut = new CopyOnWriteArrayList<>();
    private RuntimeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new RuntimeApi(0, "Fn", Duration.ofMillis(300));
        api.onTimeout(timedOut::add);
    }

    @AfterEach
    void stop() {
        api.close();
        http.close();
    }

    private HttpResponse<String> next() throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://" + api.runtimeApiAddress() + "/2018-06-01/runtime/invocation/next"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int post(String path, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://" + api.runtimeApiAddress() + "/2018-06-01/runtime" + path))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private CompletableFuture<RuntimeApi.InvocationResult> invokeAsync(String event) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return api.invoke(event.getBytes());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aResponseFromTheRuntimeIsTheInvocationsPayload() throws Exception {
        CompletableFuture<RuntimeApi.InvocationResult> result = invokeAsync("{\"n\":1}");
        HttpResponse<String> event = next();
        String requestId =
                event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        assertThat(event.body()).isEqualTo("{\"n\":1}");
        assertThat(event.headers().firstValue("Lambda-Runtime-Deadline-Ms")).isPresent();
        assertThat(post("/invocation/" + requestId + "/response", "{\"ok\":true}"))
                .isEqualTo(202);
        assertThat(result.get(5, TimeUnit.SECONDS))
                .isEqualTo(new RuntimeApi.InvocationResult("{\"ok\":true}", Optional.empty()));
        assertThat(api.awaitRuntimeReady(Duration.ZERO)).isTrue();
    }

    @Test
    void anErrorFromTheRuntimeIsAnUnhandledFunctionError() throws Exception {
        CompletableFuture<RuntimeApi.InvocationResult> result = invokeAsync("{}");
        String requestId =
                next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        post("/invocation/" + requestId + "/error", "{\"errorMessage\":\"boom\",\"errorType\":\"E\"}");

        assertThat(result.get(5, TimeUnit.SECONDS))
                .isEqualTo(new RuntimeApi.InvocationResult(
                        "{\"errorMessage\":\"boom\",\"errorType\":\"E\"}", Optional.of("Unhandled")));
    }

    @Test
    void anInvocationPastTheTimeoutFailsAsLambdaSaysAndEndsTheEnvironment() throws Exception {
        CompletableFuture<RuntimeApi.InvocationResult> result = invokeAsync("{}");
        String requestId =
                next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        RuntimeApi.InvocationResult timedOutResult = result.get(5, TimeUnit.SECONDS);

        assertThat(timedOutResult.functionError()).contains("Unhandled");
        assertThat(timedOutResult.payload())
                .isEqualTo("{\"errorMessage\":\"" + requestId + " Task timed out after 0.30 seconds\"}");
        assertThat(timedOut).containsExactly(requestId);
        assertThat(post("/invocation/" + requestId + "/response", "{}"))
                .as("a late answer is refused")
                .isEqualTo(400);
    }

    @Test
    void aSnapStartInitReachesItsCheckpointThroughRestoreNext() throws Exception {
        assertThat(api.reachedCheckpoint()).isFalse();

        HttpResponse<String> restore = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://" + api.runtimeApiAddress() + "/2018-06-01/runtime/restore/next"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(restore.statusCode()).isEqualTo(200);
        assertThat(api.reachedCheckpoint()).isTrue();
    }

    @Test
    void aHeldRestoreKeepsTheRuntimeAtItsCheckpointUntilReleased() throws Exception {
        api.holdRestore();
        CompletableFuture<HttpResponse<String>> restore = CompletableFuture.supplyAsync(() -> {
            try {
                return http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + api.runtimeApiAddress() + "/2018-06-01/runtime/restore/next"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(api.awaitCheckpoint(Duration.ofSeconds(5))).isTrue();
        assertThat(api.reachedCheckpoint()).isTrue();
        Thread.sleep(200);
        assertThat(restore).as("not restored before the release").isNotDone();

        api.releaseRestore();

        assertThat(restore.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnheldRestoreAnswersAtOnce() throws Exception {
        HttpResponse<String> restore = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://" + api.runtimeApiAddress() + "/2018-06-01/runtime/restore/next"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(restore.statusCode()).isEqualTo(200);
        assertThat(api.reachedCheckpoint()).isTrue();
    }
}
