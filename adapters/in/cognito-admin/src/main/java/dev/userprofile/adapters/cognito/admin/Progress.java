package dev.userprofile.adapters.cognito.admin;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A long command's progress on standard error: users done, their rate and, when the pool's size is known, the share
 * done and the time left. On a terminal one line is redrawn in place (at most a few times a second); otherwise, for
 * logs and CI, a plain line after the first page and then at most every {@link #PLAIN_EVERY}.
 */
final class Progress {

    static final Duration REDRAW_EVERY = Duration.ofMillis(250);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;
    private final String command;
    private final OptionalLong expected;
    private final Instant start;
    private @Nullable Instant lastShown;
    private boolean lineOpen;

    /**
     * @param expected the pool's estimated number of users ({@code DescribeUserPool}), empty when unknown
     */
    Progress(PrintStream err, boolean terminal, Clock clock, String command, OptionalLong expected) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.command = Objects.requireNonNull(command, "command");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.start = clock.instant();
    }

    /**
     * Shows {@code done} users so far, with {@code detail} (counts) and, on plain output, {@code plainOnly} (a resume
     * token, useful in a log, noise on a terminal); or nothing, when the last line is too recent.
     */
    void update(long done, String detail, String plainOnly) {
        Instant now = clock.instant();
        Duration every = terminal ? REDRAW_EVERY : PLAIN_EVERY;
        if (lastShown != null && Duration.between(lastShown, now).compareTo(every) < 0) {
            return;
        }
        lastShown = now;
        String line = describe(done, Duration.between(start, now)) + (detail.isEmpty() ? "" : "; " + detail);
        if (terminal) {
            // Carriage return and clear-to-end: the line is redrawn where it is.
            err.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            err.println(line + plainOnly);
        }
        err.flush();
    }

    /** Ends a redrawn line, so that what follows starts on a line of its own. */
    void finish() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    String describe(long done, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(command).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (expected.isPresent() && expected.getAsLong() > 0) {
            long total = expected.getAsLong();
            line.append(String.format(
                    Locale.ROOT, " of ~%,d users (%d%%)", total, Math.min(100, Math.round(100.0 * done / total))));
        } else {
            line.append(" users");
        }
        line.append(String.format(Locale.ROOT, ", %.0f users/s", rate));
        if (expected.isPresent() && rate > 0 && done < expected.getAsLong()) {
            long left = Math.round((expected.getAsLong() - done) / rate);
            line.append(", ETA ").append(duration(left));
        }
        return line.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
