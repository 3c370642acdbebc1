package dev.userprofile.local.support.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames as the Lambda Java runtime writes them (type, length, timestamp, payload; big-endian). */
class TelemetryLogTest {

    @TempDir
    Path temp;

    private static void frame(DataOutputStream out, int type, String payload) throws IOException {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        out.writeInt(type);
        out.writeInt(bytes.length);
        out.writeLong(1_796_000_000_000_000L);
        out.write(bytes);
    }

    @Test
    void readsFormatLevelAndPayloadOfEachFrame() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            frame(out, 0xa55a000e, "{\"level\":\"INFO\"}");
            frame(out, 0xa55a0012, "{\"level\":\"WARN\"}");
            frame(out, 0xa55a0003, "plain text");
        }
        Path file = Files.write(temp.resolve("frames"), bytes.toByteArray());

        assertThat(TelemetryLog.read(file))
                .containsExactly(
                        new TelemetryLog.Frame(true, "INFO", 1_796_000_000_000_000L, "{\"level\":\"INFO\"}"),
                        new TelemetryLog.Frame(true, "WARN", 1_796_000_000_000_000L, "{\"level\":\"WARN\"}"),
                        new TelemetryLog.Frame(false, "UNDEFINED", 1_796_000_000_000_000L, "plain text"));
    }

    @Test
    void rejectsWhatIsNotAFrame() throws IOException {
        Path file = Files.writeString(temp.resolve("text"), "{\"not\":\"framed\"}\n");
        assertThatThrownBy(() -> TelemetryLog.read(file)).isInstanceOf(IllegalStateException.class);
    }
}
