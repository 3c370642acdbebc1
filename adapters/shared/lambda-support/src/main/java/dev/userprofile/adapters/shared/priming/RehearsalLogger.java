package dev.userprofile.adapters.shared.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * Where a rehearsed invocation (SnapStart priming) writes its log line: not to the function's log, so no rehearsal
 * shows up in the log or its metrics. The last line is kept so the rehearsal can check its outcome.
 */
public final class RehearsalLogger implements LambdaLogger {

    private volatile String lastLine = "";

    @Override
    public void log(String message) {
        lastLine = message;
    }

    @Override
    public void log(byte[] message) {
        lastLine = new String(message, StandardCharsets.UTF_8);
    }

    /** The last line written, or an empty string. */
    public String lastLine() {
        return lastLine;
    }
}
