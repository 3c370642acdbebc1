package dev.userprofile.local.testing.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** A Lambda {@link Context} for running the handler outside Lambda; it keeps every log line it is given. */
public final class LocalLambdaContext implements Context {

    private final String requestId = UUID.randomUUID().toString();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Consumer<String> echo;
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            log(message, LogLevel.UNDEFINED);
        }

        /** Bytes pass through as they are, as in Lambda's runtime: the line is what the function wrote. */
        @Override
        public void log(byte[] message, LogLevel level) {
            String line = new String(message, StandardCharsets.UTF_8).stripTrailing();
            lines.add(line);
            echo.accept(line);
        }

        @Override
        public void log(String message, LogLevel level) {
            String line = level == LogLevel.UNDEFINED ? message : level + " " + message;
            lines.add(line);
            echo.accept(line);
        }
    };

    private final IntSupplier remainingMillis;

    public LocalLambdaContext() {
        this(line -> {});
    }

    /** A context whose log lines also go to {@code echo}, such as {@code System.out::println}. */
    public LocalLambdaContext(Consumer<String> echo) {
        this(echo, () -> 5_000);
    }

    private LocalLambdaContext(Consumer<String> echo, IntSupplier remainingMillis) {
        this.echo = echo;
        this.remainingMillis = remainingMillis;
    }

    /** A context whose invocation times out {@code timeout} after it was created, counting down as Lambda's does. */
    public static LocalLambdaContext withTimeout(Duration timeout, Consumer<String> echo) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return new LocalLambdaContext(echo, () -> (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
    }

    /** A context that says {@code remainingMillis} is left each time it is asked. */
    public static LocalLambdaContext withRemainingTime(IntSupplier remainingMillis) {
        return new LocalLambdaContext(line -> {}, remainingMillis);
    }

    public List<String> logLines() {
        return List.copyOf(lines);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/local";
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return "PostConfirmationFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:PostConfirmationFunction";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis.getAsInt();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
