package dev.userprofile.adapters.cognito.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.application.port.in.BackfillPoolUseCase;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The command line itself: help, version, completion and usage errors, none of which may reach AWS. */
class AdminCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger servicesAsked = new AtomicInteger();

    private final AdminCli.Services noServices = new AdminCli.Services() {
        @Override
        public CognitoIdentityProviderClient cognito() {
            servicesAsked.incrementAndGet();
            throw new AssertionError("no AWS client for this command line");
        }

        @Override
        public BackfillPoolUseCase backfillPool(String userPoolId, String table, double rate) {
            servicesAsked.incrementAndGet();
            throw new AssertionError("no backfill for this command line");
        }

        @Override
        public ReconcilePoolUseCase reconcilePool(String userPoolId, String table, double rate) {
            servicesAsked.incrementAndGet();
            throw new AssertionError("no reconcile for this command line");
        }
    };

    private int run(String... args) {
        return run(noServices, args);
    }

    private int run(AdminCli.Services services, String... args) {
        return new AdminCli(
                        services,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new BufferedReader(new StringReader("")),
                        new AtomicBoolean())
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "reconcile", "attach-trigger", "detach-trigger"})
    void everyCommandHasItsOwnHelp(String command) {
        assertThat(run(command, "--help")).isZero();

        assertThat(out()).contains("Usage: profiles-admin " + command, "--user-pool-id=ID");
        assertThat(err()).isEmpty();
        assertThat(servicesAsked).hasValue(0);
    }

    @Test
    void theToolSaysItsVersionAndListsItsCommands() {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("profiles-admin ").contains("Java ");

        out.reset();
        assertThat(run("help")).isZero();
        assertThat(out()).contains("backfill", "reconcile", "attach-trigger", "detach-trigger", "generate-completion");
    }

    @Test
    void aShellCompletionScriptCoversEveryCommand() {
        assertThat(run("generate-completion")).isZero();

        assertThat(out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F", "backfill", "reconcile", "attach-trigger", "detach-trigger")
                .contains("--user-pool-id", "--delete-orphans", "--post-confirmation", "--function");
    }

    /** A reconcile whose use case fails as {@code failure}. */
    private int reconcileFailingWith(RuntimeException failure) {
        AdminCli.Services failing = new AdminCli.Services() {
            @Override
            public CognitoIdentityProviderClient cognito() {
                // As when DescribeUserPool is not granted: progress goes without an estimate.
                throw new UnsupportedOperationException("no DescribeUserPool here");
            }

            @Override
            public BackfillPoolUseCase backfillPool(String userPoolId, String table, double rate) {
                throw new AssertionError("no backfill for a reconcile");
            }

            @Override
            public ReconcilePoolUseCase reconcilePool(String userPoolId, String table, double rate) {
                return new ReconcilePoolUseCase() {
                    @Override
                    public ReconcileReport reconcile(ReconcilePoolCommand command) {
                        throw failure;
                    }

                    @Override
                    public Optional<ReconcileReport> continueRun(ReconcilePoolCommand command) {
                        throw failure;
                    }
                };
            }
        };
        return run(failing, "reconcile", "--user-pool-id", "eu-west-1_Pool", "--table", "profiles");
    }

    @Test
    void aUseCasesFailureIsOneLineThatNamesTheDependencyAndNoStackTrace() {
        assertThat(reconcileFailingWith(new ProfileStoreUnavailableException(
                        "DynamoDB Scan on table profiles failed: ThrottlingException (HTTP 400)", null)))
                .isEqualTo(1);
        assertThat(err())
                .isEqualTo("profiles-admin: ProfileStoreUnavailableException: DynamoDB Scan on table profiles failed:"
                        + " ThrottlingException (HTTP 400)" + System.lineSeparator());

        err.reset();
        assertThat(reconcileFailingWith(new UserPoolUnavailableException(
                        "Cognito ListUsers on user pool eu-west-1_Pool failed: AccessDenied (HTTP 400)", null, false)))
                .isEqualTo(1);
        assertThat(err())
                .isEqualTo(
                        "profiles-admin: Cognito ListUsers on user pool eu-west-1_Pool failed: AccessDenied (HTTP 400)"
                                + System.lineSeparator());
    }

    static List<List<String>> usageErrors() {
        return List.of(
                List.of(),
                List.of("explode"),
                List.of("backfill", "--table", "t"),
                List.of("backfill", "--user-pool-id", "p", "--table"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--rate", "fast"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--rate", "0"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--rate", "1001"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--colour", "red"),
                List.of("backfill", "--user-pool-id", "p", "--user-pool-id", "q", "--table", "t"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--output", "yaml"),
                List.of("reconcile", "--user-pool-id", "p", "--table", "t", "--yes"),
                List.of("reconcile", "--user-pool-id", "p", "--table", "t", "--max-erasure-share", "2"),
                List.of("attach-trigger", "--user-pool-id", "p"),
                List.of("detach-trigger", "--user-pool-id", "p"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void aCommandLineItDoesNotAcceptExitsTwoWithOneLineAndUsageAndTouchesNothing(List<String> args) {
        assertThat(run(args.toArray(String[]::new))).isEqualTo(2);

        assertThat(err()).startsWith("profiles-admin: ").doesNotContain("\tat ", "Exception");
        assertThat(err().lines().findFirst().orElseThrow()).doesNotContain("Usage");
        assertThat(err()).contains("Usage: profiles-admin");
        assertThat(out()).isEmpty();
        assertThat(servicesAsked).hasValue(0);
    }
}
