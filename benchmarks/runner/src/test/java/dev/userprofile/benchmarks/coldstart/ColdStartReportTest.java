package dev.userprofile.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.userprofile.local.support.lambda.RuntimeApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartReportTest {

    private static RestoreRun restore(double firstMs, double warmMs) {
        return new RestoreRun(
                firstMs,
                warmMs,
                1,
                2,
                new RuntimeApi.RestoreTimeline(Duration.ofMillis(3), Duration.ofMillis(4)),
                List.of("a.b.c.D"));
    }

    @Test
    void ratiosToTheFloorPairRoundsAndStopAtTheShorterList() {
        List<RestoreRun> floor = List.of(restore(50, 0), restore(40, 0));
        List<RestoreRun> ours = List.of(restore(100, 5), restore(60, 5), restore(999, 5));

        assertThat(ColdStartReport.ratiosToFloor(ours, floor)).containsExactly(2.0, 1.5);
        assertThat(ColdStartReport.ratiosToFloorPlusOwnCalls(ours, floor))
                .containsExactly(new double[] {100 / 55.0, 60 / 45.0}, within(1e-12));
    }

    @Test
    void aTargetIsMetAtItsLimitAndMissedAboveIt() {
        assertThat(ColdStartReport.target("cold/floor", 1.6, 1.6)).endsWith("target <= 1.6   MET");
        assertThat(ColdStartReport.target("cold/floor", 1.61, 1.6))
                .startsWith("cold/floor ")
                .contains("    1.61  ")
                .endsWith("MISSED");
    }

    @Test
    void aSpreadIsTheMedianWithTheSmallestAndLargestValue() {
        assertThat(ColdStartReport.spreadOf(new double[] {12.0, 10.0, 50.0})).isEqualTo("   12.0 (  10.0-  50.0)");
    }

    @Test
    void theRestoreTableGivesEachVariantItsRatioAndTheTargetOnFloorPlusOwnCalls() {
        Map<String, List<RestoreRun>> restores = new LinkedHashMap<>();
        restores.put(Variants.FLOOR_RESTORE, List.of(restore(50, 1), restore(50, 1), restore(50, 1)));
        restores.put("ours+restore", List.of(restore(60, 10), restore(55, 10), restore(100, 10)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new ColdStartReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).restores(restores, false);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("snapshot 6.0 s old")
                .containsPattern("ours\\+restore +60\\.0 \\( +55\\.0- +100\\.0\\) .* 1\\.20 \\(1\\.10-2\\.00\\)")
                // 60 / (50 + 10) is the median of 1.0, 0.92 and 1.67.
                .containsPattern("ours\\+restore / \\(floor \\+ own calls\\) +1\\.00  target <= 1\\.1 +MET")
                .doesNotContain("classes loaded between");
        assertThat(printed.lines().filter(l -> l.startsWith("floor+restore / ")))
                .isEmpty();
    }

    @Test
    void withoutAFloorRunThereAreNoRatiosAndNoTargets() {
        Map<String, List<RestoreRun>> restores = Map.of("api+restore", List.of(restore(70, 5)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new ColdStartReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).restores(restores, true);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("api+restore")
                .doesNotContain("target <=")
                .contains("classes loaded between the restore and the first response")
                .contains("a.b.c 1");
    }

    @Test
    void theOnDemandTargetsComeOnlyWhenEveryVariantRan() {
        Map<String, List<OnDemandRun>> results = new LinkedHashMap<>();
        results.put("floor", List.of(new OnDemandRun(100, 50, 5, 2, 1, 100 * 1024)));
        results.put("naive", List.of(new OnDemandRun(500, 50, 5, 2, 1, 100 * 1024)));
        results.put("ours", List.of(new OnDemandRun(150, 50, 5, 2, 0.5, 120 * 1024)));
        results.put("ours+snapstart-init", List.of(new OnDemandRun(150, 50, 4, 2, 0.5, 120 * 1024)));
        Map<String, Long> sizes = Map.of("ours", 6L * 1_048_576);

        ByteArrayOutputStream some = new ByteArrayOutputStream();
        new ColdStartReport(new PrintStream(some, true, StandardCharsets.UTF_8))
                .onDemand(results, Map.of("ours", 4200), sizes, 0.5, 1, false);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        new ColdStartReport(new PrintStream(all, true, StandardCharsets.UTF_8))
                .onDemand(results, Map.of("ours", 4200), sizes, 0.5, 1, true);

        assertThat(some.toString(StandardCharsets.UTF_8))
                .contains("artifact ours       6.00 MB   classes loaded by the first invocation: 4200")
                .doesNotContain("target <=");
        assertThat(all.toString(StandardCharsets.UTF_8))
                .containsPattern("cold/floor +1\\.50  target <= 1\\.6 +MET")
                .containsPattern("cold/naive +0\\.30  target <= 0\\.6 +MET")
                .containsPattern("first-after-init/warm \\(SnapStart init\\) +2\\.00  target <= 3\\.0 +MET")
                .containsPattern("warm in handler / raw PutItem +1\\.00  target <= 1\\.2 +MET")
                .containsPattern("requests per registration +1\\.00  target <= 1\\.0 +MET");
    }
}
