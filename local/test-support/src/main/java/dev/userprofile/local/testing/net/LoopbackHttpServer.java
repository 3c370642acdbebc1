package dev.userprofile.local.testing.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 for the local emulators, serving every path with one handler. */
public final class LoopbackHttpServer {

    static {
        // The JDK's server sends a response's head and body as separate writes; without TCP_NODELAY the body waits
        // out the client's delayed ACK (40 ms on Linux) on every kept-alive request. Read once, when the first
        // server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackHttpServer() {}

    /**
     * Starts on {@code port} (0 for any free one; a taken one is refused with a clear message). Requests are served on
     * platform threads: a handler that blocks on another call must not wait for a virtual thread's carrier, which the
     * JVM's readers of child-process output may be holding.
     */
    public static HttpServer start(int port, String threadName, HttpHandler handler) {
        int chosen = LoopbackPorts.claim(port);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), chosen), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + chosen, e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** Sends {@code body} with {@code status} (no body at all when it is empty), its headers already set. */
    public static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
