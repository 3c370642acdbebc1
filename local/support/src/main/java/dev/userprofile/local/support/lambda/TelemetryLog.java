package dev.userprofile.local.support.lambda;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the framed log the Lambda Java runtime writes to {@code _LAMBDA_TELEMETRY_LOG_FD}, which is what Lambda
 * itself receives: each record is a 16-byte big-endian header (frame type, payload length, timestamp in epoch
 * microseconds) and the payload. The frame type is {@code 0xa55a0000 | level << 2 | 1 << 1 | format}, with format
 * 0 for JSON and 1 for text, and level 0 (undefined) to 6 (fatal).
 */
public final class TelemetryLog {

    private static final int MAGIC = 0xa55a0000;
    private static final String[] LEVELS = {"UNDEFINED", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    /** One record as Lambda receives it. */
    public record Frame(boolean json, String level, long timestampMicros, String payload) {}

    private TelemetryLog() {}

    public static List<Frame> read(Path file) {
        try (InputStream bytes = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(bytes)) {
            List<Frame> frames = new ArrayList<>();
            while (true) {
                int type;
                try {
                    type = in.readInt();
                } catch (EOFException end) {
                    return frames;
                }
                if ((type & 0xffff0000) != MAGIC || (type & 0b10) == 0) {
                    throw new IllegalStateException("not a timestamped telemetry frame: " + Integer.toHexString(type));
                }
                int length = in.readInt();
                long timestamp = in.readLong();
                byte[] payload = in.readNBytes(length);
                if (payload.length != length) {
                    throw new IllegalStateException("truncated telemetry frame");
                }
                frames.add(new Frame(
                        (type & 1) == 0,
                        LEVELS[(type >>> 2) & 0b111],
                        timestamp,
                        new String(payload, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
