package dev.userprofile.local.support.cognito;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.net.LoopbackHttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * A proxy on loopback in front of cognito-local that adds what its {@code ListUsers} lacks: pages. cognito-local
 * ignores {@code Limit} and {@code PaginationToken} and returns every user at once; Cognito returns at most 60 a page
 * with a token for the next. Here each {@code ListUsers} answer is cut to the requested page (60 by default) with an
 * opaque token, so tools that page through a pool are tested as Cognito will drive them. Every other call passes
 * through unchanged.
 */
public final class CognitoPagingProxy implements AutoCloseable {

    private static final String LIST_USERS = "AWSCognitoIdentityProviderService.ListUsers";
    private static final int MAX_PAGE = 60;
    private static final JsonFactory JSON = new JsonFactory();

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient forwarder =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger listUsersCalls = new AtomicInteger();
    private volatile int failingFromCall = Integer.MAX_VALUE;

    public CognitoPagingProxy(URI upstream) {
        this.upstream = upstream;
        server = LoopbackHttpServer.start(0, "cognito-paging-proxy", this::relay);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * From the {@code call}-th ListUsers on (counting every call so far, from 1), answer with Cognito's internal
     * error (HTTP 500), as an outage that outlasts a client's retries looks to it; {@code Integer.MAX_VALUE} heals.
     */
    public void failListUsersFrom(int call) {
        failingFromCall = call;
    }

    /** ListUsers calls answered so far (one per page). */
    public int listUsersCalls() {
        return listUsersCalls.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (LIST_USERS.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                if (listUsersCalls.get() + 1 >= failingFromCall) {
                    listUsersCalls.incrementAndGet();
                    error(exchange, 500, "InternalErrorException");
                    return;
                }
                if (!validToken(JsonValues.object(new String(body, StandardCharsets.UTF_8)))) {
                    // As Cognito answers a token it did not issue.
                    error(exchange, 400, "InvalidParameterException");
                    return;
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!FaultInjectingProxy.HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] answer = response.body();
            if (LIST_USERS.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    && response.statusCode() == 200) {
                listUsersCalls.incrementAndGet();
                answer = page(JsonValues.object(new String(body, StandardCharsets.UTF_8)), answer);
            }
            response.headers().map().forEach((name, values) -> {
                if (!FaultInjectingProxy.HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            LoopbackHttpServer.respond(exchange, response.statusCode(), answer);
        }
    }

    private static void error(HttpExchange exchange, int status, String type) throws IOException {
        byte[] error =
                ("{\"__type\":\"" + type + "\",\"message\":\"from the test proxy\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(status, error.length);
        exchange.getResponseBody().write(error);
    }

    private static boolean validToken(Map<String, Object> request) {
        if (!(request.get("PaginationToken") instanceof String token)) {
            return true;
        }
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)) >= 0;
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    /** The page of {@code allUsers} that the request asks for, with a token when more follow. */
    static byte[] page(Map<String, Object> request, byte[] allUsers) throws IOException {
        int limit = request.get("Limit") instanceof Number n ? Math.min(n.intValue(), MAX_PAGE) : MAX_PAGE;
        int offset = request.get("PaginationToken") instanceof String token
                ? Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8))
                : 0;
        List<String> users = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(allUsers)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME
                        && "Users".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        StringWriter user = new StringWriter();
                        try (JsonGenerator copy = JSON.createGenerator(user)) {
                            copy.copyCurrentStructure(parser);
                        }
                        users.add(user.toString());
                    }
                }
            }
        }
        int end = Math.min(users.size(), offset + limit);
        StringBuilder page = new StringBuilder("{\"Users\":[")
                .append(String.join(",", users.subList(Math.min(offset, end), end)))
                .append(']');
        if (end < users.size()) {
            page.append(",\"PaginationToken\":\"")
                    .append(Base64.getEncoder()
                            .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)))
                    .append('"');
        }
        return page.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        forwarder.close();
    }
}
