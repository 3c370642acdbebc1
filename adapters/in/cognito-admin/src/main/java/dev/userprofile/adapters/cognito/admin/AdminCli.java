package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.application.port.in.BackfillPoolUseCase;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code profiles-admin}: the operator's commands, each with its own {@code --help}. Exit status 0 when all is well,
 * 1 when the work found or left a problem (users without a profile, a failed registration, a refused change), 2 for
 * a command line it does not accept. Errors are one line each, never a stack trace.
 */
public final class AdminCli {

    /** ListUsers calls a second by default: well below Cognito's default quota for it, which the pool shares. */
    public static final double DEFAULT_RATE = 5;
    /** The reconcile's guard by default: it never erases more than this share of the stored profiles in one run. */
    public static final double DEFAULT_MAX_ERASURE_SHARE = 0.05;

    /** What the composition root builds on demand, once the command line is known to be good. */
    public interface Services {
        CognitoIdentityProviderClient cognito();

        /** The backfill of {@code userPoolId} into {@code table}, its Cognito calls paced to {@code rate}. */
        BackfillPoolUseCase backfillPool(String userPoolId, String table, double rate);

        /** The whole-pool reconcile of {@code userPoolId} against {@code table}, its Cognito calls paced to {@code rate}. */
        ReconcilePoolUseCase reconcilePool(String userPoolId, String table, double rate);
    }

    private final CliContext context;

    /**
     * @param terminal whether standard error is read by a person at a terminal: progress then redraws one line
     */
    public AdminCli(
            Services services,
            PrintStream out,
            PrintStream err,
            BufferedReader in,
            AtomicBoolean stop,
            boolean terminal,
            Clock clock) {
        this.context = new CliContext(services, out, err, in, stop, terminal, clock);
    }

    /** Not on a terminal, on the system clock. */
    public AdminCli(Services services, PrintStream out, PrintStream err, BufferedReader in, AtomicBoolean stop) {
        this(services, out, err, in, stop, false, Clock.systemUTC());
    }

    public int run(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command tree, wired to this run's streams and error handling. */
    CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Root())
                .addSubcommand(new BackfillCli(context))
                .addSubcommand(new ReconcileCli(context))
                .addSubcommand(new AttachTriggerCli(context))
                .addSubcommand(new DetachTriggerCli(context))
                .addSubcommand(new AutoComplete.GenerateCompletion());
        cli.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(AdminCli::usageError);
        cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> failed(failure, commandLine));
        return cli;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("profiles-admin: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    /** One line that names the failure and, since messages may quote stored data, only what is safe to show. */
    private static int failed(Exception failure, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        switch (failure) {
            case InterruptedException e -> {
                Thread.currentThread().interrupt();
                err.println("profiles-admin: interrupted");
            }
            // It names the pool, the call and Cognito's error code already.
            case UserPoolUnavailableException e -> err.println("profiles-admin: " + e.getMessage());
            case SdkException e ->
                err.println("profiles-admin: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            case ProfileStoreUnavailableException e ->
                err.println("profiles-admin: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            case UncheckedIOException e ->
                err.println("profiles-admin: " + e.getMessage() + " ("
                        + Objects.requireNonNull(e.getCause()).getClass().getSimpleName() + ")");
            // Its message may quote stored data, so only the type is printed; one line, never a stack trace.
            default ->
                err.println("profiles-admin: failed with " + failure.getClass().getName());
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    @Command(
            name = "profiles-admin",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            subcommands = CommandLine.HelpCommand.class,
            description = "Operator commands on a Cognito user pool and the profiles table of user-profile-service.",
            footer = {
                "",
                "Credentials and region: the AWS SDK's default chains (profiles, SSO,",
                "environment). Endpoints: AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER and",
                "AWS_ENDPOINT_URL_DYNAMODB. Exit status: 0 all well, 1 something to act on",
                "(said on stderr), 2 a command line not accepted. Each command has its own",
                "--help. Shell completion: source <(profiles-admin generate-completion)"
            })
    static final class Root implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "a command is required");
        }
    }

    /** The build's version, from the jar's manifest (a development build has none). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdminCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "profiles-admin " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
