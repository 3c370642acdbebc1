package dev.userprofile.benchmarks;

import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.bootstrap.ReconcileHandler;
import dev.userprofile.local.support.cognito.CognitoPagingProxy;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled reconcile's throughput: its handler, in process, against cognito-local behind a proxy that pages
 * ListUsers as Cognito does (60 users a call) and counts the calls, and dynalite. The pool has {@code users} users,
 * all with a profile but 2% missing, 1% stale and 1% orphans; each rate runs on a fresh copy of that table. Prints the
 * Cognito calls a second reached against the rate configured, and users a second.
 */
public final class ReconcileBenchmark {

    private static final Pattern CHECKED = Pattern.compile("\"Checked\":(\\d+)");

    private ReconcileBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<Double> rates = args.length > 1
                ? List.of(args[1].split(",")).stream().map(Double::parseDouble).toList()
                : List.of(5.0, 20.0);
        Path cognitoData = Files.createTempDirectory("reconcile-benchmark");
        try (LocalTables tables = LocalTables.start("profiles-reconcile");
                CognitoLocalServer cognitoLocal = CognitoLocalServer.start(
                        0, cognitoData, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", line -> {});
                CognitoPagingProxy paging = new CognitoPagingProxy(cognitoLocal.endpoint());
                CognitoIdentityProviderClient cognito = cognitoLocal.client()) {
            String pool = cognito.createUserPool(b -> b.poolName("benchmark"))
                    .userPool()
                    .id();
            List<String> subs = createUsers(cognito, pool, users);
            System.out.printf(
                    "machine: %d cores, Java %s; %d confirmed users in cognito-local; drift: %d missing, %d stale,"
                            + " %d orphans%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    users,
                    users / 50,
                    users / 100,
                    users / 100);
            System.out.println("rate (calls/s)   ListUsers calls   wall s   calls/s   of rate   users/s");
            for (double rate : rates) {
                tables.reset();
                fillTable(tables, subs);
                // Straight to dynalite: the recording front has nothing to record here.
                Map<String, String> environment =
                        new HashMap<>(tables.functionEnvironment("ReconcileFunction", Map.of("UserPool", pool)));
                environment.put(
                        "AWS_ENDPOINT_URL_DYNAMODB", tables.directEndpoint().toString());
                environment.put(
                        CognitoClients.ENDPOINT_VARIABLE, paging.endpoint().toString());
                environment.put("RECONCILE_CALLS_PER_SECOND", Double.toString(rate));
                ReconcileHandler handler = new ReconcileHandler(environment);
                int callsBefore = paging.listUsersCalls();
                LocalLambdaContext context = LocalLambdaContext.withTimeout(Duration.ofMinutes(15), line -> {});
                long start = System.nanoTime();
                try {
                    handler.handleRequest(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), context);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the reconcile failed: " + context.logLines(), e);
                }
                double wall = (System.nanoTime() - start) / 1e9;
                String line = context.logLines().getFirst();
                Matcher checked = CHECKED.matcher(line);
                if (!line.contains("\"outcome\":\"RECONCILED\"") || !checked.find()) {
                    throw new IllegalStateException("the reconcile did not finish: " + line);
                }
                int calls = paging.listUsersCalls() - callsBefore;
                System.out.printf(
                        "%14.1f %17d %8.1f %9.2f %8.0f%% %9.0f%n",
                        rate,
                        calls,
                        wall,
                        calls / wall,
                        100 * calls / wall / rate,
                        Integer.parseInt(checked.group(1)) / wall);
            }
        } finally {
            try (var files = Files.walk(cognitoData)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> createUsers(CognitoIdentityProviderClient cognito, String pool, int users)
            throws Exception {
        List<Future<String>> all = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < users; i++) {
                String email = "user" + i + "@example.com";
                all.add(workers.submit(() -> PoolUsers.confirmed(cognito, pool, email)));
            }
            List<String> subs = new ArrayList<>();
            for (Future<String> each : all) {
                subs.add(each.get());
            }
            return subs;
        }
    }

    /** Every user's profile as the pool has them, but 2% left out, 1% with an old email, and 1% orphans added. */
    private static void fillTable(LocalTables tables, List<String> subs) throws IOException {
        for (int i = 0; i < subs.size(); i++) {
            if (i % 50 == 0) {
                continue;
            }
            String email = (i % 100 == 1 ? "old-" : "") + "user" + i + "@example.com";
            put(tables, subs.get(i), email);
        }
        for (int i = 0; i < subs.size() / 100; i++) {
            put(tables, java.util.UUID.randomUUID().toString(), "gone" + i + "@example.com");
        }
    }

    private static void put(LocalTables tables, String sub, String email) {
        tables.client()
                .putItem(b -> b.tableName(tables.tableName())
                        .item(Map.of(
                                "userId", AttributeValue.fromS(sub),
                                "email", AttributeValue.fromS(email),
                                "emailVerified", AttributeValue.fromBool(true),
                                "accountStatus", AttributeValue.fromS("ACTIVE"),
                                "registeredAt", AttributeValue.fromS("2026-01-01T00:00:00Z"),
                                "version", AttributeValue.fromN("1"))));
    }
}
