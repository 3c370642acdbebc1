package dev.userprofile.local.testing.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback in front of dynalite that answers chosen requests with DynamoDB's failure modes: error
 * responses, resets, stalls, and a write whose response is lost. Requests with no fault queued pass through.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    public enum Fault {
        THROTTLING,
        PROVISIONED_THROUGHPUT_EXCEEDED,
        INTERNAL_SERVER_ERROR_500,
        SERVICE_UNAVAILABLE_503,
        CONNECTION_RESET,
        /** Holds the request past the client's attempt timeout, then forwards it and answers late. */
        SLOW_RESPONSE,
        /** Forwards the request at once (so the write happens) and answers past the client's attempt timeout. */
        LATE_RESPONSE_AFTER_WRITE,
        /** Forwards the request (so the write happens) and resets the connection instead of answering. */
        RESPONSE_LOST_AFTER_WRITE,
        /** Reads the request and never answers. */
        NO_RESPONSE
    }

    /** Headers a relay must not pass on (lower case); the other proxies here use the same list. */
    public static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");

    private final URI upstream;
    private final ServerSocket server;
    private final HttpClient forwarder =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Fault> queued = new ConcurrentLinkedQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile Fault always;
    /** The only operation {@link #always} applies to; every operation when null. */
    private volatile String alwaysOperation;
    /** How long SLOW_RESPONSE holds a request: past the function's 1 s attempt timeout. */
    private static final Duration SLOWNESS = Duration.ofMillis(1_500);

    public FaultInjectingProxy(URI upstream) throws IOException {
        this(upstream, 0);
    }

    /** @param port where it listens on 127.0.0.1, any free port when 0 */
    public FaultInjectingProxy(URI upstream, int port) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(LoopbackPorts.claim(port), 50, InetAddress.getLoopbackAddress());
        connections.submit(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The next {@code count} requests get {@code fault}; later ones pass through. */
    public void failNext(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            queued.add(fault);
        }
    }

    /** Every request gets {@code fault} until {@link #clear()}. */
    public void failAlways(Fault fault) {
        alwaysOperation = null;
        always = fault;
    }

    /** Every request for {@code operation} ({@code PutItem}) gets {@code fault} until {@link #clear()}. */
    public void failAlways(Fault fault, String operation) {
        alwaysOperation = operation;
        always = fault;
    }

    public void clear() {
        always = null;
        alwaysOperation = null;
        queued.clear();
    }

    /** The {@code X-Amz-Target} of every request received, with the fault applied to it, in order. */
    public List<String> requests() {
        return List.copyOf(seen);
    }

    /** The operation of every request received, in order ({@code PutItem}, {@code GetItem} ...), faults left out. */
    public List<String> operations() {
        return seen.stream()
                .map(target -> target.replaceFirst(" <- .*$", ""))
                .map(target -> target.substring(target.indexOf('.') + 1))
                .toList();
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        seen.clear();
    }

    public int forwardedCount() {
        return forwarded.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        connections.shutdownNow();
        forwarder.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                // One write per answer, sent at once: a head and a body written apart wait out the peer's delayed
                // ACK under Nagle's algorithm, 40 ms a request on Linux.
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            socket.setTcpNoDelay(true);
            Request request;
            while ((request = Request.read(in)) != null) {
                String target = request.headers.getOrDefault("x-amz-target", "?");
                String only = alwaysOperation;
                Fault fault = always != null && (only == null || target.endsWith("." + only)) ? always : queued.poll();
                seen.add(request.headers.getOrDefault("x-amz-target", "?") + (fault == null ? "" : " <- " + fault));
                if (fault == null) {
                    respond(out, forward(request));
                    continue;
                }
                switch (fault) {
                    case THROTTLING -> respond(out, error(400, "com.amazonaws.dynamodb.v20120810#ThrottlingException"));
                    case PROVISIONED_THROUGHPUT_EXCEEDED ->
                        respond(
                                out,
                                error(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"));
                    case INTERNAL_SERVER_ERROR_500 ->
                        respond(out, error(500, "com.amazonaws.dynamodb.v20120810#InternalServerError"));
                    case SERVICE_UNAVAILABLE_503 ->
                        respond(out, error(503, "com.amazon.coral.availability#ServiceUnavailableException"));
                    case CONNECTION_RESET -> {
                        reset(socket);
                        return;
                    }
                    case SLOW_RESPONSE -> {
                        Thread.sleep(SLOWNESS);
                        respond(out, forward(request));
                    }
                    case LATE_RESPONSE_AFTER_WRITE -> {
                        Response response = forward(request);
                        Thread.sleep(SLOWNESS);
                        respond(out, response);
                    }
                    case RESPONSE_LOST_AFTER_WRITE -> {
                        forward(request);
                        reset(socket);
                        return;
                    }
                    case NO_RESPONSE -> {
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                }
            }
        } catch (IOException | InterruptedException gone) {
            // The client closed or timed out; nothing to answer.
        } finally {
            open.remove(socket);
        }
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private Response forward(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.path))
                .method(request.method, HttpRequest.BodyPublishers.ofByteArray(request.body));
        request.headers.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name)) {
                builder.header(name, value);
            }
        });
        HttpResponse<byte[]> response = forwarder.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        forwarded.incrementAndGet();
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(",", values));
            }
        });
        return new Response(response.statusCode(), headers, response.body());
    }

    private static Response error(int status, String type) {
        byte[] body = ("{\"__type\":\"" + type + "\",\"message\":\"injected by the test proxy\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new Response(
                status,
                Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-RequestId", "FAULT" + System.nanoTime()),
                body);
    }

    private static void respond(OutputStream out, Response response) throws IOException {
        StringBuilder head =
                new StringBuilder("HTTP/1.1 ").append(response.status).append(" X\r\n");
        response.headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body);
        out.flush();
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {}

    private record Request(String method, String path, Map<String, String> headers, byte[] body) {

        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                headers.put(
                        header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Request(parts[0], parts[1], headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    public static List<Fault> transientFaults() {
        return new ArrayList<>(List.of(
                Fault.THROTTLING,
                Fault.PROVISIONED_THROUGHPUT_EXCEEDED,
                Fault.INTERNAL_SERVER_ERROR_500,
                Fault.SERVICE_UNAVAILABLE_503,
                Fault.CONNECTION_RESET,
                Fault.SLOW_RESPONSE));
    }
}
