package dev.userprofile.local.testing.lambda;

import dev.userprofile.local.testing.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The embedded metrics (CloudWatch's embedded metric format) a JSON log line declares. */
public final class EmbeddedMetrics {

    private EmbeddedMetrics() {}

    /** The metric names the line's {@code _aws} directives declare, in order; empty when it declares none. */
    public static List<String> names(String logLine) {
        List<String> names = new ArrayList<>();
        if (JsonValues.object(logLine).get("_aws") instanceof Map<?, ?> aws
                && aws.get("CloudWatchMetrics") instanceof List<?> directives) {
            for (Object directive : directives) {
                if (directive instanceof Map<?, ?> d && d.get("Metrics") instanceof List<?> metrics) {
                    for (Object metric : metrics) {
                        if (metric instanceof Map<?, ?> m && m.get("Name") instanceof String name) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }
}
