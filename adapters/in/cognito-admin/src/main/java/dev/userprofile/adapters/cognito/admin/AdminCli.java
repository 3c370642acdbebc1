package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.application.port.in.BackfillCommand;
import dev.userprofile.application.port.in.BackfillPoolUseCase;
import dev.userprofile.application.port.in.BackfillReport;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code profiles-admin}: the operator's commands. Exit status 0 when all is well, 1 when the work found or left a
 * problem (users without a profile, a failed registration, a refused change), 2 for a command line it does not
 * accept. Errors are one line each, never a stack trace.
 */
public final class AdminCli {

    /** ListUsers calls a second by default: well below Cognito's default quota for it, which the pool shares. */
    public static final double DEFAULT_RATE = 5;
    /** The reconcile's guard by default: it never erases more than this share of the stored profiles in one run. */
    public static final double DEFAULT_MAX_ERASURE_SHARE = 0.05;

    static final String USAGE = """
            usage: profiles-admin COMMAND [OPTIONS]
              backfill       --user-pool-id ID --table NAME [--dry-run] [--rate N] [--resume TOKEN]
              reconcile      --user-pool-id ID --table NAME [--output FILE] [--delete-orphans [--yes]]
                             [--max-erasure-share S] [--rate N]
              attach-trigger --user-pool-id ID --post-confirmation ARN [--post-authentication ARN] [--dry-run] [--replace]
            Credentials and region come from the AWS SDK's default chains (profiles, SSO, environment);
            AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER and AWS_ENDPOINT_URL_DYNAMODB override the endpoints.""";

    /** What the composition root builds on demand, once the command line is known to be good. */
    public interface Services {
        CognitoIdentityProviderClient cognito();

        /** The backfill of {@code userPoolId} into {@code table}, its Cognito calls paced to {@code rate}. */
        BackfillPoolUseCase backfillPool(String userPoolId, String table, double rate);

        /** The whole-pool reconcile of {@code userPoolId} against {@code table}, its Cognito calls paced to {@code rate}. */
        ReconcilePoolUseCase reconcilePool(String userPoolId, String table, double rate);
    }

    private final Services services;
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final AtomicBoolean stop;

