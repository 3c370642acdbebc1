package dev.userprofile.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        assertThat(Stats.median(5, 1, 3)).isEqualTo(3);
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Stats.median(7)).isEqualTo(7);
        assertThat(Stats.median()).isNaN();
    }

    @Test
    void theMedianLeavesItsInputInTheOrderGiven() {
        double[] values = {3, 1, 2};

        Stats.median(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void percentilesAreNearestRankOverSortedValues() {
        double[] sorted = LongStream.rangeClosed(1, 100).mapToDouble(v -> v).toArray();

        assertThat(Stats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Stats.percentile(sorted, 90)).isEqualTo(90);
        assertThat(Stats.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Stats.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Stats.percentile(sorted, 0)).as("never below the first rank").isEqualTo(1);
        assertThat(Stats.percentile(new double[] {4, 8}, 50)).isEqualTo(4);
    }

    @Test
    void nanosAreSummarisedInMillisecondsWhateverTheirOrder() {
        Stats stats = Stats.ofNanos(List.of(3_000_000L, 1_000_000L, 2_500_000L, 10_000_000L));

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.min()).isEqualTo(1.0);
        assertThat(stats.p50()).isEqualTo(2.5);
        assertThat(stats.p90()).isEqualTo(10.0);
        assertThat(stats.max()).isEqualTo(10.0);
        assertThat(stats.summary()).isEqualTo("n=4 min=1.0 p50=2.5 p90=10.0 p99=10.0 max=10.0 ms");
    }

    @Test
    void noSamplesIsAnErrorNotAZero() {
        assertThatThrownBy(() -> Stats.ofNanos(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no samples");
    }

    @Test
    void aSingleSampleIsEveryStatistic() {
        Stats one = Stats.ofNanos(List.of(1_234_567L));

        assertThat(List.of(one.min(), one.p50(), one.p90(), one.p99(), one.max()))
                .allSatisfy(v -> assertThat(v).isCloseTo(1.234567, within(1e-9)));
    }
}
