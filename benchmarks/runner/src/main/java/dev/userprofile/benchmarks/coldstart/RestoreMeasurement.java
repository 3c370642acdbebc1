package dev.userprofile.benchmarks.coldstart;

import static dev.userprofile.benchmarks.coldstart.Launches.requireSuccess;

import dev.userprofile.benchmarks.Stats;
import dev.userprofile.local.support.lambda.ContainerCredentialsServer;
import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.support.lambda.RuntimeApi;
import dev.userprofile.local.testing.net.ConnectionResettingProxy;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SnapStart restore emulated as Lambda performs one for a waiting request: init with the runtime's CRaC hooks and
 * the function's priming, then, at the checkpoint, what a snapshot's age does to the world: every TCP connection
 * opened during init is reset (a proxy in front of dynalite and of cognito-local), credentials come only from a
 * container credentials endpoint (no key variables, as with SnapStart) and those fetched during init have gone
 * stale. Timed from the restore to the first response: afterRestore hooks, the runtime's poll, the handler.
 */
final class RestoreMeasurement {

    /**
     * How old a snapshot is when restored, at least: longer than the JDK keeps an idle pooled connection (5 s) and
     * than it takes for credentials served with {@link #CREDENTIALS_LIFETIME} to turn stale (the SDK refreshes one
     * minute before expiry). On Lambda a snapshot is hours or days old; both have long expired by then.
     */
    static final Duration SNAPSHOT_AGE = Duration.ofMillis(6_000);

    private static final Duration CREDENTIALS_LIFETIME = Duration.ofSeconds(65);
    private static final int WARM_INVOCATIONS = OnDemandMeasurement.WARM_INVOCATIONS / 2;

    private final TemplateFunction template;
    private final URI dynalite;
    private final BenchmarkEvents events;
    private final boolean trace;

    /**
     * @param trace also log the classes the JVM loads (-Xlog:class+load) and keep those loaded between the restore
     *              and the first response: what the priming left for the user
     */
    RestoreMeasurement(TemplateFunction template, URI dynalite, BenchmarkEvents events, boolean trace) {
        this.template = template;
        this.dynalite = dynalite;
        this.events = events;
        this.trace = trace;
    }

    RestoreRun measure(Variant variant, Map<String, String> environment) {
        Optional<URI> cognito =
                Optional.ofNullable(environment.get(SyncPool.COGNITO_ENDPOINT)).map(URI::create);
        try (ConnectionResettingProxy proxy = new ConnectionResettingProxy(dynalite);
                // Cognito's connections go the same way as DynamoDB's (the sync function's); unused by the others.
                ConnectionResettingProxy cognitoProxy =
                        new ConnectionResettingProxy(cognito.orElse(URI.create("http://127.0.0.1:9")));
                ContainerCredentialsServer credentials =
                        new ContainerCredentialsServer(CREDENTIALS_LIFETIME, Clock.systemUTC())) {
            Map<String, String> restored = new HashMap<>(environment);
            cognito.ifPresent(c -> restored.put(
                    SyncPool.COGNITO_ENDPOINT, cognitoProxy.endpoint().toString()));
            restored.remove("AWS_ACCESS_KEY_ID");
            restored.remove("AWS_SECRET_ACCESS_KEY");
            restored.putAll(credentials.environment());
            restored.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
            List<String> log = new CopyOnWriteArrayList<>();
            Path classLog = Files.createTempFile("restore-classes", ".log");
            Variant launched = trace ? variant.withFlag("-Xlog:class+load=info:file=" + classLog) : variant;
            try (LocalLambda lambda = LocalLambda.start(
                    Launches.launchOf(template, launched, restored, log).heldAtCheckpoint())) {
                lambda.awaitCheckpoint(Duration.ofSeconds(30));
                Thread.sleep(SNAPSHOT_AGE.toMillis());
                int classesBefore = trace ? Files.readAllLines(classLog).size() : 0;
                proxy.resetAll();
                cognitoProxy.resetAll();
                // Those fetched during init are stale now; the ones served after the restore last as Lambda's do.
                credentials.lifetime(Duration.ofHours(6));
                String first = events.of(variant.workload());
                int fetchedBefore = credentials.served();
                int connectionsBefore = proxy.connectionsAccepted() + cognitoProxy.connectionsAccepted();
                long t0 = System.nanoTime();
                RuntimeApi.InvocationResult result = lambda.restoreThenInvoke(first);
                double firstMs = (System.nanoTime() - t0) / 1e6;
                requireSuccess(variant, result, log);
                if (variant.workload().api()
                        && !result.payload().contains(variant.workload().expected())) {
                    throw new IllegalStateException(variant.name() + " answered " + result.payload());
                }

                int fetched = credentials.served() - fetchedBefore;
                int connections = proxy.connectionsAccepted() + cognitoProxy.connectionsAccepted() - connectionsBefore;
                RuntimeApi.RestoreTimeline timeline = lambda.restoreTimeline().orElseThrow();
                List<String> classLines = trace ? Files.readAllLines(classLog) : List.of();
                List<String> loaded = trace
                        ? ClassLoadLog.classNames(classLines.subList(classesBefore, classLines.size()))
                        : List.of();
                List<Long> warm = new ArrayList<>();
                for (int i = 0; i < WARM_INVOCATIONS; i++) {
                    String next = events.of(variant.workload());
                    long w0 = System.nanoTime();
                    requireSuccess(variant, lambda.invoke(next), log);
                    warm.add(System.nanoTime() - w0);
                }
                // Its log lines come through the process's output, a moment after each answer: counted at the end.
                if (variant.workload() == Workload.SYNC_EVENT
                        && log.stream()
                                        .filter(line -> line.contains("\"outcome\":\"UPDATED\""))
                                        .count()
                                < WARM_INVOCATIONS) {
                    throw new IllegalStateException(variant.name() + " did not update the profiles: " + log);
                }
                return new RestoreRun(
                        firstMs,
                        Stats.ofNanos(warm.subList(warm.size() / 2, warm.size()))
                                .p50(),
                        fetched,
                        connections,
                        timeline,
                        loaded);
            } finally {
                Files.deleteIfExists(classLog);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
