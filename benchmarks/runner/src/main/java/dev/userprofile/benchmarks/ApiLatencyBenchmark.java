package dev.userprofile.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.bootstrap.ProfileApiHandler;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.AwsClientModule;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints the profile API's warm latency: the real handler (built as Lambda builds it, 16 environments) answering
 * GET and PATCH /me at concurrency 16 for 30 s each, against dynalite, next to the raw DynamoDB calls the same
 * requests need (GetItem; GetItem then a conditional PutItem) through a client built as the function builds it.
 */
public final class ApiLatencyBenchmark {

    private static final int CONCURRENCY = 16;
    private static final int USERS = 1_000;
    private static final Duration PHASE = Duration.ofSeconds(30);

    private ApiLatencyBenchmark() {}

    private interface Call {
        boolean run(int worker, String sub);
    }

    public static void main(String[] args) throws Exception {
        try (LocalTables tables = LocalTables.start("profiles-api-benchmark")) {
            DynamoDbClient setup = tables.client();
            String table = tables.tableName();
            // Straight to dynalite: the local tables' recording front would add a hop to every measured call.
            // Every caller has a profile, so the pool is never asked: its id only has to be there.
            Map<String, String> environment = LocalTables.functionEnvironment(
                    "ProfileApiFunction", table, tables.directEndpoint(), Map.of("UserPool", "eu-west-1_Benchmark"));
            Configuration configuration = Configuration.fromEnvironment(environment);
            List<String> subs = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String sub = UUID.randomUUID().toString();
                subs.add(sub);
                tables.storeProfile(sub, "User");
            }
            System.out.printf(
                    "machine: %d cores, Java %s; %d profiles in dynalite; concurrency %d, %d s a phase%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    USERS,
                    CONCURRENCY,
                    PHASE.toSeconds());

            List<ProfileApiHandler> environments = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                environments.add(new ProfileApiHandler(ProfileApiComponent.create(environment)));
            }
            DynamoDbClient raw = AwsClientModule.dynamoDbClientBuilder(
                            configuration,
                            AwsClientModule.httpClient(),
                            AwsClientModule.credentialsProvider(configuration),
                            DynamoDbCallBudget.API)
                    .build();

            Stats get = phase(
                    subs,
                    (worker, sub) -> environments
                                    .get(worker)
                                    .handleRequest(request("GET", sub, null), new LocalLambdaContext())
                                    .getStatusCode()
                            == 200);
            Stats rawGet = phase(
                    subs,
                    (worker, sub) -> raw.getItem(b -> b.tableName(table)
                                    .consistentRead(true)
                                    .key(Map.of("userId", AttributeValue.fromS(sub))))
                            .hasItem());
            Stats patch = phase(
                    subs,
                    (worker, sub) -> environments
                                    .get(worker)
                                    .handleRequest(
                                            request(
                                                    "PATCH",
                                                    sub,
                                                    "{\"displayName\":\"Name "
                                                            + ThreadLocalRandom.current()
                                                                    .nextInt() + "\"}"),
                                            new LocalLambdaContext())
                                    .getStatusCode()
                            == 200);
            Stats rawPatch = phase(subs, (worker, sub) -> {
                Map<String, AttributeValue> item = new java.util.HashMap<>(raw.getItem(b -> b.tableName(table)
                                .consistentRead(true)
                                .key(Map.of("userId", AttributeValue.fromS(sub))))
                        .item());
                String version = item.get("version").n();
                item.put("version", AttributeValue.fromN(Long.toString(Long.parseLong(version) + 1)));
                item.put(
                        "displayName",
                        AttributeValue.fromS(
                                "Raw " + ThreadLocalRandom.current().nextInt()));
                try {
                    raw.putItem(b -> b.tableName(table)
                            .item(item)
                            .conditionExpression("attribute_exists(userId) AND version = :v")
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(version))));
                    return true;
                } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException raced) {
                    return false;
                }
            });
            System.out.println();
            System.out.println("ms                      p50      p99   requests/s   non-200 or refused");
            print("GET /me (handler)", get);
            print("raw GetItem", rawGet);
            print("PATCH /me (handler)", patch);
            print("raw GetItem + PutItem", rawPatch);
            System.out.printf(
                    "GET p50 / raw: %.2f   PATCH p50 / raw: %.2f%n",
                    get.p50() / rawGet.p50(), patch.p50() / rawPatch.p50());
            raw.close();
        }
        System.exit(0);
    }

    private static void print(String name, Stats result) {
        System.out.printf(
                "%-22s %7.2f %8.2f %12.0f %10d%n",
                name,
                result.p50(),
                result.p99(),
                result.count() / (double) PHASE.toSeconds(),
                FAILURES.getOrDefault(result, 0));
    }

    private static final Map<Stats, Integer> FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Stats phase(List<String> subs, Call call) throws Exception {
        List<Long> latencies = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + PHASE.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String sub = subs.get(ThreadLocalRandom.current().nextInt(subs.size()));
                        long t0 = System.nanoTime();
                        boolean ok = call.run(worker, sub);
                        latencies.add(System.nanoTime() - t0);
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        // The first 10% warm the JIT and the connections; the figures are the rest.
        Stats stats = Stats.ofNanos(latencies.subList(latencies.size() / 10, latencies.size()));
        FAILURES.put(stats, failures.get());
        return stats;
    }

    private static APIGatewayV2HTTPEvent request(String method, String sub, String body) {
        String json = "{\"version\":\"2.0\",\"routeKey\":\"" + method + " /me\",\"rawPath\":\"/me\",\"headers\":{"
                + (body == null ? "" : "\"content-type\":\"application/merge-patch+json\"")
                + "},\"requestContext\":{\"http\":{\"method\":\"" + method + "\",\"path\":\"/me\"},"
                + "\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"" + sub + "\",\"token_use\":\"access\","
                + "\"scope\":\"aws.cognito.signin.user.admin\",\"username\":\"" + sub + "\"}}}}"
                + (body == null ? "" : ",\"body\":\"" + body.replace("\"", "\\\"") + "\"")
                + ",\"isBase64Encoded\":false}";
        return LambdaRuntimeJson.fromJson(json, APIGatewayV2HTTPEvent.class);
    }
}
