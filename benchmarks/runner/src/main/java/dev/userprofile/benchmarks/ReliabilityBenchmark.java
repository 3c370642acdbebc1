package dev.userprofile.benchmarks;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.bootstrap.CognitoTriggerHandler;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.TriggerComponent;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.net.FaultInjectingProxy.Fault;
import dev.userprofile.local.testing.net.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Prints the numbers behind docs/reliability.md: a load run (2,000 distinct sign-ups plus 20% duplicate deliveries
 * at concurrency 16, real handler and adapter against dynalite) and the time a persistent DynamoDB fault takes to
 * surface as a failed invocation. Exits non-zero when the load run's correctness checks fail.
 */
public final class ReliabilityBenchmark {

    private static final int DISTINCT_USERS = 2_000;
    private static final double DUPLICATE_SHARE = 0.20;
    private static final int CONCURRENCY = 16;
    private static final int FAULT_RUNS = 5;
    private static final String TABLE_NAME = "profiles-benchmark";
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([A-Z_]+)\"");

    private ReliabilityBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean ok;
        try (LocalTables tables = LocalTables.start(TABLE_NAME)) {
            System.out.printf(
                    "machine: %d cores, Java %s; dynalite (in memory) on %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), tables.directEndpoint());
            ok = load(tables);
            failureBudget(tables);
        }
        System.exit(ok ? 0 : 1);
    }

    /** The function's variables, reaching DynamoDB at {@code endpoint}. */
    private static Map<String, String> environment(LocalTables tables, URI endpoint) {
        return LocalTables.functionEnvironment("PostConfirmationFunction", tables.tableName(), endpoint);
    }

    private static CognitoTriggerHandler handler(Map<String, String> environment) {
        return new CognitoTriggerHandler(TriggerComponent.create(Configuration.fromEnvironment(environment)));
    }

    private static boolean load(LocalTables tables) throws Exception {
        DynamoDbClient dynamoDb = tables.client();
        String tableName = tables.tableName();
        String template = LambdaRuntimeJson.sampleEventJson("sign-up.json");
        Random random = new Random(20261127L);
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < DISTINCT_USERS; i++) {
            String sub = new UUID(random.nextLong(), random.nextLong()).toString();
            distinct.add(LambdaRuntimeJson.withSub(template, sub)
                    .replace("jane.doe@example.com", "user" + i + "@example.com"));
        }
        List<String> deliveries = new ArrayList<>(distinct);
        int duplicates = (int) Math.round(DISTINCT_USERS * DUPLICATE_SHARE);
        for (int i = 0; i < duplicates; i++) {
            deliveries.add(distinct.get(random.nextInt(DISTINCT_USERS)));
        }
        Collections.shuffle(deliveries, random);

        List<CognitoTriggerHandler> environments = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            environments.add(handler(environment(tables, tables.directEndpoint())));
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(deliveries);
        List<Long> latencies = new CopyOnWriteArrayList<>();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> workers = new ArrayList<>();
            for (CognitoTriggerHandler handler : environments) {
                workers.add(pool.submit(() -> {
                    String json;
                    while ((json = queue.poll()) != null) {
                        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.fromJson(json);
                        LocalLambdaContext context = new LocalLambdaContext();
                        long t0 = System.nanoTime();
                        try {
                            handler.handleRequest(event, context);
                            latencies.add(System.nanoTime() - t0);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                        for (String line : context.logLines()) {
                            Matcher m = OUTCOME.matcher(line);
                            if (m.find()) {
                                outcomes.computeIfAbsent(m.group(1), k -> new LongAdder())
                                        .increment();
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int items = dynamoDb.scanPaginator(b -> b.tableName(tableName).consistentRead(true)).stream()
                .mapToInt(page -> page.count())
                .sum();

        System.out.println();
        System.out.printf(
                "== load: %d distinct sign-ups + %d duplicate deliveries, concurrency %d%n",
                DISTINCT_USERS, duplicates, CONCURRENCY);
        System.out.printf("items in table: %d (expected %d)%n", items, DISTINCT_USERS);
        System.out.printf("errors: %d%n", errors.get());
        System.out.printf("outcomes: %s%n", new java.util.TreeMap<>(outcomes));
        System.out.printf("throughput: %.0f invocations/s over %.2f s%n", deliveries.size() / seconds, seconds);
        System.out.printf(
                "latency per invocation: %s%n", Stats.ofNanos(latencies).summary());
        long registered = outcomes.getOrDefault("REGISTERED", new LongAdder()).sum();
        long already =
                outcomes.getOrDefault("ALREADY_REGISTERED", new LongAdder()).sum();
        boolean ok =
                items == DISTINCT_USERS && errors.get() == 0 && registered == DISTINCT_USERS && already == duplicates;
        System.out.println(ok ? "load: PASS" : "load: FAIL");
        return ok;
    }

    private static void failureBudget(LocalTables tables) throws IOException {
        System.out.println();
        System.out.printf("== persistent faults: time from invocation to failure, %d runs each%n", FAULT_RUNS);
        String event = LambdaRuntimeJson.sampleEventJson("sign-up.json");
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(tables.directEndpoint())) {
            for (Fault fault : List.of(
                    Fault.NO_RESPONSE, Fault.THROTTLING, Fault.SERVICE_UNAVAILABLE_503, Fault.CONNECTION_RESET)) {
                proxy.failAlways(fault);
                measureFailures(fault.name(), environment(tables, proxy.endpoint()), event);
            }
        }
        measureFailures(
                "UNREACHABLE (nothing listening)",
                environment(tables, URI.create("http://127.0.0.1:" + LoopbackPorts.free())),
                event);
    }

    /** Times each failure, and prints what the user is shown (Cognito relays it) and what the log line names. */
    private static void measureFailures(String label, Map<String, String> environment, String eventJson) {
        List<Long> durations = new ArrayList<>();
        String shown = "";
        Object logged = "";
        for (int run = 0; run < FAULT_RUNS; run++) {
            CognitoTriggerHandler handler = handler(environment);
            LocalLambdaContext context = new LocalLambdaContext();
            long t0 = System.nanoTime();
            try {
                handler.handleRequest(LambdaRuntimeJson.fromJson(eventJson), context);
                shown = "unexpectedly succeeded";
            } catch (RuntimeException e) {
                shown = e.getMessage();
            }
            durations.add(System.nanoTime() - t0);
            logged = context.logLines().isEmpty()
                    ? "no log line"
                    : JsonValues.object(context.logLines().getLast()).getOrDefault("error", "no error field");
        }
        System.out.printf(
                "%-32s %s%n    shown: %s%n    logged: %s%n",
                label, Stats.ofNanos(durations).summary(), shown, logged);
    }
}
