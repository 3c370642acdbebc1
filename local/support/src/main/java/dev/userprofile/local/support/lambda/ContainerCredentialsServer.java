package dev.userprofile.local.support.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda's container credentials endpoint on loopback: with SnapStart, the only way a function gets credentials
 * (no key variables). Each answer is a fresh set that expires {@code lifetime} after it is served; the
 * authorization token is checked as Lambda's endpoint checks it.
 */
public final class ContainerCredentialsServer implements AutoCloseable {

    private static final String PATH = "/2018-06-01/credentials";

    private final HttpServer server;
    private final String token = UUID.randomUUID().toString();
    private volatile Duration lifetime;
    private final Clock clock;
    private final AtomicInteger served = new AtomicInteger();

    public ContainerCredentialsServer(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, this::serve);
        server.start();
    }

    /** The variables Lambda sets for a SnapStart function instead of AWS_ACCESS_KEY_ID and friends. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:" + server.getAddress().getPort() + PATH,
                "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                token);
    }

    /** How long the credentials served from now on last (Lambda's last hours; a test may want them stale soon). */
    public void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Credentials handed out so far. */
    public int served() {
        return served.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            served.incrementAndGet();
            String expiration = clock.instant()
                    .plus(lifetime)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
            byte[] body = ("{\"AccessKeyId\":\"ASIA"
                            + UUID.randomUUID()
                                    .toString()
                                    .replace("-", "")
                                    .substring(0, 16)
                                    .toUpperCase() + "\",\"SecretAccessKey\":\"" + UUID.randomUUID()
                            + "\",\"Token\":\"" + UUID.randomUUID() + "\",\"Expiration\":\"" + expiration + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
