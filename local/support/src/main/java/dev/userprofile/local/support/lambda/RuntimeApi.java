package dev.userprofile.local.support.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userprofile.local.testing.net.LoopbackHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Lambda's Runtime API for one execution environment on loopback: what the Lambda Java runtime polls for events and
 * posts results to, including SnapStart's restore call. Invocations ({@link #invoke}; over HTTP through the
 * {@link InvokeApi} that serves every local function) are handed to the runtime one at a time.
 */
public final class RuntimeApi implements AutoCloseable {

    private static final String RUNTIME = "/2018-06-01/runtime";

    /** What an invocation returned: a payload, or a function error with the runtime's error JSON. */
    public record InvocationResult(String payload, Optional<String> functionError) {}

    record Invocation(String requestId, byte[] event, CompletableFuture<InvocationResult> result) {}

    /**
     * Where the time of a restore's first response went: from the restore to the runtime's first request for an
     * event (the JVM resuming, the afterRestore hooks, the runtime's own restore call), then from that request to
     * the function's answer (the event's transfer and deserialisation, the handler, the response).
     */
    public record RestoreTimeline(Duration resume, Duration invocation) {}

    private static final Duration INIT_ALLOWANCE = Duration.ofSeconds(10);

    private final HttpServer server;
    private final String functionName;
    private final Duration timeout;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CountDownLatch firstPoll = new CountDownLatch(1);
    private final CountDownLatch restored = new CountDownLatch(1);
    /** Completed when the "restore" may proceed; held open by {@link #holdRestore()}. */
    private volatile CompletableFuture<Void> restoreGate = CompletableFuture.completedFuture(null);

    private volatile Consumer<String> onTimeout = requestId -> {};
    private volatile String initError;
    private volatile long restoreReleasedNanos;
    private volatile long firstPollAfterRestoreNanos;
    private volatile long lastResponseNanos;

