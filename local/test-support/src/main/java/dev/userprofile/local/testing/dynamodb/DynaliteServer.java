package dev.userprofile.local.testing.dynamodb;

import dev.userprofile.local.testing.net.LoopbackPorts;
import dev.userprofile.local.testing.process.NodeServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** dynalite (a DynamoDB-API server from npm) in a child process on a loopback port. */
public final class DynaliteServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final NodeServer server;

    private DynaliteServer(NodeServer server) {
        this.server = server;
    }

    /** Starts dynalite in memory on a free loopback port. */
    public static DynaliteServer start() {
        return start(0, Optional.empty());
    }

    /**
     * Starts dynalite on {@code port} (a free one when 0), in memory or, with {@code dataDir}, kept in that folder.
     *
     * @throws IllegalStateException naming the port when it is taken, or saying how to install dynalite
     */
    public static DynaliteServer start(int port, Optional<Path> dataDir) {
        int chosen = LoopbackPorts.claim(port);
        List<String> arguments =
                new ArrayList<>(List.of(NodeServer.locatePackage("dynalite").toString(), Integer.toString(chosen)));
        dataDir.ifPresent(dir -> arguments.add(dir.toAbsolutePath().toString()));
        return new DynaliteServer(NodeServer.start(
                "dynalite",
                "dynalite-child.js",
                arguments,
                Path.of("").toAbsolutePath(),
                Map.of(),
                chosen,
                STARTUP_TIMEOUT,
                line -> {}));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
