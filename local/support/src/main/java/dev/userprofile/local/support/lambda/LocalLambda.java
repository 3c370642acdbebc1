package dev.userprofile.local.support.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.userprofile.local.testing.net.LoopbackPorts;
import dev.userprofile.local.testing.process.ChildProcesses;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Runs the deployable artifact as Lambda does: the zip unpacked as the task root, a separate JVM running the Lambda
 * Java runtime interface client (the runtime's own event (de)serialisation, class loading and error reporting)
 * against a loopback {@link RuntimeApi}, with the environment template.yaml gives the function.
 */
public final class LocalLambda implements AutoCloseable {

    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * What to run and how.
     *
     * @param artifact    the deployable zip (or an unpacked task root folder)
     * @param environment the function's variables (template.yaml's, resolved) plus local additions such as
     *                    AWS_ENDPOINT_URL_DYNAMODB and credentials
     * @param snapStart   run init as Lambda does for a SnapStart version: the runtime calls the CRaC
     *                    beforeCheckpoint hooks, "restores" at once, then calls afterRestore
     * @param port        the Runtime API's port on 127.0.0.1, 0 for any free one (invocations come in through
     *                    {@link #invoke} or an {@link InvokeApi})
     * @param telemetryLog when present, the runtime writes its log as Lambda's runtime does on AWS: framed records
     *                     (type with format and level, length, timestamp, bytes) to an inherited file descriptor
     *                     named by {@code _LAMBDA_TELEMETRY_LOG_FD}; here that descriptor appends to this file
     * @param holdAtCheckpoint with {@code snapStart}: init stops at its checkpoint until {@link #restoreThenInvoke},
     *                         so the caller can change the world in between, as a snapshot's age does
     */
    public record Launch(
            TemplateFunction function,
            Path artifact,
            Map<String, String> environment,
            List<String> jvmOptions,
            boolean snapStart,
            int port,
            Consumer<String> logSink,
            Optional<Path> telemetryLog,
            boolean holdAtCheckpoint) {
        public Launch {
            environment = Map.copyOf(environment);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Launch(
                TemplateFunction function,
                Path artifact,
                Map<String, String> environment,
                List<String> jvmOptions,
                boolean snapStart,
                int port,
                Consumer<String> logSink) {
            this(function, artifact, environment, jvmOptions, snapStart, port, logSink, Optional.empty(), false);
        }

        public Launch withTelemetryLog(Path file) {
            return new Launch(
                    function,
                    artifact,
                    environment,
                    jvmOptions,
                    snapStart,
                    port,
                    logSink,
                    Optional.of(file),
                    holdAtCheckpoint);
        }

        public Launch heldAtCheckpoint() {
            if (!snapStart) {
                throw new IllegalStateException("only a SnapStart init has a checkpoint");
            }
            return new Launch(
                    function, artifact, environment, jvmOptions, snapStart, port, logSink, telemetryLog, true);
        }
    }

    /** The descriptor the runtime's framed log goes to when {@link Launch#telemetryLog} is set. */
    private static final int TELEMETRY_FD = 3;

    /** Lambda's runtime makes org.crac hooks run through its own CRaC implementation, named by this property. */
    private static final String CRAC_COMPAT = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac";

    private final TemplateFunction function;
    private final Path taskRoot;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final boolean snapStart;
    private final Consumer<String> logSink;
    private final Optional<Path> telemetryLog;
    private final RuntimeApi api;
    private volatile Process runtime;
    private volatile long runtimeStartedNanos;

    private LocalLambda(Launch launch, Path taskRoot) throws IOException {
        this.function = launch.function();
        this.taskRoot = taskRoot;
        this.environment = launch.environment();
        this.jvmOptions = launch.jvmOptions();
        this.snapStart = launch.snapStart();
        this.logSink = launch.logSink();
        this.telemetryLog = launch.telemetryLog();
        this.api = new RuntimeApi(launch.port(), function.logicalId(), Duration.ofSeconds(function.timeoutSeconds()));
        api.onTimeout(requestId -> restartRuntime());
        if (launch.holdAtCheckpoint()) {
            api.holdRestore();
        }
    }

    /** Starts the function's runtime process (its init runs in the background; see {@link #awaitReady}). */
    public static LocalLambda start(Launch launch) {
        Path artifact = launch.artifact();
        if (!Files.exists(artifact)) {
            throw new IllegalStateException(
                    "function artifact " + artifact + " not found: build it with ./mvnw -pl bootstrap -am package");
        }
        LoopbackPorts.claim(launch.port());
        try {
            Path taskRoot = Files.createTempDirectory("lambda-task-");
            if (Files.isDirectory(artifact)) {
                copyTree(artifact, taskRoot);
            } else {
                unzip(artifact, taskRoot);
            }
            LocalLambda lambda = new LocalLambda(launch, taskRoot);
            try {
                lambda.startRuntime();
            } catch (IOException | RuntimeException e) {
                // Nothing half-started is left: the Runtime API's port and the unpacked task root go too.
                lambda.close();
                throw e;
            }
            return lambda;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local function", e);
        }
    }

    public String functionName() {
        return function.logicalId();
    }

    /** Invokes the function synchronously, as the Invoke API with RequestResponse does. */
    public RuntimeApi.InvocationResult invoke(String eventJson) {
        try {
            return api.invoke(eventJson.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking", e);
        }
    }

    /** Waits for init to finish (the runtime's first request for an event); returns how long init took. */
    public Duration awaitReady(Duration wait) {
        await(api::awaitRuntimeReady, wait, "finish init");
        return Duration.ofNanos(System.nanoTime() - runtimeStartedNanos);
    }

    /** True once a SnapStart init reached its checkpoint: the function's beforeCheckpoint hooks have run. */
    public boolean reachedCheckpoint() {
        return api.reachedCheckpoint();
    }

    /** Waits until a SnapStart init has run its beforeCheckpoint hooks. */
    public void awaitCheckpoint(Duration wait) {
        await(api::awaitCheckpoint, wait, "reach its checkpoint");
    }

    /** A wait on the runtime API that says whether it happened in time. */
    private interface RuntimeMilestone {
        boolean await(Duration wait) throws InterruptedException;
    }

    private void await(RuntimeMilestone milestone, Duration wait, String what) {
        try {
            if (!milestone.await(wait)) {
                throw new IllegalStateException("the function did not " + what + " within " + wait
                        + api.initError().map(e -> ": " + e).orElse(""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the function to " + what, e);
        }
    }

    /**
     * Restores a function held at its checkpoint with an invocation already waiting, as Lambda does when a request
     * arrives for a SnapStart version: afterRestore hooks, then the event. Returns the invocation's result.
     */
    public RuntimeApi.InvocationResult restoreThenInvoke(String eventJson) {
        RuntimeApi.Invocation invocation = api.enqueue(eventJson.getBytes(StandardCharsets.UTF_8));
        api.releaseRestore();
        try {
            return api.awaitResult(invocation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking", e);
        }
    }

    /** Restores a function held at its checkpoint with no invocation waiting: only its afterRestore hooks run. */
    public void restore() {
        api.releaseRestore();
    }

    /** Where the last restore's first response spent its time (see {@link RuntimeApi.RestoreTimeline}). */
    public Optional<RuntimeApi.RestoreTimeline> restoreTimeline() {
        return api.restoreTimeline();
    }

    /** When the current runtime process was started ({@link System#nanoTime()}). */
    public long runtimeStartedNanos() {
        return runtimeStartedNanos;
    }

    /** Process id of the current runtime JVM (for measuring its memory). */
    public long runtimePid() {
        return runtime.pid();
    }

    private synchronized void startRuntime() throws IOException {
        List<String> command = new ArrayList<>();
        telemetryLog.ifPresent(file -> command.addAll(
                List.of("/bin/sh", "-c", "exec " + TELEMETRY_FD + ">>\"$0\" && exec \"$@\"", file.toString())));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (snapStart) {
            command.add(CRAC_COMPAT);
        } else {
            // As Lambda's Java 25 runtime launches a function without SnapStart: C1 only. With SnapStart it keeps
            // the JVM's defaults, since compiling then happens before the snapshot.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(jvmOptions);
        if (telemetryLog.isPresent()) {
            // The runtime opens the descriptor through FileDescriptor's private constructor; Lambda's own launch
            // opens java.io for it, and without that the runtime silently falls back to plain stdout.
            command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        }
        command.add("-classpath");
        command.add(runtimeClasspath());
        command.add(RUNTIME_MAIN);
        command.add(function.handler());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(lambdaEnvironment());
        runtimeStartedNanos = System.nanoTime();
        Process process = builder.start();
        runtime = process;
        ChildProcesses.forwardOutput(process, logSink);
    }

    private synchronized void restartRuntime() {
        logSink.accept("function timed out after " + function.timeoutSeconds() + " s: restarting its runtime");
        stopRuntime();
        try {
            startRuntime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables Lambda sets in every execution environment, then the function's own. */
    private Map<String, String> lambdaEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", api.runtimeApiAddress());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_LAMBDA_LOG_FORMAT", function.logFormat().toUpperCase(Locale.ROOT));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", snapStart ? "snap-start" : "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        telemetryLog.ifPresent(file -> env.put("_LAMBDA_TELEMETRY_LOG_FD", Integer.toString(TELEMETRY_FD)));
        env.putAll(environment);
        return env;
    }

    /** The runtime's own jars: the runtime interface client and what it needs, found where this JVM loaded them. */
    private static String runtimeClasspath() {
        return Stream.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)
                .map(LocalLambda::jarOf)
                .distinct()
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM first, as Lambda does at shutdown, so the JVM exits normally (and writes an AOT cache if asked). */
    private synchronized void stopRuntime() {
        Process process = runtime;
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process, Duration.ofSeconds(10));
    }

    /**
     * Ends the environment the way the runtime itself ends when the Runtime API goes away: it exits on its own, so
     * the JVM completes a normal exit (where, for example, it writes an AOT cache). Returns whether it exited.
     */
    public boolean closeByEndingTheRuntimeApi(Duration wait) {
        api.close();
        try {
            return runtime.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        stopRuntime();
        api.close();
        try (Stream<Path> files = Files.walk(taskRoot)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path out = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(file, out);
                }
            }
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
    }

    /** Where the build leaves the deployable zip, from the project root. */
    public static Path defaultArtifact() {
        return CloudFormationYaml.findTemplate().resolveSibling("bootstrap/target/user-profile-service-lambda.zip");
    }
}
