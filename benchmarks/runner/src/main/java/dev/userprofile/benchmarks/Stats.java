package dev.userprofile.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Order statistics over measured durations, in milliseconds. */
public record Stats(int count, double min, double p50, double p90, double p99, double max) {

    public static Stats ofNanos(List<Long> nanos) {
        double[] millis =
                nanos.stream().mapToDouble(n -> n / 1_000_000.0).sorted().toArray();
        if (millis.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return new Stats(
                millis.length,
                millis[0],
                percentile(millis, 50),
                percentile(millis, 90),
                percentile(millis, 99),
                millis[millis.length - 1]);
    }

    /** Nearest-rank percentile. */
    public static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public String summary() {
        return String.format("n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f ms", count, min, p50, p90, p99, max);
    }
}
