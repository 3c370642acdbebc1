package dev.userprofile.local.testing.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What every local child process needs: its output read line by line, and a stop that asks before it forces. */
public final class ChildProcesses {

    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(5);

    private ChildProcesses() {}

    /** Hands each line the process prints to {@code lines}, on a virtual thread, until the process ends. */
    public static void forwardOutput(Process process, Consumer<String> lines) {
        Thread.ofVirtual().start(() -> {
            InputStream output = process.getInputStream();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException ended) {
                // The process ended; nothing more to read.
            }
        });
    }

    /**
     * SIGTERM, then SIGKILL if the process has not exited within {@code grace}; the processes it started are killed
     * with it (a shell's children would otherwise outlive it).
     */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(FORCED_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
