package dev.userprofile.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnDemandMeasurementTest {

    private static String line(double ms) {
        return "{\"level\":\"INFO\",\"outcome\":\"REGISTERED\",\"durationMs\":" + ms + "}";
    }

    @Test
    void theHandlersWarmTimeIsTheMedianOfItsLastHalfOfWarmInvocations() {
        List<String> log = new ArrayList<>();
        log.add("START RequestId: 1");
        // The cold and first invocations, then warm ones settling at 2 ms.
        for (int i = 0; i < 32; i++) {
            log.add(line(50 - i));
        }
        for (int i = 0; i < OnDemandMeasurement.WARM_INVOCATIONS / 2; i++) {
            log.add(line(i % 2 == 0 ? 2.0 : 3.0));
        }

        assertThat(OnDemandMeasurement.handlerWarmMs(log)).isEqualTo(2.5);
    }

    @Test
    void tooFewTimedLinesGiveNoNumberRatherThanAWrongOne() {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < OnDemandMeasurement.WARM_INVOCATIONS / 2; i++) {
            log.add(line(1));
        }

        assertThat(OnDemandMeasurement.handlerWarmMs(log)).isNaN();
    }

    @Test
    void aProcessThatCannotBeReadHasNoPeakMemory() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux's /proc");
        assertThat(OnDemandMeasurement.peakRssKb(-1)).isEqualTo(-1);
        assertThat(OnDemandMeasurement.peakRssKb(ProcessHandle.current().pid())).isPositive();
    }
}
