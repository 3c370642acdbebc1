package dev.userprofile.bootstrap.config;

import dev.userprofile.application.port.in.ReconcilePoolCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * How the scheduled reconcile paces itself and how much it may erase in one run.
 *
 * @param callsPerSecond  Cognito calls a second (pages and the re-read before each change): a share of the
 *                        account's UserList quota (30 a second by default), which the sync function shares
 * @param maxErasureShare the guard: more orphans than this share of the stored profiles are never erased in one run
 * @param seenRecently    an orphan whose profile learnt of its user less than this long ago is left for the next run
 * @param stateTable      the table where a run keeps its progress between invocations
 */
public record ReconcileSettings(
        double callsPerSecond, double maxErasureShare, Duration seenRecently, String stateTable) {

    public static final String RECONCILE_CALLS_PER_SECOND = "RECONCILE_CALLS_PER_SECOND";
    public static final String RECONCILE_MAX_ERASURE_SHARE = "RECONCILE_MAX_ERASURE_SHARE";
    /** Seconds; template.yaml leaves it to the default. Tests that create and delete users at once set 0. */
    public static final String RECONCILE_SEEN_RECENTLY_SECONDS = "RECONCILE_SEEN_RECENTLY_SECONDS";

    public static final String RECONCILE_STATE_TABLE = "RECONCILE_STATE_TABLE";

    static final double DEFAULT_CALLS_PER_SECOND = 5;
    static final double DEFAULT_MAX_ERASURE_SHARE = 0.05;

    public ReconcileSettings {
        if (!(callsPerSecond > 0 && callsPerSecond <= 30)) {
            throw new IllegalArgumentException("callsPerSecond must be above 0 and at most 30");
        }
        if (!(maxErasureShare >= 0 && maxErasureShare <= 1)) {
            throw new IllegalArgumentException("maxErasureShare must be from 0 to 1");
        }
        Objects.requireNonNull(seenRecently, "seenRecently");
        Objects.requireNonNull(stateTable, "stateTable");
    }

    /** @throws IllegalStateException naming every malformed variable, so a bad deployment fails at init */
    public static ReconcileSettings fromEnvironment(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        double rate = number(
                environment,
                RECONCILE_CALLS_PER_SECOND,
                DEFAULT_CALLS_PER_SECOND,
                value -> value > 0 && value <= 30,
                "a number above 0 and at most 30",
                problems);
        double share = number(
                environment,
                RECONCILE_MAX_ERASURE_SHARE,
                DEFAULT_MAX_ERASURE_SHARE,
                value -> value >= 0 && value <= 1,
                "a number from 0 to 1",
                problems);
        double recently = number(
                environment,
                RECONCILE_SEEN_RECENTLY_SECONDS,
                ReconcilePoolCommand.SEEN_RECENTLY.toSeconds(),
                value -> value >= 0 && value <= 86_400 && value == Math.rint(value),
                "a whole number of seconds from 0 to 86400",
                problems);
        String stateTable = environment.getOrDefault(RECONCILE_STATE_TABLE, "").strip();
        if (stateTable.isEmpty()) {
            problems.add(RECONCILE_STATE_TABLE + " must name the reconcile's progress table");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Malformed configuration: " + String.join("; ", problems));
        }
        return new ReconcileSettings(rate, share, Duration.ofSeconds((long) recently), stateTable);
    }

    private static double number(
            Map<String, String> environment,
            String name,
            double defaultValue,
            DoublePredicate allowed,
            String rule,
            List<String> problems) {
        String text = environment.getOrDefault(name, "").strip();
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text);
            if (allowed.test(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        problems.add(name + " must be " + rule);
        return defaultValue;
    }
}
