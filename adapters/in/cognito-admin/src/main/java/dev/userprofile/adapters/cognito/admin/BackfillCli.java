package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.adapters.shared.logging.JsonText;
import dev.userprofile.application.port.in.BackfillCommand;
import dev.userprofile.application.port.in.BackfillReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        header = "Give every user who can sign in and has no profile one.",
        description = {
            "Registers every user of the pool who can sign in and has no profile, dated with their Cognito creation"
                    + " date, with the trigger's rules; never changes an existing profile. An erased user is never"
                    + " registered again.",
            "Progress goes to stderr; Ctrl-C stops after the current user and prints how to resume."
        })
final class BackfillCli implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    CommonOptions common;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The profiles table.")
    String table;

    @Option(names = "--dry-run", description = "Count who would be registered; write nothing.")
    boolean dryRun;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "5",
            description = "Cognito ListUsers calls a second (default ${DEFAULT-VALUE}, up to 60 users a call).")
    double rate;

    @Option(
            names = "--resume",
            paramLabel = "TOKEN",
            description = "The page to start from, as a stopped run printed it.")
    String resume;

    BackfillCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws InterruptedException {
        double pace = common.rate(rate);
        String registered = dryRun ? "would be registered" : "registered";
        Progress progress = common.progress(context, "backfill");
        BackfillCommand command = new BackfillCommand(
                dryRun,
                Optional.ofNullable(resume),
                context.stop()::get,
                soFar -> progress.update(
                        soFar.seen(),
                        String.format(
                                Locale.ROOT,
                                "%s %s, %s already there, %s skipped, %d failed",
                                CommonOptions.count(soFar.registered()),
                                registered,
                                CommonOptions.count(soFar.alreadyThere()),
                                CommonOptions.count(soFar.skipped()),
                                soFar.failures().size()),
                        soFar.resumeFrom()
                                .map(t -> "; next page: --resume " + t)
                                .orElse("")));

        BackfillReport report;
        try {
            report = context.services()
                    .backfillPool(common.userPoolId, table, pace)
                    .backfill(command);
        } finally {
            progress.finish();
        }

        report.failures()
                .forEach(f -> context.err().println("not registered: " + f.sub().value() + ": " + f.reason()));
        report.stoppedBy().ifPresent(cause -> context.err().println("profiles-admin: stopped: " + cause));
        if (report.interrupted()) {
            context.err()
                    .println(report.resumeFrom()
                            .map(token -> "stopped before the end; continue with: --resume " + token)
                            .orElse("stopped on the pool's first page; run the same command again (without"
                                    + " --resume)"));
        }
        if (common.json()) {
            context.out().println(JsonText.of(summary(report)));
        } else {
            context.out()
                    .printf(
                            Locale.ROOT,
                            "backfill%s: %d users seen, %d %s, %d already had a profile, %d skipped (not "
                                    + "eligible), %d unreadable (no sub), %d failed, in %.1f s (%.0f users/s)%s%n",
                            dryRun ? " (dry run, nothing written)" : "",
                            report.seen(),
                            report.registered(),
                            registered,
                            report.alreadyThere(),
                            report.skipped(),
                            report.unreadable(),
                            report.failures().size(),
                            report.took().toMillis() / 1000.0,
                            report.usersPerSecond(),
                            report.interrupted() ? "; interrupted" : "");
        }
        return report.failures().isEmpty() && !report.interrupted() ? 0 : 1;
    }

    private Map<String, Object> summary(BackfillReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "backfill");
        summary.put("userPoolId", common.userPoolId);
        summary.put("table", table);
        summary.put("dryRun", dryRun);
        summary.put("seen", report.seen());
        summary.put("registered", report.registered());
        summary.put("alreadyThere", report.alreadyThere());
        summary.put("skipped", report.skipped());
        summary.put("unreadable", report.unreadable());
        summary.put(
                "failed",
                report.failures().stream()
                        .map(f -> Map.of("sub", f.sub().value(), "reason", f.reason()))
                        .toList());
        summary.put("seconds", report.took().toMillis() / 1000.0);
        summary.put("usersPerSecond", Math.round(report.usersPerSecond()));
        summary.put("interrupted", report.interrupted());
        summary.put("resumeFrom", report.resumeFrom().orElse(null));
        summary.put("stoppedBy", report.stoppedBy().orElse(null));
        return summary;
    }
}
