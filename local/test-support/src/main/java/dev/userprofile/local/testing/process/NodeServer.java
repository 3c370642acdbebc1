package dev.userprofile.local.testing.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Node.js server from the project's node_modules in a child process on a loopback port. It runs under a small
 * launcher that exits when this JVM's end of its stdin closes, so even a killed JVM leaves nothing listening.
 */
public final class NodeServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private NodeServer(String name, Process process, int port, Consumer<String> logSink) {
        this.name = name;
        this.process = process;
        this.port = port;
        ChildProcesses.forwardOutput(process, line -> {
            output.append(line).append('\n');
            logSink.accept(line);
        });
    }

    /**
     * Runs {@code launcher} (a script among this package's resources) with {@code arguments}, and waits until
     * something listens on {@code port}.
     */
    public static NodeServer start(
            String name,
            String launcher,
            List<String> arguments,
            Path workingDirectory,
            Map<String, String> environment,
            int port,
            Duration startupTimeout,
            Consumer<String> logSink) {
        List<String> command =
                new ArrayList<>(List.of("node", extractScript(launcher).toString()));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            NodeServer server = new NodeServer(name, builder.start(), port, logSink);
            server.awaitListening(startupTimeout);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (is Node.js 20+ on the PATH?)", e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited at start: " + output.toString().strip());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a local server", e);
        }
    }

    /** Finds an npm-installed package by walking up from the working directory to the project root. */
    public static Path locatePackage(String packageName) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("node_modules").resolve(packageName);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                packageName + " is not installed: run 'npm ci' in the project root (Node.js 20+ needed)");
    }

    private static Path extractScript(String resource) {
        try (InputStream in = NodeServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            Path script = Files.createTempFile(resource.replace(".js", "-"), ".js");
            script.toFile().deleteOnExit();
            Files.write(script, in.readAllBytes());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the launcher script " + resource, e);
        }
    }
}
