package dev.userprofile.local.support.cognito;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.net.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What CloudTrail and EventBridge are to the stack on AWS, for cognito-local: a proxy in front of it that relays every
 * request and, for each successful call among {@code eventNames} (the template's rule), hands the CloudTrail-shaped
 * event ({@link CloudTrailEvents}) to {@code sink} on a thread of its own, as EventBridge invokes a target
 * asynchronously. The user's sub is found as CloudTrail records it: from the pool before a call by user name
 * (deletion included), from the answer of a creation, from the access token of a call the user makes.
 */
public final class CognitoEventRecorder implements AutoCloseable {

    private static final String PREFIX = "AWSCognitoIdentityProviderService.";

    private final URI upstream;
    private final Set<String> eventNames;
    private final Consumer<String> sink;
    private final HttpServer server;
    private final HttpClient forwarder =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cloudtrail-delivery");
        thread.setDaemon(true);
        return thread;
    });

    public CognitoEventRecorder(int port, URI upstream, List<String> eventNames, Consumer<String> sink) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.eventNames = Set.copyOf(eventNames);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.server = LoopbackHttpServer.start(port, "cognito-event-recorder", this::relay);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    .orElse("");
            String operation = target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : "";
            boolean recorded = eventNames.contains(operation);
            Map<String, Object> request =
                    recorded ? JsonValues.object(new String(body, StandardCharsets.UTF_8)) : Map.of();
            Optional<String> subBefore = recorded ? subBefore(exchange, request) : Optional.empty();

            HttpResponse<byte[]> response = forward(exchange, body);
            if (response == null) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!FaultInjectingProxy.HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            LoopbackHttpServer.respond(exchange, response.statusCode(), response.body());
            if (recorded && response.statusCode() / 100 == 2) {
                Optional<String> sub = subBefore.or(() -> subInAnswer(response.body()));
                Optional<String> pool = Optional.ofNullable((String) request.get("UserPoolId"));
                sub.ifPresent(s -> delivery.execute(() -> sink.accept(CloudTrailEvents.userCall(operation, pool, s))));
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!FaultInjectingProxy.HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The sub of the user a call names, read before the call: from the access token, or from the pool. */
    private Optional<String> subBefore(HttpExchange exchange, Map<String, Object> request) throws IOException {
        if (request.get("AccessToken") instanceof String token) {
            String[] parts = token.split("\\.");
            if (parts.length == 3) {
                String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                return Optional.ofNullable((String) JsonValues.object(claims).get("sub"));
            }
            return Optional.empty();
        }
        if (request.get("UserPoolId") instanceof String pool && request.get("Username") instanceof String username) {
            String lookup = "{\"UserPoolId\":\"" + pool + "\",\"Username\":\"" + username.replace("\"", "\\\"") + "\"}";
            HttpRequest.Builder get = HttpRequest.newBuilder(upstream.resolve("/"))
                    .POST(HttpRequest.BodyPublishers.ofString(lookup))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", PREFIX + "AdminGetUser");
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                    .ifPresent(value -> get.header("Authorization", value));
            try {
                HttpResponse<byte[]> user = forwarder.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (user.statusCode() == 200) {
                    return subIn(JsonValues.object(new String(user.body(), StandardCharsets.UTF_8))
                            .get("UserAttributes"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    /** A creation's answer: {@code User.Attributes}. */
    private static Optional<String> subInAnswer(byte[] answer) {
        if (answer.length == 0) {
            return Optional.empty();
        }
        Map<String, Object> response = JsonValues.object(new String(answer, StandardCharsets.UTF_8));
        return response.get("User") instanceof Map<?, ?> user ? subIn(user.get("Attributes")) : Optional.empty();
    }

    private static Optional<String> subIn(Object attributes) {
        if (attributes instanceof List<?> list) {
            for (Object each : list) {
                if (each instanceof Map<?, ?> attribute && "sub".equals(attribute.get("Name"))) {
                    return Optional.ofNullable((String) attribute.get("Value"));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
        delivery.shutdownNow();
        forwarder.close();
    }
}
