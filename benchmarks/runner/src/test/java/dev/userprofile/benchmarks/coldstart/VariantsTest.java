package dev.userprofile.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariantsTest {

    private static final Path OURS = Path.of("ours.zip");
    private static final Path AOT = Path.of("ours.aot");

    private static List<Variant> all(Optional<Path> baseline) {
        return Variants.all(OURS, Path.of("floor.zip"), Path.of("naive.zip"), "Trigger::handle", AOT, baseline);
    }

    private static List<String> names(List<Variant> variants) {
        return variants.stream().map(Variant::name).toList();
    }

    @Test
    void withoutNamesEveryVariantRunsButTheFlagExperiment() {
        List<Variant> chosen = Variants.chosen(all(Optional.empty()), List.of());

        assertThat(names(chosen))
                .contains(
                        "floor", "naive", "ours", "ours+snapstart-init", "floor+restore", "ours+restore", "api+restore")
                .doesNotContain(Variants.SERIAL_GC, Variants.BASELINE);
    }

    @Test
    void namedVariantsRunAloneWithTheBaselineWhenOneIsGiven() {
        List<Variant> all = all(Optional.of(Path.of("before.zip")));

        assertThat(names(Variants.chosen(all, List.of("floor+restore", "ours+serial-gc"))))
                .containsExactly("floor+restore", "ours+serial-gc", "baseline+restore");
        assertThat(Variants.chosen(all, List.of("floor+restore")).getLast().artifact())
                .isEqualTo(Path.of("before.zip"));
    }

    @Test
    void onDemandVariantsStopAtC1AsLambdaDoesAndRestoredOnesDoNot() {
        for (Variant v : all(Optional.empty())) {
            if (v.start() == Start.ON_DEMAND) {
                assertThat(v.jvmOptions()).as(v.name()).contains("-XX:TieredStopAtLevel=1");
            } else {
                assertThat(v.jvmOptions()).as(v.name()).doesNotContain("-XX:TieredStopAtLevel=1");
                assertThat(v.snapStart()).isTrue();
            }
        }
    }

    @Test
    void eachVariantRunsTheHandlerOfWhatItMeasures() {
        List<Variant> all = all(Optional.empty());

        assertThat(all)
                .filteredOn(v -> v.workload().api())
                .allMatch(v -> v.handler().equals(Variants.API_HANDLER));
        assertThat(all)
                .filteredOn(v -> v.workload() == Workload.SYNC_EVENT)
                .singleElement()
                .extracting(Variant::handler)
                .isEqualTo(Variants.SYNC_HANDLER);
        assertThat(all)
                .filteredOn(v -> v.name().equals("ours+aot-cache"))
                .singleElement()
                .satisfies(v -> assertThat(v.jvmOptions()).contains("-XX:AOTCache=" + AOT));
    }

    @Test
    void aFlagAddedToAVariantLeavesTheOriginalAsItWas() {
        Variant ours = new Variant("ours", OURS, "h", Variants.ON_DEMAND_FLAGS, Start.ON_DEMAND);

        Variant traced = ours.withFlag("-Xlog:class+load");

        assertThat(traced.jvmOptions()).endsWith("-Xlog:class+load");
        assertThat(ours.jvmOptions()).isEqualTo(Variants.ON_DEMAND_FLAGS);
    }
}
