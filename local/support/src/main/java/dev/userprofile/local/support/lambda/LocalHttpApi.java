package dev.userprofile.local.support.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.support.cognito.PoolTokenVerifier;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.net.LoopbackHttpServer;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

/**
 * An API Gateway HTTP API on loopback, as template.yaml declares the profile API: the function's {@code HttpApi}
 * routes with their authorization scopes ({@link #routesOf}), a JWT authorizer on the pool (checked by
 * {@link PoolTokenVerifier}), and a Lambda integration with payload format 2.0 to a function run by the Lambda Java
 * runtime ({@link LocalLambda}). No route: 404; no valid token: 401; a token without one of the route's scopes (an ID
 * token has none): 403; each answered as API Gateway answers it, without calling the function.
 */
public final class LocalHttpApi implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final PoolTokenVerifier tokens;
    private final LocalLambda function;
    private final Clock clock;

    /** Route key ({@code GET /me}) to the scopes it asks for (none: any valid token). */
    private final Map<String, Set<String>> routes;

    public LocalHttpApi(
            int port, Map<String, Set<String>> routes, PoolTokenVerifier tokens, LocalLambda function, Clock clock) {
        this.routes = Map.copyOf(routes);
        this.tokens = tokens;
        this.function = function;
        this.clock = clock;
        server = LoopbackHttpServer.start(port, "local-http-api", this::serve);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Set<String> scopes = routes.get(method + " " + path);
            if (scopes == null) {
                send(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            Optional<Map<String, String>> claims =
                    tokens.claims(exchange.getRequestHeaders().getFirst("Authorization"));
            if (claims.isEmpty()) {
                send(
                        exchange,
                        401,
                        Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"),
                        "{\"message\":\"Unauthorized\"}");
                return;
            }
            Set<String> granted = Set.of(claims.get().getOrDefault("scope", "").split(" "));
            if (!scopes.isEmpty() && scopes.stream().noneMatch(granted::contains)) {
                send(exchange, 403, Map.of("Content-Type", "application/json"), "{\"message\":\"Forbidden\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            RuntimeApi.InvocationResult result = function.invoke(event(exchange, method, path, claims.get(), body));
            if (result.functionError().isPresent()) {
                send(
                        exchange,
                        500,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}");
                return;
            }
            respond(exchange, JsonValues.object(result.payload()));
        }
    }

    /**
     * The {@code HttpApi} events of {@code functionLogicalId} in {@code template}: route key to the scopes it asks for.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Set<String>> routesOf(Path template, String functionLogicalId) {
        Map<String, Object> properties = CloudFormationYaml.properties(
                CloudFormationYaml.load(template), functionLogicalId, "AWS::Serverless::Function");
        Map<String, Set<String>> routes = new HashMap<>();
        CloudFormationYaml.map(properties.get("Events"), "Events").forEach((name, each) -> {
            Map<String, Object> event = CloudFormationYaml.map(each, name);
            if ("HttpApi".equals(event.get("Type"))) {
                Map<String, Object> route = CloudFormationYaml.map(event.get("Properties"), name);
                Object auth = route.get("Auth");
                List<Object> scopes = auth instanceof Map<?, ?> a && a.get("AuthorizationScopes") instanceof List<?> l
                        ? (List<Object>) l
                        : List.of();
                routes.put(
                        route.get("Method").toString().toUpperCase(Locale.ROOT) + " " + route.get("Path"),
                        scopes.stream().map(Object::toString).collect(Collectors.toSet()));
            }
        });
        return routes;
    }

    /** The payload format 2.0 event API Gateway sends for this request. */
    private String event(HttpExchange exchange, String method, String path, Map<String, String> claims, byte[] body)
            throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", method + " " + path);
            json.writeStringField("rawPath", path);
            String query = exchange.getRequestURI().getRawQuery();
            json.writeStringField("rawQueryString", query == null ? "" : query);
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, java.util.List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                json.writeStringField(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("accountId", "000000000000");
            json.writeStringField("apiId", "local");
            json.writeObjectFieldStart("authorizer");
            json.writeObjectFieldStart("jwt");
            json.writeObjectFieldStart("claims");
            for (Map.Entry<String, String> claim : claims.entrySet()) {
                json.writeStringField(claim.getKey(), claim.getValue());
            }
            json.writeEndObject();
            json.writeNullField("scopes");
            json.writeEndObject();
            json.writeEndObject();
            json.writeStringField("domainName", "127.0.0.1");
            json.writeObjectFieldStart("http");
            json.writeStringField("method", method);
            json.writeStringField("path", path);
            json.writeStringField("protocol", "HTTP/1.1");
            json.writeStringField(
                    "sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
            String agent = exchange.getRequestHeaders().getFirst("User-Agent");
            json.writeStringField("userAgent", agent == null ? "" : agent);
            json.writeEndObject();
            json.writeStringField("requestId", UUID.randomUUID().toString());
            json.writeStringField("routeKey", method + " " + path);
            json.writeStringField("stage", "$default");
            json.writeStringField("time", REQUEST_TIME.format(clock.instant()));
            json.writeNumberField("timeEpoch", clock.millis());
            json.writeEndObject();
            if (body.length > 0) {
                // API Gateway passes text as it is and binary as base64; merge patches are text.
                json.writeStringField("body", new String(body, StandardCharsets.UTF_8));
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static void respond(HttpExchange exchange, Map<String, Object> response) throws IOException {
        int status = ((Number) response.getOrDefault("statusCode", 200L)).intValue();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (response.get("headers") instanceof Map<?, ?> given) {
            ((Map<String, Object>) given).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        Object body = response.get("body");
        byte[] bytes = body == null
                ? new byte[0]
                : Boolean.TRUE.equals(response.get("isBase64Encoded"))
                        ? Base64.getDecoder().decode((String) body)
                        : ((String) body).getBytes(StandardCharsets.UTF_8);
        send(exchange, status, headers, bytes);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        send(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        LoopbackHttpServer.respond(exchange, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
