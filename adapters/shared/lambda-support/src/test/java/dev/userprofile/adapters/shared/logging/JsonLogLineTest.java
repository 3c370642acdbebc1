package dev.userprofile.adapters.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogLineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:30.123456Z"), ZoneOffset.UTC);

    @Test
    void anyTextStaysValidJsonAndReadsBackUnchanged() {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 emoji \ud83d\ude00 lone \ud800 end";

        Map<String, Object> line = JsonValues.object(
                JsonLogLine.of(CLOCK, LogLevel.WARN).with("text", nasty).toJson());

        assertThat(line).containsEntry("timestamp", "2026-11-30T10:15:30.123Z").containsEntry("level", "WARN");
        assertThat((String) line.get("text"))
                .startsWith("quote \" backslash \\ newline \n tab \t bell \u0007 emoji " + "\ud83d\ude00 lone ");
    }

    @Test
    void metricsOfAVersionAreDimensionedByFunctionAndByFunctionAndVersion() {
        Map<String, Object> line = JsonValues.object(JsonLogLine.of(CLOCK, LogLevel.INFO)
                .metrics(new MetricDimensions("fn", java.util.Optional.of("7")), Map.of("Failed", 1))
                .toJson());

        assertThat(line).containsEntry("FunctionName", "fn").containsEntry("ExecutedVersion", "7");
        Map<?, ?> directive =
                (Map<?, ?>) ((List<?>) ((Map<?, ?>) line.get("_aws")).get("CloudWatchMetrics")).getFirst();
        assertThat(directive.get("Dimensions"))
                .isEqualTo(List.of(List.of("FunctionName"), List.of("FunctionName", "ExecutedVersion")));

        Map<String, Object> byName = JsonValues.object(JsonLogLine.of(CLOCK, LogLevel.INFO)
                .metrics("fn", Map.of("Failed", 1))
                .toJson());
        assertThat(byName).doesNotContainKey("ExecutedVersion");
        Map<?, ?> nameOnly =
                (Map<?, ?>) ((List<?>) ((Map<?, ?>) byName.get("_aws")).get("CloudWatchMetrics")).getFirst();
        assertThat(nameOnly.get("Dimensions")).isEqualTo(List.of(List.of("FunctionName")));
    }

    @Test
    void nestedListsMapsNumbersAndBooleansKeepTheirTypesAndNullsAreLeftOut() {
        Map<String, Object> line = JsonValues.object(JsonLogLine.of(CLOCK, LogLevel.INFO)
                .with("list", List.of(Map.of("a", 1), "b"))
                .with("flag", true)
                .with("ms", 1.5)
                .with("absent", null)
                .toJson());

        assertThat(line)
                .containsEntry("list", List.of(Map.of("a", 1L), "b"))
                .containsEntry("flag", true)
                .containsEntry("ms", 1.5)
                .doesNotContainKey("absent");
    }

    @Test
    void isWrittenAsOneLineOfBytesAtItsLevel() {
        LocalLambdaContext context = new LocalLambdaContext();

        JsonLogLine.of(Clock.systemUTC(), LogLevel.ERROR).with("event", "x").writeTo(context.getLogger());

        assertThat(context.logLines())
                .singleElement()
                .asString()
                .doesNotContain("\n")
                .startsWith("{\"timestamp\":")
                .contains("\"level\":\"ERROR\"");
    }

    @Test
    void withoutCountsThereIsNoMetricDirective() {
        assertThat(JsonValues.object(
                        JsonLogLine.of(CLOCK, LogLevel.INFO).with("event", "x").toJson()))
                .doesNotContainKeys("_aws", JsonLogLine.METRIC_DIMENSION);
    }

    @Test
    void aFailureIsLoggedWithItsFramesAndCausesButNeverAMessage() {
        IllegalStateException failure = new IllegalStateException(
                "jane.doe@example.com", new UncheckedIOException("secret path", new IOException("+15550100000")));

        Map<String, Object> line = JsonValues.object(JsonLogLine.of(Clock.systemUTC(), LogLevel.ERROR)
                .withFailure(failure)
                .toJson());

        assertThat(line).containsEntry("errorType", "java.lang.IllegalStateException");
        List<Object> trace = List.copyOf((List<?>) line.get("stackTrace"));
        assertThat(trace).first().isEqualTo("java.lang.IllegalStateException");
        assertThat(trace)
                .contains("caused by java.io.UncheckedIOException", "caused by java.io.IOException")
                .anyMatch(frame -> frame.toString().startsWith("at " + JsonLogLineTest.class.getName()));
        assertThat(line.toString()).doesNotContain("jane.doe", "secret path", "+1555");
    }

    @Test
    void aDeepStackIsCutToItsTopFrames() {
        RuntimeException deep = new RuntimeException();
        StackTraceElement frame = new StackTraceElement("a.B", "c", "B.java", 1);
        StackTraceElement[] frames = new StackTraceElement[JsonLogLine.MAX_FRAMES + 10];
        Arrays.fill(frames, frame);
        deep.setStackTrace(frames);

        List<?> trace = (List<?>) JsonValues.object(JsonLogLine.of(Clock.systemUTC(), LogLevel.ERROR)
                        .withFailure(deep)
                        .toJson())
                .get("stackTrace");

        assertThat(trace).hasSize(1 + JsonLogLine.MAX_FRAMES + 1).last().isEqualTo("... 10 more");
    }
}