    public RuntimeApi(int port, String functionName, Duration timeout) throws IOException {
        this.functionName = functionName;
        this.timeout = timeout;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(RUNTIME, this::runtime);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String runtimeApiAddress() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Called with the request id when an invocation exceeds the function's timeout (Lambda then ends the sandbox). */
    public void onTimeout(Consumer<String> handler) {
        this.onTimeout = handler;
    }

    /** Waits until the runtime has finished init and asked for its first event. */
    public boolean awaitRuntimeReady(Duration wait) throws InterruptedException {
        return firstPoll.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once a SnapStart-style init has reached its checkpoint (its beforeCheckpoint hooks have run). */
    public boolean reachedCheckpoint() {
        return restored.getCount() == 0;
    }

    /** Waits until a SnapStart-style init has reached its checkpoint. */
    public boolean awaitCheckpoint(Duration wait) throws InterruptedException {
        return restored.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps a SnapStart-style runtime at its checkpoint (its request for {@code /restore/next} unanswered) until
     * {@link #releaseRestore()}, so a caller can change the world in between, as time passing between a snapshot
     * and its restore does. Call before the runtime reaches the checkpoint.
     */
    public void holdRestore() {
        restoreGate = new CompletableFuture<>();
    }

    /** Lets a held runtime "restore": it runs its afterRestore hooks and asks for its first event. */
    public void releaseRestore() {
        firstPollAfterRestoreNanos = 0;
        restoreReleasedNanos = System.nanoTime();
        restoreGate.complete(null);
    }

    /** The phases of the last restore's first invocation, once it has been answered. */
    public Optional<RestoreTimeline> restoreTimeline() {
        long released = restoreReleasedNanos;
        long polled = firstPollAfterRestoreNanos;
        long answered = lastResponseNanos;
        if (released == 0 || polled < released || answered < polled) {
            return Optional.empty();
        }
        return Optional.of(
                new RestoreTimeline(Duration.ofNanos(polled - released), Duration.ofNanos(answered - polled)));
    }

    public Optional<String> initError() {
        return Optional.ofNullable(initError);
    }

    /** Invokes the function with {@code eventJson} and waits for its result, as the Invoke API does. */
    public InvocationResult invoke(byte[] eventJson) throws InterruptedException {
        return awaitResult(enqueue(eventJson));
    }

    /** Queues an invocation for the runtime's next poll and returns at once. */
    Invocation enqueue(byte[] eventJson) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), eventJson, new CompletableFuture<>());
        pending.add(invocation);
        return invocation;
    }

    /** Waits for a queued invocation's result. */
    InvocationResult awaitResult(Invocation invocation) throws InterruptedException {
        String requestId = invocation.requestId;
        try {
            // The function's timeout runs from when the runtime takes the event; this cap only guards against a
            // runtime that never asks for it (Lambda allows 10 s of init).
            return invocation.result.get(timeout.toMillis() + INIT_ALLOWANCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(invocation);
            return new InvocationResult(
                    "{\"errorMessage\":\"" + requestId
                            + " the runtime did not take the invocation (init failed or hung)\",\"errorType\":\"Runtime.Unknown\"}",
                    Optional.of("Unhandled"));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private InvocationResult timedOut(String requestId) {
        String message = String.format("%s Task timed out after %.2f seconds", requestId, timeout.toMillis() / 1000.0);
        return new InvocationResult("{\"errorMessage\":\"" + message + "\"}", Optional.of("Unhandled"));
    }

    private void runtime(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(RUNTIME.length());
        try (exchange) {
            if (path.equals("/invocation/next") && exchange.getRequestMethod().equals("GET")) {
                if (firstPollAfterRestoreNanos == 0 && restoreReleasedNanos != 0) {
                    firstPollAfterRestoreNanos = System.nanoTime();
                }
                firstPoll.countDown();
                Invocation next = pending.take();
                running.put(next.requestId, next);
                scheduleTimeout(next);
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId);
                exchange.getResponseHeaders()
                        .add(
                                "Lambda-Runtime-Deadline-Ms",
                                Long.toString(System.currentTimeMillis() + timeout.toMillis()));
                exchange.getResponseHeaders()
                        .add(
                                "Lambda-Runtime-Invoked-Function-Arn",
                                "arn:aws:lambda:local:000000000000:function:" + functionName);
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                send(exchange, 200, next.event, "application/json");
            } else if (path.startsWith("/invocation/") && path.endsWith("/response")) {
                complete(exchange, path, Optional.empty());
            } else if (path.startsWith("/invocation/") && path.endsWith("/error")) {
                complete(exchange, path, Optional.of("Unhandled"));
            } else if (path.equals("/restore/next")) {
                // SnapStart: the runtime ran its beforeCheckpoint hooks; locally there is no snapshot to take, so
                // the "restore" follows when the gate opens (at once unless held), and the runtime then runs its
                // afterRestore hooks.
                restored.countDown();
                restoreGate.join();
                send(exchange, 200, new byte[0], "application/json");
            } else if (path.equals("/init/error") || path.equals("/restore/error")) {
                initError = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                send(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
                Invocation waiting;
                while ((waiting = pending.poll()) != null) {
                    waiting.result.complete(new InvocationResult(initError, Optional.of("Unhandled")));
                }
            } else {
                send(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduleTimeout(Invocation invocation) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                return;
            }
            // Whoever removes the invocation from the running ones (this or the runtime's answer) settles it. The
            // environment is ended before the caller hears of the timeout, as on Lambda.
            if (running.remove(invocation.requestId, invocation)) {
                onTimeout.accept(invocation.requestId);
                invocation.result.complete(timedOut(invocation.requestId));
            }
        });
    }

    private void complete(HttpExchange exchange, String path, Optional<String> functionError) throws IOException {
        String requestId = path.substring("/invocation/".length(), path.lastIndexOf('/'));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Invocation invocation = running.remove(requestId);
        lastResponseNanos = System.nanoTime();
        if (invocation == null) {
            send(
                    exchange,
                    400,
                    "{\"errorMessage\":\"unknown or finished request\"}".getBytes(StandardCharsets.UTF_8),
                    "application/json");
            return;
        }
        invocation.result.complete(new InvocationResult(body, functionError));
        send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        LoopbackHttpServer.respond(exchange, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
