package dev.userprofile.bootstrap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.local.support.cognito.CognitoPagingProxy;
import dev.userprofile.local.support.cognito.OperatorEnvironment;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code profiles-admin.jar} run as an operator runs it (its own JVM, the SDK's default chains, the standard endpoint
 * variables) against cognito-local, behind a proxy that pages ListUsers as Cognito does, and dynalite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfilesAdminIT {

    private static final String TABLE = "profiles-admin-it";
    private static final Path JAR = Path.of(System.getProperty("profiles.admin.jar", "target/profiles-admin.jar"));

    @TempDir
    static Path cognitoData;

    private static LocalTables tables;
    private static DynamoDbClient dynamoDb;
    private static CognitoLocalServer cognitoLocal;
    private static CognitoPagingProxy paging;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;
    /** Users who can sign in, and so are owed a profile, with their creation dates. */
    private static final Map<String, Instant> ELIGIBLE = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Set<String> NOT_ELIGIBLE = new HashSet<>();

    @BeforeAll
    static void startServersAndFillAPool() {
        tables = LocalTables.start(TABLE);
        dynamoDb = tables.client();
        cognitoLocal = CognitoLocalServer.start(
                0, cognitoData, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", line -> {});
        paging = new CognitoPagingProxy(cognitoLocal.endpoint());
        cognito = cognitoLocal.client();
        // Usernames are not emails in this pool, so that phone-only users can exist.
        poolId = cognito.createUserPool(
                        b -> b.poolName("imported").usernameAttributes(UsernameAttributeType.PHONE_NUMBER))
                .userPool()
                .id();
        clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app"))
                .userPoolClient()
                .clientId();
        // 250 users made with no trigger attached: 200 eligible of several kinds, 50 not.
        for (int i = 0; i < 140; i++) {
            confirmed("user" + i, attribute("email", "user" + i + "@example.com"), attribute("given_name", "Ada" + i));
        }
        String[] names = {"Zo\u00eb", "\u0141ukasz", "\u674e\u5a1c", "Ren\u00e9e", "\u00d8ystein"};
        for (int i = 0; i < 30; i++) {
            confirmed(
                    "intl" + i,
                    attribute("email", "intl" + i + "@example.com"),
                    attribute("given_name", names[i % names.length]));
        }
        for (int i = 0; i < 30; i++) {
            confirmed("phone" + i, attribute("phone_number", "+4477009" + String.format("%05d", i)));
        }
        for (int i = 0; i < 30; i++) {
            // Invited and not yet signed in (FORCE_CHANGE_PASSWORD): they get a profile at their first sign-in.
            String email = "invited" + i + "@example.com";
            NOT_ELIGIBLE.add(sub(cognito.adminCreateUser(b -> b.userPoolId(poolId)
                            .username(email)
                            .messageAction(MessageActionType.SUPPRESS)
                            .temporaryPassword("Temporary-1")
                            .userAttributes(attribute("email", email)))
                    .user()));
        }
        for (int i = 0; i < 20; i++) {
            String email = "unconfirmed" + i + "@example.com";
            NOT_ELIGIBLE.add(cognito.signUp(b -> b.clientId(clientId)
                            .username(email)
                            .password("Password-123")
                            .userAttributes(attribute("email", email)))
                    .userSub());
        }
        assertThat(ELIGIBLE).hasSize(200);
    }

    private static int inPool() {
        return ELIGIBLE.size() + NOT_ELIGIBLE.size();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String sub(UserType user) {
        return user.attributes().stream()
                .filter(a -> a.name().equals("sub"))
                .findFirst()
                .orElseThrow()
                .value();
    }

    /** A confirmed user: created by an administrator, then given a permanent password. Returns their sub. */
    private static String confirmed(String username, AttributeType... attributes) {
        UserType user = cognito.adminCreateUser(b -> b.userPoolId(poolId)
                        .username(username)
                        .messageAction(MessageActionType.SUPPRESS)
                        .temporaryPassword("Temporary-1")
                        .userAttributes(attributes))
                .user();
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId)
                .username(username)
                .password("Permanent-123")
                .permanent(true));
        ELIGIBLE.put(sub(user), user.userCreateDate());
        return sub(user);
    }

    @AfterAll
    static void stopServers() {
        cognito.close();
        paging.close();
        cognitoLocal.close();
        tables.close();
    }

    @BeforeEach
    void emptyTable() {
        tables.reset();
    }

    /** The jar's exit status and what it printed. */
    record Run(int status, String out, String err) {}

    private static ProcessBuilder jar(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Some thirty launches of a tool that runs for a second or two: only C1, one GC thread, and the
                // classes the first launch loaded mapped from an archive beside the jar rather than loaded again.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + JAR.resolveSibling("profiles-admin-it.jsa"),
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(OperatorEnvironment.variables(paging.endpoint(), tables.endpoint()));
        return builder;
    }

    private static Run runWithInput(String stdin, String... args) {
        try {
            Process process = jar(args).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("the tool finished")
                    .isTrue();
            return new Run(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run run(String... args) {
        return runWithInput("", args);
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Map<String, Map<String, AttributeValue>> profiles() {
        return dynamoDb.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items().stream()
                .collect(Collectors.toMap(item -> item.get("userId").s(), item -> item));
    }

    @Test
    void aBackfillGivesExactlyTheEligibleUsersAProfileDatedWhenTheyJoinedAndASecondRunRegistersNothing() {
        Run first = run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out())
                .contains(inPool() + " users seen, " + ELIGIBLE.size() + " registered, 0 already had " + "a profile, "
                        + NOT_ELIGIBLE.size() + " skipped")
                .contains(" 0 failed");
        assertThat(first.err()).contains("next page: --resume ").doesNotContain("\tat ");
        Map<String, Map<String, AttributeValue>> profiles = profiles();
        assertThat(profiles.keySet()).isEqualTo(ELIGIBLE.keySet());
        ELIGIBLE.forEach((sub, joined) -> assertThat(
                        Instant.parse(profiles.get(sub).get("registeredAt").s()))
                .isEqualTo(joined.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        assertThat(profiles.values())
                .filteredOn(p -> p.containsKey("givenName"))
                .extracting(p -> p.get("givenName").s())
                .contains("\u674e\u5a1c", "Zo\u00eb", "\u0141ukasz");
        assertThat(profiles.values())
                .filteredOn(p -> p.containsKey("phoneNumber"))
                .hasSize(30)
                .allSatisfy(p -> assertThat(p).doesNotContainKey("email"));
        assertThat(paging.listUsersCalls()).isPositive();

        Run second = run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50");

        assertThat(second.status()).isZero();
        assertThat(second.out()).contains("0 registered, " + ELIGIBLE.size() + " already had a profile");
        assertThat(profiles()).isEqualTo(profiles);
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatItWouldDo() {
        Run dry = run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--dry-run", "--rate", "50");

        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("dry run, nothing written", ELIGIBLE.size() + " would be registered");
        assertThat(profiles()).isEmpty();
    }

    @Test
    void aStoppedRunPrintsWhereToResumeAndTheResumedRunFinishesWithoutStartingOver() throws Exception {
        Process process = jar("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "1")
                .start();
        CompletableFuture<String> out = read(process.getInputStream());
        StringBuilder err = new StringBuilder();
        try (var reader = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                err.append(line).append('\n');
                if (line.contains("next page: --resume ")) {
                    // SIGTERM, as a Ctrl-C or a CI cancellation sends a signal (Process.destroy would also close
                    // the streams this test still reads).
                    process.toHandle().destroy();
                    break;
                }
            }
            reader.transferTo(new java.io.Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    err.append(chars, offset, length);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            });
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String token = err.toString()
                .lines()
                .filter(l -> l.startsWith("stopped before the end; continue with: "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no resume token in:\n" + err));
        assertThat(out.join()).contains("interrupted");
        int afterStop = profiles().size();
        assertThat(afterStop).as("stopped part-way").isBetween(1, ELIGIBLE.size() - 1);

        Run resumed = run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50", "--resume", token);

        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(profiles().keySet()).isEqualTo(ELIGIBLE.keySet());
        int seen = Integer.parseInt(
                resumed.out().replaceAll("(?s).*?(\\d+) users seen.*", "$1").strip());
        assertThat(seen).as("the resumed run did not start over").isLessThan(inPool());
    }

    /** A backfill whose {@code page}-th ListUsers call and every later one (retries included) fail with a 500. */
    private static Run backfillWithListUsersFailingFrom(int page) {
        paging.failListUsersFrom(paging.listUsersCalls() + page);
        try {
            return run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50");
        } finally {
            paging.failListUsersFrom(Integer.MAX_VALUE);
        }
    }

    @Test
    void aCognitoErrorMidRunEndsItWithWhatWasDoneTheErrorAndWhereToResume() {
        Run failed = backfillWithListUsersFailingFrom(2);

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err())
                .contains("profiles-admin: stopped: Cognito ListUsers on user pool " + poolId
                        + " failed: InternalErrorException (HTTP 500)")
                .doesNotContain("\tat ");
        assertThat(failed.out()).contains("interrupted");
        String token = failed.err()
                .lines()
                .filter(l -> l.startsWith("stopped before the end; continue with: "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no resume token in:\n" + failed.err()));
        assertThat(profiles().size()).as("the first page was done").isBetween(1, ELIGIBLE.size() - 1);

        Run resumed = run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50", "--resume", token);

        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(profiles().keySet()).isEqualTo(ELIGIBLE.keySet());
    }

    @Test
    void aCognitoErrorOnTheFirstPageSaysToRunAgainWithoutResume() {
        Run failed = backfillWithListUsersFailingFrom(1);

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err())
                .contains("stopped on the pool's first page; run the same command again (without " + "--resume)");
        assertThat(profiles()).isEmpty();
    }

    @Test
    void aBadResumeTokenIsOneClearErrorNotAnotherResumeAdvice() {
        Run run = run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--resume", "not-a-token");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("profiles-admin: Cognito ListUsers on user pool " + poolId + " failed: "
                        + "InvalidParameterException (HTTP 400)")
                .doesNotContain("--resume not-a-token", "\tat ", "SLF4J");
        assertThat(profiles()).isEmpty();
    }

    @Test
    void anUnwritableReportFileIsOneClearLineAndExitOne() {
        Run run = run(
                "reconcile",
                "--user-pool-id",
                poolId,
                "--table",
                TABLE,
                "--rate",
                "50",
                "--subs-file",
                "/nonexistent-directory/report.txt");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("reconcile: ").contains(" removed");
        assertThat(run.err())
                .contains("profiles-admin: cannot write /nonexistent-directory/report.txt")
                .doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
    }

    @Test
    void reconcileRemovesNothingWhenNoStoredProfileBelongsToThePool() {
        List<String> foreign =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String sub : foreign) {
            dynamoDb.putItem(b -> b.tableName(TABLE)
                    .item(Map.of(
                            "userId",
                            AttributeValue.fromS(sub),
                            "registeredAt",
                            AttributeValue.fromS("2026-01-01T00:00:00Z"))));
        }

        Run refused = run("reconcile", "--user-pool-id", poolId, "--table", TABLE, "--delete-orphans", "--yes");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("0 removed");
        assertThat(refused.err())
                .contains("removed nothing: none of the profiles sampled from table " + TABLE + " belongs to pool "
                        + poolId);
        assertThat(profiles()).containsOnlyKeys(foreign.toArray(String[]::new));
    }

    @Test
    @Order(Integer.MAX_VALUE) // it changes the pool
    void reconcileFindsUsersWithoutAProfileAndOrphansAndRemovesOrphansOnlyWhenToldTo() throws IOException {
        run("backfill", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50");
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String username = "orphan" + i + "-" + UUID.randomUUID() + "@example.com";
            String sub = confirmed(username, attribute("given_name", "Gone"));
            dynamoDb.putItem(b -> b.tableName(TABLE)
                    .item(Map.of(
                            "userId",
                            AttributeValue.fromS(sub),
                            "registeredAt",
                            AttributeValue.fromS("2026-01-01T00:00:00Z"))));
            cognito.adminDeleteUser(b -> b.userPoolId(poolId).username(username));
            ELIGIBLE.remove(sub);
            deleted.add(sub);
        }
        String missingSub = confirmed("late-" + UUID.randomUUID(), attribute("given_name", "Late"));
        Path report = Files.createTempFile("reconcile", ".txt");

        Run look = run(
                "reconcile",
                "--user-pool-id",
                poolId,
                "--table",
                TABLE,
                "--rate",
                "50",
                "--subs-file",
                report.toString());
        Run json = run("reconcile", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50", "--output", "json");
        Run refused = runWithInput(
                "no\n", "reconcile", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50", "--delete-orphans");

        assertThat(look.status()).isEqualTo(1);
        assertThat(look.out()).contains("1 users without a profile, 3 orphaned profiles, 0 removed");
        assertThat(Files.readString(report))
                .contains("missing-profile " + missingSub)
                .contains(deleted.stream().map(s -> "orphaned-profile " + s).toList());
        assertThat(json.status()).isEqualTo(1);
        Map<String, Object> summary = JsonValues.object(json.out().strip());
        assertThat(summary)
                .containsEntry("command", "reconcile")
                .containsEntry("missing", 1L)
                .containsEntry("orphaned", 3L)
                .containsEntry("erased", 0L)
                .containsEntry("missingSubs", List.of(missingSub));
        assertThat(summary.get("orphanedSubs"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrderElementsOf(deleted);
        assertThat(refused.out()).contains("0 removed");
        assertThat(refused.err())
                .contains("Remove 3 profiles from table " + TABLE + " whose users are not in pool " + poolId + "?");
        assertThat(profiles()).containsKeys(deleted.toArray(String[]::new));

        Run removed = run(
                "reconcile", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50", "--delete-orphans", "--yes");

        assertThat(removed.out()).contains("3 orphaned profiles, 3 removed");
        Map<String, Map<String, AttributeValue>> after = profiles();
        assertThat(deleted)
                .as("each erased to a tombstone that holds no personal data")
                .allSatisfy(sub -> assertThat(after.get(sub))
                        .containsOnlyKeys("userId", "erasedAt", "erasureReason", "expiresAt"));
        assertThat(after.values().stream().filter(item -> !item.containsKey("erasedAt")))
                .hasSize(ELIGIBLE.size() - 1);
        Run again = run("reconcile", "--user-pool-id", poolId, "--table", TABLE, "--rate", "50");
        assertThat(again.out()).contains("1 users without a profile, 0 orphaned profiles");
    }

    @Test
    void attachTriggerChangesTheTriggersAndNothingElseAndRefusesToReplaceAnotherFunctionUnlessTold() {
        String pool = cognito.createUserPool(b -> b.poolName("existing")
                        .policies(p -> p.passwordPolicy(
                                pp -> pp.minimumLength(14).requireSymbols(true).temporaryPasswordValidityDays(3)))
                        .autoVerifiedAttributes(
                                software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType
                                        .EMAIL)
                        .emailVerificationSubject("Verify your account")
                        .lambdaConfig(l -> l.preSignUp("arn:aws:lambda:eu-west-1:111122223333:function:pre-sign-up"))
                        .userPoolTags(Map.of("team", "identity")))
                .userPool()
                .id();
        UserPoolType before = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
        String ours = "arn:aws:lambda:eu-west-1:111122223333:function:profiles:live";

        Run dry = run(
                "attach-trigger",
                "--user-pool-id",
                pool,
                "--post-confirmation",
                ours,
                "--post-authentication",
                ours,
                "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("dry run, nothing written", "PostConfirmation=" + ours);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool)).userPool().lambdaConfig())
                .isEqualTo(before.lambdaConfig());

        Run attached = run(
                "attach-trigger", "--user-pool-id", pool, "--post-confirmation", ours, "--post-authentication", ours);

        assertThat(attached.status()).as(attached.err()).isZero();
        UserPoolType after = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
        assertThat(after.lambdaConfig().postConfirmation()).isEqualTo(ours);
        assertThat(after.lambdaConfig().postAuthentication()).isEqualTo(ours);
        assertThat(after.lambdaConfig().preSignUp())
                .isEqualTo(before.lambdaConfig().preSignUp());
        // The deprecated UnusedAccountValidityDays is not written back beside TemporaryPasswordValidityDays (Cognito
        // refuses the pair); cognito-local reports its default for it until then.
        assertThat(after.toBuilder()
                        .lambdaConfig(before.lambdaConfig())
                        .lastModifiedDate(before.lastModifiedDate())
                        .adminCreateUserConfig(before.adminCreateUserConfig().toBuilder()
                                .unusedAccountValidityDays(null)
                                .build())
                        .build())
                .as("every other setting the emulator keeps")
                .isEqualTo(before.toBuilder()
                        .adminCreateUserConfig(before.adminCreateUserConfig().toBuilder()
                                .unusedAccountValidityDays(null)
                                .build())
                        .build());

        Run refused = run(
                "attach-trigger",
                "--user-pool-id",
                pool,
                "--post-confirmation",
                "arn:aws:lambda:eu-west-1:111122223333:function:other:live");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("refused", "--replace");
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool))
                        .userPool()
                        .lambdaConfig()
                        .postConfirmation())
                .isEqualTo(ours);

        Run replaced = run(
                "attach-trigger",
                "--user-pool-id",
                pool,
                "--post-confirmation",
                "arn:aws:lambda:eu-west-1:111122223333:function:other:live",
                "--replace");
        assertThat(replaced.status()).isZero();
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool))
                        .userPool()
                        .lambdaConfig()
                        .postConfirmation())
                .endsWith(":other:live");
    }

    @Test
    void attachThenDetachLeavesThePoolAsItWasAndWarnsWhenAnotherToolOwnsIt() {
        String other = "arn:aws:lambda:eu-west-1:111122223333:function:pre-sign-up";
        String pool = cognito.createUserPool(b -> b.poolName("owned-by-terraform")
                        .policies(
                                p -> p.passwordPolicy(pp -> pp.minimumLength(10).requireNumbers(true)))
                        .emailVerificationMessage("Your code is {####}")
                        .mfaConfiguration("OFF")
                        .lambdaConfig(l -> l.preSignUp(other))
                        .userPoolTags(Map.of("ManagedBy", "Terraform", "team", "identity")))
                .userPool()
                .id();
        UserPoolType before = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
        String ours = "arn:aws:lambda:eu-west-1:111122223333:function:profiles:live";

        Run attached = run(
                "attach-trigger", "--user-pool-id", pool, "--post-confirmation", ours, "--post-authentication", ours);
        assertThat(attached.status()).as(attached.err()).isZero();
        assertThat(attached.out()).contains("pool updated and read back: only LambdaConfig changed");
        assertThat(attached.err())
                .contains("looks managed by Terraform (tag ManagedBy=Terraform)", "lambda_config {")
                .contains("post_confirmation   = \"" + ours + "\"");

        Run dry = run(
                "detach-trigger",
                "--user-pool-id",
                pool,
                "--function",
                "arn:aws:lambda:eu-west-1:111122223333:function:profiles",
                "--dry-run",
                "--output",
                "json");
        assertThat(dry.status()).as(dry.err()).isZero();
        Map<String, Object> planned = JsonValues.object(dry.out().strip());
        assertThat(planned)
                .containsEntry("written", false)
                .containsEntry("after", Map.of("PreSignUp", other))
                .containsEntry("managedBy", "Terraform");

        Run detached = run(
                "detach-trigger",
                "--user-pool-id",
                pool,
                "--function",
                "arn:aws:lambda:eu-west-1:111122223333:function:profiles");
        assertThat(detached.status()).as(detached.err()).isZero();
        assertThat(detached.out()).contains("only LambdaConfig changed");
        UserPoolType after = cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
        assertThat(after.lambdaConfig()).isEqualTo(before.lambdaConfig());
        // The deprecated UnusedAccountValidityDays is not written back beside TemporaryPasswordValidityDays (Cognito
        // refuses the pair); cognito-local reports its default for it until then.
        assertThat(after.toBuilder()
                        .lastModifiedDate(before.lastModifiedDate())
                        .adminCreateUserConfig(after.adminCreateUserConfig().toBuilder()
                                .unusedAccountValidityDays(null)
                                .build())
                        .build())
                .as("every setting as it was before the attach")
                .isEqualTo(before.toBuilder()
                        .adminCreateUserConfig(before.adminCreateUserConfig().toBuilder()
                                .unusedAccountValidityDays(null)
                                .build())
                        .build());

        Run again = run("detach-trigger", "--user-pool-id", pool, "--function", ours);
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("not attached, nothing written");
    }

    static List<List<String>> usageErrors() {
        return List.of(
                List.of(),
                List.of("explode"),
                List.of("backfill", "--table", TABLE),
                List.of("backfill", "--user-pool-id", "p"),
                List.of("backfill", "--user-pool-id", "p", "--table"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--rate", "fast"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--rate", "0"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--colour", "red"),
                List.of("backfill", "--user-pool-id", "p", "--user-pool-id", "q", "--table", "t"),
                List.of("reconcile", "--user-pool-id", "p", "--table", "t", "--yes"),
                List.of("attach-trigger", "--user-pool-id", "p"),
                List.of("detach-trigger", "--user-pool-id", "p"),
                List.of("backfill", "--user-pool-id", "p", "--table", "t", "--output", "yaml"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void everyUsageErrorExitsWithTwoAndAClearMessageAndNoStackTrace(List<String> args) {
        Run run = run(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("profiles-admin: ")
                .contains("Usage: profiles-admin")
                .doesNotContain("\tat ", "Exception");
        assertThat(profiles()).isEmpty();
    }
}
