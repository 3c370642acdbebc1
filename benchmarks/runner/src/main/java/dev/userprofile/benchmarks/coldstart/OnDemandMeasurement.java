package dev.userprofile.benchmarks.coldstart;

import static dev.userprofile.benchmarks.coldstart.Launches.launch;
import static dev.userprofile.benchmarks.coldstart.Launches.requireSuccess;

import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.benchmarks.Stats;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.AwsClientModule;
import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A function started on demand (or through SnapStart's init): cold, init, first and warm invocations, memory. */
final class OnDemandMeasurement {

    static final int WARM_INVOCATIONS = 60;
    private static final Pattern DURATION = Pattern.compile("\"durationMs\":([0-9.]+)");

    private final TemplateFunction template;
    private final Map<String, String> environment;

    /** @param environment the function's variables, reaching dynalite straight (no recording hop) */
    OnDemandMeasurement(TemplateFunction template, Map<String, String> environment) {
        this.template = template;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Two runtimes: one timed from its start to the first answer (cold), one timed in parts: init until ready, the
     * first invocation after it, and warm invocations (round trip, and in the handler from its log line).
     */
    OnDemandRun measure(Variant variant) {
        double cold;
        List<String> log = new CopyOnWriteArrayList<>();
        try (LocalLambda lambda = launch(template, variant, environment, log)) {
            var result = lambda.invoke(BenchmarkEvents.signUp());
            cold = (System.nanoTime() - lambda.runtimeStartedNanos()) / 1e6;
            requireSuccess(variant, result, log);
        }
        List<String> steadyLog = new CopyOnWriteArrayList<>();
        try (LocalLambda lambda = launch(template, variant, environment, steadyLog)) {
            double init = lambda.awaitReady(Duration.ofSeconds(30)).toNanos() / 1e6;
            long t0 = System.nanoTime();
            requireSuccess(variant, lambda.invoke(BenchmarkEvents.signUp()), steadyLog);
            double first = (System.nanoTime() - t0) / 1e6;
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < WARM_INVOCATIONS; i++) {
                long w0 = System.nanoTime();
                requireSuccess(variant, lambda.invoke(BenchmarkEvents.signUp()), steadyLog);
                warm.add(System.nanoTime() - w0);
            }
            double warmMs = Stats.ofNanos(warm.subList(WARM_INVOCATIONS / 2, WARM_INVOCATIONS))
                    .p50();
            return new OnDemandRun(cold, init, first, warmMs, handlerWarmMs(steadyLog), peakRssKb(lambda.runtimePid()));
        }
    }

    /**
     * The median of the handler's own durations over the second half of the warm invocations, read from its log
     * lines; NaN when fewer lines than that carry one.
     */
    static double handlerWarmMs(List<String> log) {
        List<Double> handler = new ArrayList<>();
        for (String line : log) {
            Matcher m = DURATION.matcher(line);
            if (m.find()) {
                handler.add(Double.parseDouble(m.group(1)));
            }
        }
        if (handler.size() <= WARM_INVOCATIONS / 2) {
            return Double.NaN;
        }
        return Stats.median(handler.subList(handler.size() - WARM_INVOCATIONS / 2, handler.size()).stream()
                .mapToDouble(Double::doubleValue)
                .toArray());
    }

    /** A training run for the AOT cache: init, then invocations, then a normal exit that writes the cache. */
    void trainAotCache(Path ours, Path cache) {
        Variant training = new Variant("training", ours, template.handler(), Variants.ON_DEMAND_FLAGS, Start.ON_DEMAND)
                .withFlag("-XX:AOTCacheOutput=" + cache);
        List<String> log = new CopyOnWriteArrayList<>();
        LocalLambda lambda = launch(template, training, environment, log);
        for (int i = 0; i < 20; i++) {
            requireSuccess(training, lambda.invoke(BenchmarkEvents.signUp()), log);
        }
        lambda.closeByEndingTheRuntimeApi(Duration.ofSeconds(60));
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the AOT training run wrote no cache:\n" + String.join("\n", log));
        }
    }

    /** How many classes the JVM loads up to the end of the first invocation. */
    int classesLoaded(Variant variant) throws IOException {
        Path census = Files.createTempFile("classes-" + variant.name().replace('/', '-'), ".log");
        try {
            Variant counted = variant.withFlag("-Xlog:class+load=info:file=" + census);
            List<String> log = new CopyOnWriteArrayList<>();
            try (LocalLambda lambda = launch(template, counted, environment, log)) {
                requireSuccess(variant, lambda.invoke(BenchmarkEvents.signUp()), log);
            }
            return ClassLoadLog.classNames(Files.readAllLines(census)).size();
        } finally {
            Files.deleteIfExists(census);
        }
    }

    /** Requests the function sends for each event in turn, counted by a proxy in front of dynalite. */
    int[] requestsPerInvocation(Path ours, URI dynalite, List<String> events) throws IOException {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(dynalite)) {
            Map<String, String> viaProxy = new HashMap<>(environment);
            viaProxy.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
            Variant variant = new Variant("ours", ours, template.handler(), Variants.ON_DEMAND_FLAGS, Start.ON_DEMAND);
            List<String> log = new CopyOnWriteArrayList<>();
            int[] requests = new int[events.size()];
            try (LocalLambda lambda = launch(template, variant, viaProxy, log)) {
                lambda.awaitReady(Duration.ofSeconds(30));
                for (int i = 0; i < events.size(); i++) {
                    int before = proxy.requests().size();
                    requireSuccess(variant, lambda.invoke(events.get(i)), log);
                    requests[i] = proxy.requests().size() - before;
                }
            }
            return requests;
        }
    }

    /** One PutItem through a client built exactly as the function builds it, warm: the floor for a warm invocation. */
    static double rawPutItemMs(URI endpoint, String table) {
        try (DynamoDbClient client = AwsClientModule.dynamoDbClientBuilder(
                        new Configuration(table, "eu-west-1", "raw", Optional.empty(), Optional.empty(), Map.of()),
                        AwsClientModule.httpClient(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                        DynamoDbCallBudget.REGISTRATION)
                .endpointOverride(endpoint)
                .build()) {
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Map<String, AttributeValue> item = Map.of(
                        "userId",
                        AttributeValue.fromS(UUID.randomUUID().toString()),
                        "email",
                        AttributeValue.fromS("raw@example.com"),
                        "registeredAt",
                        AttributeValue.fromS("x"));
                long t0 = System.nanoTime();
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(userId)"));
                if (i >= 200) {
                    samples.add(System.nanoTime() - t0);
                }
            }
            return Stats.ofNanos(samples).p50();
        }
    }

    /** The process's peak resident memory (VmHWM), in KiB; -1 where /proc cannot tell. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