    public AdminCli(Services services, PrintStream out, PrintStream err, BufferedReader in, AtomicBoolean stop) {
        this.services = Objects.requireNonNull(services, "services");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.in = Objects.requireNonNull(in, "in");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    public int run(String... args) {
        try {
            if (args.length == 0) {
                throw new UsageException("a command is required");
            }
            List<String> options = Arrays.asList(args).subList(1, args.length);
            return switch (args[0]) {
                case "backfill" ->
                    backfill(CommandLine.parse(
                            "backfill",
                            options,
                            Set.of("--user-pool-id", "--table", "--rate", "--resume"),
                            Set.of("--dry-run")));
                case "reconcile" ->
                    reconcile(CommandLine.parse(
                            "reconcile",
                            options,
                            Set.of("--user-pool-id", "--table", "--output", "--rate", "--max-erasure-share"),
                            Set.of("--delete-orphans", "--yes")));
                case "attach-trigger" ->
                    attach(CommandLine.parse(
                            "attach-trigger",
                            options,
                            Set.of("--user-pool-id", "--post-confirmation", "--post-authentication"),
                            Set.of("--dry-run", "--replace")));
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("profiles-admin: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("profiles-admin: interrupted");
            return 1;
        } catch (UserDirectoryUnavailableException e) {
            // It names the pool, the call and Cognito's error code already.
            err.println("profiles-admin: " + e.getMessage());
            return 1;
        } catch (SdkException | UserRepositoryUnavailableException e) {
            err.println("profiles-admin: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("profiles-admin: " + e.getMessage() + " ("
                    + e.getCause().getClass().getSimpleName() + ")");
            return 1;
        } catch (RuntimeException e) {
            // Its message may quote stored data, so only the type is printed; one line, never a stack trace.
            err.println("profiles-admin: failed with " + e.getClass().getName());
            return 1;
        }
    }

    private int backfill(CommandLine line) throws InterruptedException {
        String pool = line.required("--user-pool-id");
        String table = line.required("--table");
        double rate = line.positiveNumber("--rate", DEFAULT_RATE);
        boolean dryRun = line.flag("--dry-run");
        String registered = dryRun ? "would be registered" : "registered";
        BackfillCommand command = new BackfillCommand(
                dryRun,
                line.optional("--resume"),
                stop::get,
                soFar -> err.printf(
                        Locale.ROOT,
                        "backfill: %d seen, %d %s, %d already there, %d skipped, %d failed, %.0f users/s%s%n",
                        soFar.seen(),
                        soFar.registered(),
                        registered,
                        soFar.alreadyThere(),
                        soFar.skipped(),
                        soFar.failures().size(),
                        soFar.usersPerSecond(),
                        soFar.resumeFrom()
                                .map(t -> "; next page: --resume " + t)
                                .orElse("")));

        BackfillReport report = services.backfillPool(pool, table, rate).backfill(command);

        report.failures().forEach(f -> err.println("not registered: " + f.sub().value() + ": " + f.reason()));
        report.stoppedBy().ifPresent(cause -> err.println("profiles-admin: stopped: " + cause));
        if (report.interrupted()) {
            err.println(report.resumeFrom()
                    .map(token -> "stopped before the end; continue with: --resume " + token)
                    .orElse("stopped on the pool's first page; run the same command again (without --resume)"));
        }
        out.printf(
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
        return report.failures().isEmpty() && !report.interrupted() ? 0 : 1;
    }

    private int reconcile(CommandLine line) throws InterruptedException {
        String pool = line.required("--user-pool-id");
        String table = line.required("--table");
        boolean deleteOrphans = line.flag("--delete-orphans");
        if (line.flag("--yes") && !deleteOrphans) {
            throw new UsageException("reconcile: --yes only goes with --delete-orphans");
        }
        Optional<Path> output = line.optional("--output").map(Path::of);
        double rate = line.positiveNumber("--rate", DEFAULT_RATE);
        double maxShare = line.positiveNumber("--max-erasure-share", DEFAULT_MAX_ERASURE_SHARE);
        if (maxShare > 1) {
            throw new UsageException("reconcile: --max-erasure-share is a share of the stored profiles, at most 1");
        }
        // The operator's reconcile reports; it erases only on request, and registers nothing (backfill does).
        Set<String> missing = new TreeSet<>();
        Set<String> orphaned = new TreeSet<>();
        ReconcilePoolCommand command = new ReconcilePoolCommand(
                        false,
                        deleteOrphans
                                ? Optional.of(orphans -> confirm(orphans, pool, table, line.flag("--yes")))
                                : Optional.empty(),
                        maxShare)
                .tellingFindingsTo(finding -> {
                    switch (finding.kind()) {
                        case MISSING -> missing.add(finding.userId().value());
                        case ORPHANED -> orphaned.add(finding.userId().value());
                        case STALE -> {} // the scheduled reconcile and the events bring these in line
                    }
                });

        ReconcileReport report = services.reconcilePool(pool, table, rate).reconcile(command);

        StringBuilder subs = new StringBuilder();
        missing.forEach(sub -> subs.append("missing-profile ").append(sub).append('\n'));
        orphaned.forEach(sub -> subs.append("orphaned-profile ").append(sub).append('\n'));
        IOException unwritten = null;
        if (output.isPresent()) {
            try {
                Files.writeString(output.get(), subs);
            } catch (IOException e) {
                unwritten = e;
            }
        } else {
            out.print(subs);
        }
        // The summary first, even when the list could not be written: it says what was removed.
        out.printf(
                Locale.ROOT,
                "reconcile: %d users without a profile, %d orphaned profiles, %d removed%s%n",
                report.missing(),
                report.orphaned(),
                report.erased(),
                output.map(p -> "; subs in " + p).orElse(""));
        if (unwritten != null) {
            throw new UncheckedIOException("cannot write " + output.get(), unwritten);
        }
        report.refused()
                .ifPresent(refusal -> err.println("reconcile: removed nothing: "
                        + switch (refusal) {
                            case NO_STORED_PROFILE_IN_POOL ->
                                "none of the profiles sampled from table " + table + " belongs to pool " + pool
                                        + "; check that --table and --user-pool-id name the same stage (without"
                                        + " --delete-orphans the reconcile lists what differs)";
                            case POOL_LISTS_NO_USERS ->
                                "pool " + pool + " lists no users while table " + table + " holds profiles";
                            case TOO_MANY_ORPHANS ->
                                String.format(
                                        Locale.ROOT,
                                        "%d orphans are more than --max-erasure-share %s of the profiles in table %s",
                                        report.orphaned(),
                                        maxShare,
                                        table);
                        }));
        boolean orphansLeft = report.orphaned() > report.erased();
        return report.missing() == 0 && !orphansLeft && report.refused().isEmpty() ? 0 : 1;
    }

    private boolean confirm(int orphans, String pool, String table, boolean yes) {
        return yes || new RemovalPrompt(in, err).confirm(orphans, pool, table);
    }

    private int attach(CommandLine line) {
        TriggerAttachment.Request request = new TriggerAttachment.Request(
                line.required("--user-pool-id"),
                line.required("--post-confirmation"),
                line.optional("--post-authentication"),
                line.flag("--replace"),
                line.flag("--dry-run"));
        TriggerAttachment.Result result = new TriggerAttachment(services.cognito()).attach(request);
        if (result.refusal().isPresent()) {
            err.println("attach-trigger: refused: " + result.refusal().get());
            return 1;
        }
        out.println("triggers before: " + result.before());
        out.println("triggers after:  " + result.after());
        out.println(
                result.written()
                        ? "attach-trigger: pool updated; every other setting written back as it was"
                        : request.dryRun()
                                ? "attach-trigger: dry run, nothing written"
                                : "attach-trigger: already attached, nothing written");
        return 0;
    }
}
