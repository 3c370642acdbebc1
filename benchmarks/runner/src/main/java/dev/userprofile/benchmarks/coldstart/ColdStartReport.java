package dev.userprofile.benchmarks.coldstart;

import dev.userprofile.benchmarks.Stats;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The tables and targets the benchmark prints (docs/benchmarks.md quotes them). */
final class ColdStartReport {

    private final PrintStream out;

    ColdStartReport(PrintStream out) {
        this.out = out;
    }

    /** Each on-demand variant's times over the rounds, the artifacts, and the targets when every variant ran. */
    void onDemand(
            Map<String, List<OnDemandRun>> results,
            Map<String, Integer> classes,
            Map<String, Long> sizes,
            double rawPutItemMs,
            int writes,
            boolean allVariants) {
        out.println();
        out.println("ms, median (min-max)   cold                    init                    "
                + "first after init        warm (round trip)       warm (in handler)  peak RSS MB");
        results.forEach((name, runs) -> out.printf(
                "%-22s %s %s %s %s %8.3f %12.0f%n",
                name,
                spread(runs, OnDemandRun::coldMs),
                spread(runs, OnDemandRun::initMs),
                spread(runs, OnDemandRun::firstAfterInitMs),
                spread(runs, OnDemandRun::warmMs),
                median(runs, OnDemandRun::handlerWarmMs),
                median(runs, r -> r.peakRssKb() / 1024.0)));
        out.println();
        sizes.forEach((name, size) -> out.printf(
                "artifact %-6s %8.2f MB   classes loaded by the first invocation: %s%n",
                name, size / 1_048_576.0, classes.getOrDefault(name, -1)));
        out.printf("raw PutItem through the function's client (warm, in-process): %.3f ms%n", rawPutItemMs);
        out.printf("requests to DynamoDB for one registration: %d%n", writes);

        if (!allVariants) {
            return;
        }
        double cold = median(results.get("ours"), OnDemandRun::coldMs);
        double floor = median(results.get("floor"), OnDemandRun::coldMs);
        double naive = median(results.get("naive"), OnDemandRun::coldMs);
        double first = median(results.get("ours+snapstart-init"), OnDemandRun::firstAfterInitMs);
        double warm = median(results.get("ours+snapstart-init"), OnDemandRun::warmMs);
        double handlerWarm = median(results.get("ours"), OnDemandRun::handlerWarmMs);
        out.println();
        out.println(target("cold/floor", cold / floor, 1.6));
        out.println(target("cold/naive", cold / naive, 0.6));
        out.println(target("first-after-init/warm (SnapStart init)", first / warm, 3.0));
        out.println(target("warm in handler / raw PutItem", handlerWarm / rawPutItemMs, 1.2));
        out.println(target("artifact MB", sizes.get("ours") / 1_048_576.0, 8.0));
        out.println(target("requests per registration", writes, 1.0));
    }

    /** The first response after each restore variant, its costs, its ratio to the floor's and the target on it. */
    void restores(Map<String, List<RestoreRun>> restores, boolean trace) {
        if (restores.isEmpty()) {
            return;
        }
        out.println();
        out.printf(
                "first response after a SnapStart restore (snapshot %.1f s old, connections reset, "
                        + "credentials from the container endpoint), ms%n",
                RestoreMeasurement.SNAPSHOT_AGE.toMillis() / 1000.0);
        out.println("variant                median   (min-max)         warm after   credential fetches"
                + "  new connections  resume  invocation  ratio to floor (median of rounds)");
        List<RestoreRun> floor = restores.get(Variants.FLOOR_RESTORE);
        restores.forEach((name, runs) -> {
            String ratio = "";
            if (floor != null && !name.equals(Variants.FLOOR_RESTORE)) {
                double[] ratios = ratiosToFloor(runs, floor);
                ratio = String.format(
                        "%.2f (%.2f-%.2f)",
                        Stats.median(ratios),
                        Arrays.stream(ratios).min().orElse(Double.NaN),
                        Arrays.stream(ratios).max().orElse(Double.NaN));
            }
            out.printf(
                    "%-22s %s %9.2f %12.0f %16.0f %9.1f %9.1f   %s%n",
                    name,
                    spreadOf(runs.stream()
                            .mapToDouble(RestoreRun::firstResponseMs)
                            .toArray()),
                    median(runs, RestoreRun::warmMs),
                    median(runs, RestoreRun::credentialFetches),
                    median(runs, RestoreRun::newConnections),
                    median(runs, r -> r.timeline().resume().toNanos() / 1e6),
                    median(runs, r -> r.timeline().invocation().toNanos() / 1e6),
                    ratio);
        });
        if (floor != null) {
            out.println();
            restores.forEach((name, runs) -> {
                if (!name.equals(Variants.FLOOR_RESTORE)) {
                    out.println(target(
                            name + " / (floor + own calls)",
                            Stats.median(ratiosToFloorPlusOwnCalls(runs, floor)),
                            1.1));
                }
            });
        }
        if (trace) {
            classesAfterRestore(restores);
        }
    }

    /** Round by round, a variant's first response over the floor's in the same round. */
    static double[] ratiosToFloor(List<RestoreRun> runs, List<RestoreRun> floor) {
        double[] ratios = new double[Math.min(runs.size(), floor.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = runs.get(i).firstResponseMs() / floor.get(i).firstResponseMs();
        }
        return ratios;
    }

    /**
     * Round by round, a variant's first response over the floor's plus its own warm invocation: its own calls are
     * what a warm invocation spends; the rest is the restore, which must cost no more than the floor's.
     */
    static double[] ratiosToFloorPlusOwnCalls(List<RestoreRun> runs, List<RestoreRun> floor) {
        double[] ratios = new double[Math.min(runs.size(), floor.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = runs.get(i).firstResponseMs()
                    / (floor.get(i).firstResponseMs() + runs.get(i).warmMs());
        }
        return ratios;
    }

    /** "median (min-max)" of the values. */
    static String spreadOf(double[] values) {
        double min = Arrays.stream(values).min().orElse(Double.NaN);
        double max = Arrays.stream(values).max().orElse(Double.NaN);
        return String.format("%7.1f (%6.1f-%6.1f)", Stats.median(values), min, max);
    }

    /** One target's line: its value, its limit, and whether it is met (a value at the limit is). */
    static String target(String name, double value, double limit) {
        return String.format("%-42s %8.2f  target <= %-5s %s", name, value, limit, value <= limit ? "MET" : "MISSED");
    }

    private void classesAfterRestore(Map<String, List<RestoreRun>> restores) {
        out.println();
        out.println("classes loaded between the restore and the first response (median; where, last round)");
        restores.forEach((name, runs) -> out.printf(
                "%-22s %5.0f  %s%n",
                name,
                median(runs, r -> r.classesLoadedAfterRestore().size()),
                ClassLoadLog.byPackage(runs.getLast().classesLoadedAfterRestore())));
        restores.forEach((name, runs) -> out.printf(
                "%n%s, beyond the runtime client's own:%n  %s%n",
                name,
                String.join(
                        "\n  ",
                        runs.getLast().classesLoadedAfterRestore().stream()
                                .filter(c -> !c.startsWith("com.amazonaws.services.lambda.runtime.api.client")
                                        && !c.startsWith("com.amazonaws.lambda.thirdparty"))
                                .toList())));
    }

    private static String spread(List<OnDemandRun> runs, ToDoubleFunction<OnDemandRun> metric) {
        return spreadOf(runs.stream().mapToDouble(metric).toArray());
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> metric) {
        return Stats.median(runs.stream().mapToDouble(metric).toArray());
    }
}
