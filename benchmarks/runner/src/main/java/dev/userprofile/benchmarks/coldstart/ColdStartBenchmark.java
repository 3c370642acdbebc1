package dev.userprofile.benchmarks.coldstart;

import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prints the numbers behind docs/benchmarks.md: each variant's deployable zip run by the Lambda Java runtime
 * interface client in a fresh JVM against a loopback Runtime API, with events that write to dynalite. Variants
 * alternate within each round; medians with min and max over the rounds.
 *
 * <p>Arguments: the rounds (7 when none), then the variants to run, comma-separated (those the targets are about
 * when none). {@code -Dbenchmark.baseline=ZIP} restores another build side by side; {@code -Dcold.start.trace=true}
 * lists the classes each restore loads before its first response.
 */
public final class ColdStartBenchmark {

    private static final String TABLE = "profiles-benchmark";
    private static final String TRIGGER = "PostConfirmationFunction";

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> only = args.length > 1 && !args[1].isBlank() ? List.of(args[1].split(",")) : List.of();
        boolean trace = Boolean.getBoolean("cold.start.trace");
        Optional<Path> baseline = Optional.of(System.getProperty("benchmark.baseline", ""))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        Path root = CloudFormationYaml.findTemplate().getParent();
        Path ours = LocalLambda.defaultArtifact();
        Path floor = root.resolve("benchmarks/floor-function/target/floor-function-lambda.zip");
        Path naive = root.resolve("benchmarks/naive-function/target/naive-function-lambda.zip");
        TemplateFunction template = TemplateFunction.fromTemplate(CloudFormationYaml.findTemplate(), TRIGGER);

        Path aotCache = Files.createTempFile("ours", ".aot");
        Files.delete(aotCache);
        List<Variant> variants =
                Variants.chosen(Variants.all(ours, floor, naive, template.handler(), aotCache, baseline), only);
        SyncPool pool = variants.stream().anyMatch(v -> v.workload().pool()) ? SyncPool.start() : null;
        try (LocalTables tables = LocalTables.start(TABLE)) {
            URI dynalite = tables.directEndpoint();
            // Straight to dynalite: the local tables' recording front would add a hop to every measured call.
            Map<String, String> environment = LocalTables.functionEnvironment(TRIGGER, TABLE, dynalite);
            Map<String, String> syncEnvironment =
                    pool == null ? Map.of() : pool.environment("UserSyncFunction", TABLE, dynalite);
            Map<String, String> apiEnvironment =
                    pool == null ? Map.of() : pool.environment("ProfileApiFunction", TABLE, dynalite);
            BenchmarkEvents events = new BenchmarkEvents(tables, Optional.ofNullable(pool));
            OnDemandMeasurement onDemand = new OnDemandMeasurement(template, environment);
            RestoreMeasurement restore = new RestoreMeasurement(template, dynalite, events, trace);

            System.out.printf(
                    "machine: %d cores, Java %s; %d rounds, variants alternate; dynalite in memory%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), rounds);
            if (variants.stream().anyMatch(v -> v.name().equals("ours+aot-cache"))) {
                onDemand.trainAotCache(ours, aotCache);
            }
            Map<String, List<OnDemandRun>> results = new LinkedHashMap<>();
            Map<String, List<RestoreRun>> restores = new LinkedHashMap<>();
            for (Variant v : variants) {
                if (v.start() == Start.SNAPSTART_RESTORE) {
                    restores.put(v.name(), new ArrayList<>());
                } else {
                    results.put(v.name(), new ArrayList<>());
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((i + round) % variants.size());
                    if (variant.start() == Start.SNAPSTART_RESTORE) {
                        Map<String, String> own = variant.workload() == Workload.SYNC_EVENT
                                ? syncEnvironment
                                : variant.workload().api() ? apiEnvironment : environment;
                        restores.get(variant.name()).add(restore.measure(variant, own));
                    } else {
                        results.get(variant.name()).add(onDemand.measure(variant));
                    }
                }
                System.out.printf("round %d of %d done%n", round + 1, rounds);
            }
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (Variant variant : variants) {
                if (variant.start() == Start.ON_DEMAND && !variant.name().contains("aot")) {
                    classes.put(variant.name(), onDemand.classesLoaded(variant));
                }
            }
            double rawPutItem = OnDemandMeasurement.rawPutItemMs(dynalite, TABLE);
            int writes = onDemand.requestsPerInvocation(ours, dynalite, List.of(BenchmarkEvents.signUp()))[0];
            // The stored profile is older than the event's attributes: the first sign-in refreshes it, the second
            // finds it current, as every later sign-in of that user does.
            String returning = events.signIn();
            int[] signIn = onDemand.requestsPerInvocation(
                    ours,
                    dynalite,
                    List.of(
                            returning,
                            returning,
                            LambdaRuntimeJson.withSub(
                                    LambdaRuntimeJson.sampleEventJson("sign-in.json"),
                                    UUID.randomUUID().toString())));
            ColdStartReport report = new ColdStartReport(System.out);
            report.onDemand(
                    results,
                    classes,
                    Map.of("floor", Files.size(floor), "naive", Files.size(naive), "ours", Files.size(ours)),
                    rawPutItem,
                    writes,
                    only.isEmpty());
            report.restores(restores, trace);
            System.out.printf(
                    "requests to DynamoDB for one sign-in: %d with a current profile, %d with a stale one, %d without"
                            + " one%n",
                    signIn[1], signIn[0], signIn[2]);
        } finally {
            Files.deleteIfExists(aotCache);
            if (pool != null) {
                pool.close();
            }
        }
    }
}
