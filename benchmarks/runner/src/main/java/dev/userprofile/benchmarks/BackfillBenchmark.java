package dev.userprofile.benchmarks;

import dev.userprofile.local.support.cognito.CognitoPagingProxy;
import dev.userprofile.local.support.cognito.OperatorEnvironment;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Prints the backfill's throughput: {@code profiles-admin.jar backfill} run as an operator runs it, against a pool
 * of confirmed users in cognito-local (paged 60 a call, as Cognito pages) and an empty table in dynalite, once per
 * rate limit. The limit caps ListUsers calls, so the ceiling is 60 users a call times the rate.
 */
public final class BackfillBenchmark {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) users seen, (\\d+) registered.* in ([0-9.]+) s");

    private BackfillBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<Double> rates = args.length > 1
                ? List.of(args[1].split(",")).stream().map(Double::parseDouble).toList()
                : List.of(2.0, 5.0, 20.0);
        Path jar = CloudFormationYaml.findTemplate().resolveSibling("bootstrap/admin/target/profiles-admin.jar");
        Path cognitoData = Files.createTempDirectory("backfill-benchmark");
        try (LocalTables tables = LocalTables.start("profiles-backfill");
                CognitoLocalServer cognitoLocal = CognitoLocalServer.start(
                        0, cognitoData, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", line -> {});
                CognitoPagingProxy paging = new CognitoPagingProxy(cognitoLocal.endpoint());
                CognitoIdentityProviderClient cognito = cognitoLocal.client()) {
            String pool = cognito.createUserPool(b -> b.poolName("benchmark"))
                    .userPool()
                    .id();
            long created = System.nanoTime();
            try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    String email = "user" + i + "@example.com";
                    all.add(workers.submit(() -> {
                        cognito.adminCreateUser(b -> b.userPoolId(pool)
                                .username(email)
                                .messageAction(MessageActionType.SUPPRESS)
                                .temporaryPassword("Temporary-1")
                                .userAttributes(AttributeType.builder()
                                        .name("given_name")
                                        .value("Ada")
                                        .build()));
                        cognito.adminSetUserPassword(b -> b.userPoolId(pool)
                                .username(email)
                                .password("Permanent-123")
                                .permanent(true));
                        return null;
                    }));
                }
                for (Future<?> each : all) {
                    each.get();
                }
            }
            System.out.printf(
                    "machine: %d cores, Java %s; %d confirmed users created in cognito-local in %.1f s%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    users,
                    (System.nanoTime() - created) / 1e9);
            System.out.println("--rate (ListUsers/s)   ceiling users/s   users seen   registered   wall s   users/s"
                    + "   ListUsers calls");
            for (double rate : rates) {
                tables.reset();
                String table = tables.tableName();
                DynamoDbClient dynamoDb = tables.client();
                int callsBefore = paging.listUsersCalls();
                ProcessBuilder run = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-jar",
                                jar.toString(),
                                "backfill",
                                "--user-pool-id",
                                pool,
                                "--table",
                                table,
                                "--rate",
                                Double.toString(rate))
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                run.environment().putAll(OperatorEnvironment.variables(paging.endpoint(), tables.directEndpoint()));
                long start = System.nanoTime();
                Process process = run.start();
                String summary = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("backfill failed: " + summary);
                }
                double wall = (System.nanoTime() - start) / 1e9;
                Matcher m = SUMMARY.matcher(summary);
                if (!m.find()) {
                    throw new IllegalStateException("no summary in: " + summary);
                }
                double inTool = Double.parseDouble(m.group(3));
                System.out.printf(
                        "%20.1f %17.0f %12s %12s %8.1f %9.0f %17d%n",
                        rate,
                        rate * 60,
                        m.group(1),
                        m.group(2),
                        wall,
                        Long.parseLong(m.group(1)) / inTool,
                        paging.listUsersCalls() - callsBefore);
            }
        } finally {
            deleteTree(cognitoData);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
