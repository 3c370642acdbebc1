package dev.userprofile.local.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (a DynamoDB-API server from npm) in a child process on a loopback port. The child exits when this JVM
 * does, even when it is killed, because it watches its stdin.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private DynaliteServer(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread drain = new Thread(() -> drain(process.getInputStream()), "dynalite-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts dynalite in memory on a free loopback port. */
    public static DynaliteServer start() {
        return start(freeLoopbackPort(), Optional.empty());
    }

    /**
     * Starts dynalite on {@code port} (a free one when 0), in memory or, with {@code dataDir}, kept in that folder.
     *
     * @throws IllegalStateException naming the port when it is taken, or saying how to install dynalite
     */
    public static DynaliteServer start(int port, Optional<Path> dataDir) {
        int chosen = port == 0 ? freeLoopbackPort() : port;
        if (!isFree(chosen)) {
            throw new IllegalStateException("port " + chosen + " on 127.0.0.1 is already in use; choose another");
        }
        Path dynalite = locateNodePackage("dynalite");
        Path script = extractScript("dynalite-child.js");
        List<String> command = new ArrayList<>(List.of("node", script.toString(), dynalite.toString(),
                Integer.toString(chosen)));
        dataDir.ifPresent(dir -> command.add(dir.toAbsolutePath().toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            DynaliteServer server = new DynaliteServer(process, chosen);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (is Node.js 20+ on the PATH?): " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited at start: " + output.toString().strip());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private void drain(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException ignored) {
            // The process ended; nothing more to read.
        }
    }

    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** True when a server could listen on the loopback port now (connections in TIME_WAIT do not count). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts connections on the loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Finds an npm-installed package by walking up from the working directory to the project root. */
    static Path locateNodePackage(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("node_modules").resolve(name);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                name + " is not installed: run 'npm ci' in the project root (Node.js 20+ needed)");
    }

    /** Copies one of this package's Node.js launcher scripts to a temp file node can run. */
    static Path extractScript(String name) {
        try (InputStream in = DynaliteServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            Path script = Files.createTempFile(name.replace(".js", "-"), ".js");
            script.toFile().deleteOnExit();
            Files.write(script, in.readAllBytes());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the launcher script " + name, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }
}
