package dev.userprofile.adapters.cognito.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Moving clock = new Moving();

    private Progress progress(boolean terminal, OptionalLong expected) {
        return new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), terminal, clock, "backfill", expected);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainOutputIsALineAfterTheFirstPageThenAtMostOneEveryFewSeconds() {
        Progress progress = progress(false, OptionalLong.of(1_000));
        clock.now = clock.now.plusSeconds(1);
        progress.update(60, "60 registered", "; next page: --resume T1");
        clock.now = clock.now.plusSeconds(1);
        progress.update(120, "120 registered", "; next page: --resume T2");
        clock.now = clock.now.plus(Progress.PLAIN_EVERY);
        progress.update(400, "400 registered", "; next page: --resume T3");

        assertThat(err().lines())
                .containsExactly(
                        "backfill: 60 of ~1,000 users (6%), 60 users/s, ETA 16s; 60 registered; next page: --resume T1",
                        "backfill: 400 of ~1,000 users (40%), 57 users/s, ETA 11s; 400 registered; next page:"
                                + " --resume T3");
    }

    @Test
    void onATerminalOneLineIsRedrawnAndEndedAtTheFinish() {
        Progress progress = progress(true, OptionalLong.of(10_000));
        clock.now = clock.now.plusSeconds(10);
        progress.update(500, "", "; next page: --resume T");
        clock.now = clock.now.plus(Progress.REDRAW_EVERY);
        progress.update(600, "", "; next page: --resume T");
        progress.finish();

        assertThat(err())
                .isEqualTo("\rbackfill: 500 of ~10,000 users (5%), 50 users/s, ETA 3m 10s\u001b[K"
                        + "\rbackfill: 600 of ~10,000 users (6%), 59 users/s, ETA 2m 41s\u001b[K"
                        + System.lineSeparator())
                .doesNotContain("--resume");
    }

    @Test
    void withoutThePoolsSizeThereIsNoShareAndNoEta() {
        assertThat(progress(false, OptionalLong.empty()).describe(1_234, Duration.ofSeconds(10)))
                .isEqualTo("backfill: 1,234 users, 123 users/s");
    }

    @Test
    void longWaitsReadInMinutesAndHours() {
        assertThat(Progress.duration(59)).isEqualTo("59s");
        assertThat(Progress.duration(61)).isEqualTo("1m 01s");
        assertThat(Progress.duration(7_322)).isEqualTo("2h 02m");
    }
}
