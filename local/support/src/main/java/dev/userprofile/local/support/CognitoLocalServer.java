package dev.userprofile.local.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * cognito-local (a Cognito user pools emulator from npm) in a child process on loopback, with its PostConfirmation
 * trigger calling a Lambda Invoke endpoint. Confirmation codes are fixed to {@link #code()} so that sign-up can be
 * scripted. The child exits when this JVM does.
 */
public final class CognitoLocalServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final String code;

    private CognitoLocalServer(Process process, int port, String code) {
        this.process = process;
        this.port = port;
        this.code = code;
    }

    /**
     * @param dataDir        where cognito-local keeps its config and users (a fresh temp folder for in-memory runs)
     * @param lambdaEndpoint the Invoke endpoint its triggers call
     * @param functionName   the function its PostConfirmation trigger invokes
     */
    public static CognitoLocalServer start(int port, Path dataDir, URI lambdaEndpoint, String functionName,
                                           String code, Consumer<String> logSink) {
        int chosen = port == 0 ? DynaliteServer.freeLoopbackPort() : port;
        if (!DynaliteServer.isFree(chosen)) {
            throw new IllegalStateException("port " + chosen + " on 127.0.0.1 is already in use; choose another");
        }
        Path program = DynaliteServer.locateNodePackage("cognito-local").resolve("lib/bin/start.js");
        try {
            Files.createDirectories(dataDir.resolve(".cognito"));
            Files.writeString(dataDir.resolve(".cognito/config.json"), """
                    {
                      "LambdaClient": {
                        "endpoint": "%s",
                        "region": "local",
                        "credentials": {"accessKeyId": "local", "secretAccessKey": "local"}
                      },
                      "TriggerFunctions": {"PostConfirmation": "%s"},
                      "UserPoolDefaults": {"UsernameAttributes": ["email"]}
                    }
                    """.formatted(lambdaEndpoint, functionName), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(List.of("node", DynaliteServer.extractScript("node-child.js")
                    .toString(), program.toString()))
                    .directory(dataDir.toFile()).redirectErrorStream(true);
            builder.environment().put("PORT", Integer.toString(chosen));
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("CODE", code);
            Process process = builder.start();
            Thread.ofVirtual().start(() -> pipe(process.getInputStream(), logSink));
            CognitoLocalServer server = new CognitoLocalServer(process, chosen, code);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cognito-local (is Node.js 20+ on the PATH?)", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The confirmation and reset code cognito-local issues for every user. */
    public String code() {
        return code;
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
                throw new IllegalStateException("cognito-local exited at start (exit code " + process.exitValue() + ")");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for cognito-local", e);
                }
            }
        }
        close();
        throw new IllegalStateException("cognito-local did not listen on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static void pipe(InputStream output, Consumer<String> logSink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                logSink.accept(line);
            }
        } catch (IOException ended) {
            // The process ended.
        }
    }
}
