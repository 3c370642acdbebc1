package dev.userprofile.benchmarks.coldstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every variant the benchmark knows, and the ones a run measures. */
final class Variants {

    static final String API_HANDLER = "dev.userprofile.bootstrap.ProfileApiHandler::handleRequest";
    static final String SYNC_HANDLER = "dev.userprofile.bootstrap.UserSyncHandler::handleRequest";
    static final String FLOOR_HANDLER = "dev.userprofile.benchmarks.floor.FloorHandler::handleRequest";
    static final String NAIVE_HANDLER = "dev.userprofile.benchmarks.naive.NaiveHandler::handleRequest";

    /** Lambda's java25 runtime stops tiered compilation at C1 for on-demand functions (not with SnapStart). */
    static final List<String> ON_DEMAND_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1");

    static final List<String> SNAPSTART_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    /** A flag experiment, measured only when named. */
    static final String SERIAL_GC = "ours+serial-gc";

    static final String BASELINE = "baseline+restore";
    static final String FLOOR_RESTORE = "floor+restore";

    private Variants() {}

    /**
     * @param trigger  the trigger function's handler, as template.yaml names it
     * @param aotCache where the AOT training run writes its cache
     * @param baseline another build of the function (an earlier commit's zip) to restore side by side
     */
    static List<Variant> all(
            Path ours, Path floor, Path naive, String trigger, Path aotCache, Optional<Path> baseline) {
        List<Variant> all = new ArrayList<>(List.of(
                new Variant("floor", floor, FLOOR_HANDLER, ON_DEMAND_FLAGS, Start.ON_DEMAND),
                new Variant("naive", naive, NAIVE_HANDLER, ON_DEMAND_FLAGS, Start.ON_DEMAND),
                new Variant("ours", ours, trigger, ON_DEMAND_FLAGS, Start.ON_DEMAND),
                new Variant("ours+snapstart-init", ours, trigger, SNAPSTART_FLAGS, Start.SNAPSTART_INIT),
                new Variant(FLOOR_RESTORE, floor, FLOOR_HANDLER, SNAPSTART_FLAGS, Start.SNAPSTART_RESTORE),
                new Variant("ours+restore", ours, trigger, SNAPSTART_FLAGS, Start.SNAPSTART_RESTORE),
                restore("ours+restore/sign-in", ours, trigger, Workload.SIGN_IN),
                restore("api+restore", ours, API_HANDLER, Workload.API_GET),
                restore("api+restore/lazy", ours, API_HANDLER, Workload.API_LAZY),
                restore("api+restore/delete", ours, API_HANDLER, Workload.API_DELETE),
                restore("sync+restore", ours, SYNC_HANDLER, Workload.SYNC_EVENT),
                new Variant("ours+aot-cache", ours, trigger, ON_DEMAND_FLAGS, Start.ON_DEMAND)
                        .withFlag("-XX:AOTCache=" + aotCache),
                new Variant(SERIAL_GC, ours, trigger, ON_DEMAND_FLAGS, Start.ON_DEMAND).withFlag("-XX:+UseSerialGC")));
        baseline.ifPresent(
                zip -> all.add(new Variant(BASELINE, zip, trigger, SNAPSTART_FLAGS, Start.SNAPSTART_RESTORE)));
        return all;
    }

    /**
     * Without names, the variants the targets are about (flag experiments are left out); with names, those, and the
     * baseline whenever one is given.
     */
    static List<Variant> chosen(List<Variant> all, List<String> names) {
        return all.stream()
                .filter(v -> names.isEmpty()
                        ? !v.name().equals(SERIAL_GC)
                        : names.contains(v.name()) || v.name().equals(BASELINE))
                .toList();
    }

    private static Variant restore(String name, Path artifact, String handler, Workload workload) {
        return new Variant(name, artifact, handler, SNAPSTART_FLAGS, Start.SNAPSTART_RESTORE, workload);
    }
}
