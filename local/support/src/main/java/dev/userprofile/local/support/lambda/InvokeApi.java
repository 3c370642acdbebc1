package dev.userprofile.local.support.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.testing.net.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda's Invoke API on loopback for every local function, as one regional endpoint serves them all:
 * {@code POST /2015-03-31/functions/{name}/invocations} (the name alone or a function ARN) goes to that function's
 * runtime; an unknown name is answered as Lambda answers it. Clients such as cognito-local and the AWS CLI call it.
 */
public final class InvokeApi implements AutoCloseable {

    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";

    /** One function, as the Invoke API reaches it: the event in, its result out. */
    @FunctionalInterface
    public interface Function {
        RuntimeApi.InvocationResult invoke(String eventJson);
    }

    private final Map<String, Function> functions = new ConcurrentHashMap<>();
    private final HttpServer server;

    /** @param port where it listens on 127.0.0.1, any free port when 0 */
    public InvokeApi(int port) {
        this.server = LoopbackHttpServer.start(port, "invoke-api", this::serve);
    }

    /** Serves {@code name} from now on. */
    public void register(String name, Function function) {
        functions.put(name, function);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
                send(exchange, 404, "{\"Type\":\"User\",\"message\":\"unknown operation\"}");
                return;
            }
            String name = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            String bare = functionName(name);
            Function function = functions.get(bare);
            if (function == null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                send(exchange, 404, "{\"Type\":\"User\",\"message\":\"Function not found: " + bare + "\"}");
                return;
            }
            RuntimeApi.InvocationResult result =
                    function.invoke(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            result.functionError()
                    .ifPresent(error -> exchange.getResponseHeaders().add("X-Amz-Function-Error", error));
            send(exchange, 200, result.payload());
        }
    }

    /** The function a name, a name with a qualifier, or a (qualified) function ARN names: "Fn", "Fn:live", "arn:...:function:Fn:live". */
    static String functionName(String name) {
        String unqualified = name.contains(":function:") ? name.substring(name.indexOf(":function:") + 10) : name;
        int qualifier = unqualified.indexOf(':');
        return qualifier < 0 ? unqualified : unqualified.substring(0, qualifier);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        LoopbackHttpServer.respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
