package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.adapters.shared.logging.JsonText;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcileReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        header = "Compare the whole pool with the table; list, or erase, what differs.",
        description = {
            "Compares the whole pool with the profiles table, as the scheduled reconcile does, and reports: users"
                    + " who can sign in and have no profile, and profiles whose user the pool no longer lists. It"
                    + " registers nothing (backfill does).",
            "With --delete-orphans it erases the orphans after asking, each read from the pool again first; a guard"
                    + " refuses when the pool lists nobody, when no stored profile belongs to the pool, or when the"
                    + " orphans are more than --max-erasure-share of the profiles."
        })
final class ReconcileCli implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    CommonOptions common;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The profiles table.")
    String table;

    @Option(
            names = "--subs-file",
            paramLabel = "FILE",
            description = "Write the subs found (one \"missing-profile SUB\" or \"orphaned-profile SUB\" a line) to"
                    + " FILE instead of stdout.")
    Path subsFile;

    @Option(names = "--delete-orphans", description = "Erase the orphaned profiles, after asking.")
    boolean deleteOrphans;

    @Option(names = "--yes", description = "With --delete-orphans: do not ask.")
    boolean yes;

    @Option(
            names = "--max-erasure-share",
            paramLabel = "S",
            defaultValue = "0.05",
            description =
                    "Never erase more than this share (0 to 1) of the stored profiles (default" + " ${DEFAULT-VALUE}).")
    double maxShare;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "5",
            description = "Cognito calls a second, pages and re-reads alike (default ${DEFAULT-VALUE}).")
    double rate;

    ReconcileCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws InterruptedException {
        if (yes && !deleteOrphans) {
            throw new ParameterException(common.spec.commandLine(), "--yes only goes with --delete-orphans");
        }
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new ParameterException(
                    common.spec.commandLine(),
                    "--max-erasure-share is a share of the stored profiles, above 0 and" + " at most 1");
        }
        double pace = common.rate(rate);
        String pool = common.userPoolId;
        Progress progress = common.progress(context, "reconcile");
        // The operator's reconcile reports; it erases only on request, and registers nothing (backfill does).
        Set<String> missing = new TreeSet<>();
        Set<String> orphaned = new TreeSet<>();
        ReconcilePoolCommand command = new ReconcilePoolCommand(
                        false,
                        deleteOrphans ? Optional.of(orphans -> confirm(orphans, pool, progress)) : Optional.empty(),
                        maxShare)
                .tellingFindingsTo(finding -> {
                    switch (finding.kind()) {
                        case MISSING -> missing.add(finding.userId().value());
                        case ORPHANED -> orphaned.add(finding.userId().value());
                        case STALE -> {} // the scheduled reconcile and the events bring these in line
                    }
                })
                .reportingProgressTo(soFar -> progress.update(
                        soFar.checked(),
                        String.format(
                                Locale.ROOT,
                                "%s without a profile, %s orphaned so far",
                                CommonOptions.count(soFar.missing()),
                                CommonOptions.count(soFar.orphaned())),
                        ""));

        ReconcileReport report;
        try {
            report = context.services().reconcilePool(pool, table, pace).reconcile(command);
        } finally {
            progress.finish();
        }

        StringBuilder subs = new StringBuilder();
        missing.forEach(sub -> subs.append("missing-profile ").append(sub).append('\n'));
        orphaned.forEach(sub -> subs.append("orphaned-profile ").append(sub).append('\n'));
        IOException unwritten = null;
        if (subsFile != null) {
            try {
                Files.writeString(subsFile, subs);
            } catch (IOException e) {
                unwritten = e;
            }
        }
        Optional<String> refusal = report.refused().map(reason -> switch (reason) {
            case NO_STORED_PROFILE_IN_POOL ->
                "none of the profiles sampled from table " + table + " belongs to pool " + pool
                        + "; check that --table and --user-pool-id name the same stage (without"
                        + " --delete-orphans the reconcile lists what differs)";
            case POOL_LISTS_NO_USERS -> "pool " + pool + " lists no users while table " + table + " holds profiles";
            case TOO_MANY_ORPHANS ->
                String.format(
                        Locale.ROOT,
                        "%d orphans are more than --max-erasure-share %s of the profiles in table %s",
                        report.orphaned(),
                        maxShare,
                        table);
        });
        // The summary first, even when the list could not be written: it says what was removed.
        if (common.json()) {
            context.out().println(JsonText.of(summary(report, missing, orphaned, refusal)));
        } else {
            if (subsFile == null) {
                context.out().print(subs);
            }
            context.out()
                    .printf(
                            Locale.ROOT,
                            "reconcile: %d users without a profile, %d orphaned profiles, %d removed%s%n",
                            report.missing(),
                            report.orphaned(),
                            report.erased(),
                            subsFile == null ? "" : "; subs in " + subsFile);
        }
        if (unwritten != null) {
            throw new UncheckedIOException("cannot write " + subsFile, unwritten);
        }
        refusal.ifPresent(why -> context.err().println("reconcile: removed nothing: " + why));
        boolean orphansLeft = report.orphaned() > report.erased();
        return report.missing() == 0 && !orphansLeft && report.refused().isEmpty() ? 0 : 1;
    }

    private boolean confirm(int orphans, String pool, Progress progress) {
        progress.finish();
        return yes || new RemovalPrompt(context.in(), context.err()).confirm(orphans, pool, table);
    }

    private Map<String, Object> summary(
            ReconcileReport report, Set<String> missing, Set<String> orphaned, Optional<String> refusal) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "reconcile");
        summary.put("userPoolId", common.userPoolId);
        summary.put("table", table);
        summary.put("checked", report.checked());
        summary.put("missing", report.missing());
        summary.put("orphaned", report.orphaned());
        summary.put("erased", report.erased());
        summary.put("refused", report.refused().map(Enum::name).orElse(null));
        summary.put("refusal", refusal.orElse(null));
        if (subsFile == null) {
            summary.put("missingSubs", List.copyOf(missing));
            summary.put("orphanedSubs", List.copyOf(orphaned));
        } else {
            summary.put("subsFile", subsFile.toString());
        }
        return summary;
    }
}
