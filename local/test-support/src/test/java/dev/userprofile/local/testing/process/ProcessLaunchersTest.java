package dev.userprofile.local.testing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.local.testing.net.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How local servers are started and stopped: Node.js programs through the launcher, and any child process. */
class ProcessLaunchersTest {

    @TempDir
    Path folder;

    private Path program(String javaScript) throws IOException {
        return Files.writeString(folder.resolve("program-" + System.nanoTime() + ".js"), javaScript);
    }

    @Test
    void aNodeServerIsReadyOnceItListensAndGoneOnceClosed() throws IOException {
        int port = LoopbackPorts.free();
        Path listener = program("require('http').createServer((q, s) => s.end('ok')).listen(Number(process.argv[2]),"
                + " '127.0.0.1');");
        List<String> log = new CopyOnWriteArrayList<>();

        try (NodeServer server = NodeServer.start(
                "listener",
                "node-child.js",
                List.of(listener.toString(), Integer.toString(port)),
                folder,
                Map.of(),
                port,
                Duration.ofSeconds(20),
                log::add)) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(LoopbackPorts.isListening(port)).isTrue();
        }

        assertThat(LoopbackPorts.isListening(port))
                .as("stopped with its launcher")
                .isFalse();
    }

    @Test
    void aProgramThatExitsAtStartIsReportedWithWhatItPrinted() throws IOException {
        Path failing = program("console.log('cannot open the data folder'); process.exit(3);");
        int port = LoopbackPorts.free();

        assertThatThrownBy(() -> NodeServer.start(
                        "failing",
                        "node-child.js",
                        List.of(failing.toString()),
                        folder,
                        Map.of(),
                        port,
                        Duration.ofSeconds(20),
                        line -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failing exited at start")
                .hasMessageContaining("cannot open the data folder");
    }

    @Test
    void aProgramThatNeverListensIsStoppedAndNamedWithItsPort() throws IOException {
        Path silent = program("setInterval(() => {}, 1000);");
        int port = LoopbackPorts.free();

        assertThatThrownBy(() -> NodeServer.start(
                        "silent",
                        "node-child.js",
                        List.of(silent.toString()),
                        folder,
                        Map.of(),
                        port,
                        Duration.ofMillis(800),
                        line -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("silent did not listen on port " + port + " within PT0.8S");
    }

    @Test
    void stoppingAChildThatIgnoresSigtermKillsItAfterTheGrace() throws Exception {
        Process stubborn = new ProcessBuilder("sh", "-c", "trap '' TERM; echo ready; sleep 60").start();
        List<String> lines = new CopyOnWriteArrayList<>();
        ChildProcesses.forwardOutput(stubborn, lines::add);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        // "ready" comes before the shell forks its sleep: wait for the child itself, however busy the machine.
        List<ProcessHandle> children = stubborn.descendants().toList();
        while (children.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            children = stubborn.descendants().toList();
        }
        long start = System.nanoTime();
        ChildProcesses.stop(stubborn, Duration.ofMillis(300));

        assertThat(stubborn.isAlive()).isFalse();
        assertThat(children).as("the shell's sleep").isNotEmpty();
        for (ProcessHandle child : children) {
            assertThat(child.onExit()).as("the shell's sleep goes with it").succeedsWithin(Duration.ofSeconds(5));
        }
        assertThat(lines).containsExactly("ready");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
