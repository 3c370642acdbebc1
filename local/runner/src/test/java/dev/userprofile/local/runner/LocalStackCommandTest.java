package dev.userprofile.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.local.testing.net.LoopbackPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command as a user runs it, in its own JVM: SIGTERM (what Ctrl-C also does) must stop every child. */
class LocalStackCommandTest {

    private static Process launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LocalStackCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void runServesUntilSigtermThenLeavesNothingListening() throws Exception {
        int dynalite = LoopbackPorts.free();
        int lambda = LoopbackPorts.free();
        int cognito = LoopbackPorts.free();
        Process process = launch(
                "run", "--dynalite-port", "" + dynalite, "--lambda-port", "" + lambda, "--cognito-port", "" + cognito);
        StringBuilder output = new StringBuilder();
        CompletableFuture<Boolean> running = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith("Running.")) {
                        running.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // Process ended.
            }
            running.complete(false);
        });

        assertThat(running.get(60, TimeUnit.SECONDS)).as(output::toString).isTrue();
        assertThat(List.of(dynalite, lambda, cognito)).allMatch(LoopbackPorts::isListening);
        assertThat(output)
                .contains(
                        "aws cognito-idp sign-up --endpoint-url http://127.0.0.1:" + cognito,
                        "aws dynamodb scan --endpoint-url http://127.0.0.1:" + dynalite,
                        "SignUpCommand");

        process.destroy();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(dynalite, lambda, cognito)).noneMatch(LoopbackPorts::isListening);
    }

    @Test
    void aPortInUseEndsTheCommandWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = launch("demo", "--dynalite-port", "" + taken.getLocalPort());

            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor()).isEqualTo(1);
            assertThat(output)
                    .contains("local stack: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is already in use; choose another");
        }
    }

    @Test
    void anUnknownOptionIsOneLineAndTheUsageNotAStackTrace() throws Exception {
        Process process = launch("run", "--dynalite-prot", "4567");

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output)
                .contains("local stack: unknown option --dynalite-prot", LocalStackCommand.USAGE)
                .doesNotContain("Exception", "\tat ");
    }
}
