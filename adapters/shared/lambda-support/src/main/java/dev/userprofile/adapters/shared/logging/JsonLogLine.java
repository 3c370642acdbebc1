package dev.userprofile.adapters.shared.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One log record as a single top-level JSON object: {@code timestamp} and {@code level} (what Lambda's JSON log
 * format reads for its log-level filtering), then our own fields, and optionally CloudWatch embedded-metric-format
 * counts. Written as bytes through {@link LambdaLogger#log(byte[], LogLevel)}: the Lambda runtime passes bytes on
 * as they are, whereas text given to {@code log(String)} would arrive wrapped, as a string, inside {@code message},
 * where metric filters, field discovery and embedded metrics cannot see it.
 */
public final class JsonLogLine {

    /** The CloudWatch namespace of every metric the service emits; template.yaml's alarms use the same. */
    public static final String METRIC_NAMESPACE = "UserProfileService";
    /** The one dimension of those metrics, valued with the Lambda function's name. */
    public static final String METRIC_DIMENSION = "FunctionName";

    /** Frames kept per throwable: enough to find the line, short enough for one log event. */
    static final int MAX_FRAMES = 40;

    private final LogLevel level;
    private final Instant timestamp;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Number> metrics = new LinkedHashMap<>();
    /** Set with the metrics; a line without metrics has none. */
    private Optional<MetricDimensions> dimensions = Optional.empty();

    private JsonLogLine(Clock clock, LogLevel level) {
        this.level = level;
        this.timestamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static JsonLogLine of(Clock clock, LogLevel level) {
        return new JsonLogLine(clock, level);
    }

    public LogLevel level() {
        return level;
    }

    /** Adds a field unless {@code value} is null. Values: text, numbers, booleans, lists and maps of those. */
    public JsonLogLine with(String key, @Nullable Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    /**
     * Adds {@code durationMs}: the time since {@code startNanos} ({@link System#nanoTime}) in milliseconds to the
     * microsecond, as warm invocations take about a millisecond and whole ones would say little.
     */
    public JsonLogLine withDurationSince(long startNanos) {
        return with("durationMs", Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0);
    }

    /**
     * Adds {@code errorType} and {@code stackTrace}: the frames of the failure and of each cause, with their types
     * but never their messages, which may quote personal data.
     */
    public JsonLogLine withFailure(Throwable failure) {
        List<String> trace = new ArrayList<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
            trace.add(
                    depth == 0
                            ? current.getClass().getName()
                            : "caused by " + current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            for (int f = 0; f < Math.min(frames.length, MAX_FRAMES); f++) {
                trace.add("at " + frames[f]);
            }
            if (frames.length > MAX_FRAMES) {
                trace.add("... " + (frames.length - MAX_FRAMES) + " more");
            }
        }
        return with("errorType", failure.getClass().getName()).with("stackTrace", trace);
    }

    /**
     * Adds counts as embedded metrics (CloudWatch extracts them from the line, so alarms need no metric filter),
     * dimensioned by the function's name.
     */
    public JsonLogLine metrics(String functionName, Map<String, ? extends Number> counts) {
        return metrics(MetricDimensions.byName(functionName), counts);
    }

    /**
     * The same, dimensioned by the function's name and, when {@code dimensions} has one, also by name and version
     * (two dimension sets: one series per function, one per version).
     */
    public JsonLogLine metrics(MetricDimensions dimensions, Map<String, ? extends Number> counts) {
        this.dimensions = Optional.of(dimensions);
        metrics.putAll(counts);
        return this;
    }

    public void writeTo(LambdaLogger logger) {
        logger.log(toJson().concat("\n").getBytes(StandardCharsets.UTF_8), level);
    }

    public String toJson() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("timestamp", timestamp.toString());
        record.put("level", level.name());
        record.putAll(fields);
        if (!metrics.isEmpty()) {
            MetricDimensions dimensions = this.dimensions.orElseThrow();
            List<Object> definitions = new ArrayList<>();
            for (String name : metrics.keySet()) {
                Map<String, Object> definition = new LinkedHashMap<>();
                definition.put("Name", name);
                definition.put("Unit", "Count");
                definitions.add(definition);
            }
            Map<String, Object> directive = new LinkedHashMap<>();
            directive.put("Namespace", METRIC_NAMESPACE);
            directive.put(
                    "Dimensions",
                    dimensions.functionVersion().isPresent()
                            ? List.of(
                                    List.of(METRIC_DIMENSION),
                                    List.of(METRIC_DIMENSION, MetricDimensions.VERSION_DIMENSION))
                            : List.of(List.of(METRIC_DIMENSION)));
            directive.put("Metrics", definitions);
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("Timestamp", timestamp.toEpochMilli());
            aws.put("CloudWatchMetrics", List.of(directive));
            record.put("_aws", aws);
            record.put(METRIC_DIMENSION, dimensions.functionName());
            dimensions.functionVersion().ifPresent(version -> record.put(MetricDimensions.VERSION_DIMENSION, version));
            record.putAll(metrics);
        }
        return JsonText.of(record);
    }
}
