package dev.userprofile.benchmarks;

import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.AwsClientModule;
import dev.userprofile.local.support.cognito.CloudTrailEvents;
import dev.userprofile.local.support.lambda.ContainerCredentialsServer;
import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.support.lambda.RuntimeApi;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.net.ConnectionResettingProxy;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints the numbers behind docs/benchmarks.md: each variant's deployable zip run by the Lambda Java runtime
 * interface client in a fresh JVM against a loopback Runtime API, with a PostConfirmation event that writes to
 * dynalite. Variants alternate within each round; medians with min and max over the rounds.
 */
public final class ColdStartBenchmark {

    private static final String TABLE = "profiles-benchmark";
    private static final String API_HANDLER = "dev.userprofile.bootstrap.ProfileApiHandler::handleRequest";
    private static final String SYNC_HANDLER = "dev.userprofile.bootstrap.UserSyncHandler::handleRequest";
    private static final int WARM_INVOCATIONS = 60;
    /** The SDK's standard variable for Cognito's endpoint, as every function reads it. */
    private static final String COGNITO_ENDPOINT = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    private static final Pattern DURATION = Pattern.compile("\"durationMs\":([0-9.]+)");
    /** Lambda's java25 runtime stops tiered compilation at C1 for on-demand functions (not with SnapStart). */
    private static final List<String> ON_DEMAND_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1");

    private static final List<String> SNAPSTART_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    /**
     * How a variant starts: on demand; with SnapStart's init (hooks, then an immediate "restore"); or held at the
     * checkpoint and restored as on Lambda (see {@link #measureRestore}).
     */
    private enum Start {
        ON_DEMAND,
        SNAPSTART_INIT,
        SNAPSTART_RESTORE
    }

    /**
     * What each invocation is: a sign-up confirmation of a new user, a sign-in of a user who has a profile, a GET of
     * a profile through the API, or a Cognito event for a user whose email changed (one ListUsers, a consistent read
     * and a conditional write).
     */
    private enum Workload {
        SIGN_UP,
        SIGN_IN,
        API_GET,
        /** GET /me of a pool user without a profile: one ListUsers, a read, the registration's write. */
        API_LAZY,
        /** DELETE /me after a fresh sign-in: a read, AdminDeleteUser, the tombstone's write. */
        API_DELETE,
        SYNC_EVENT;

        boolean api() {
            return this == API_GET || this == API_LAZY || this == API_DELETE;
        }

        /** Whether it needs the cognito-local pool. */
        boolean pool() {
            return this == SYNC_EVENT || this == API_LAZY || this == API_DELETE || this == API_GET;
        }

        /** The status the function must answer with. */
        String expected() {
            return this == API_DELETE ? "\"statusCode\":204" : "\"statusCode\":200";
        }
    }

    /** The pool the sync function reads (cognito-local), started only when a sync variant runs. */
    private record SyncPool(CognitoLocalServer server, CognitoIdentityProviderClient admin, String poolId)
            implements AutoCloseable {

        static SyncPool start() throws IOException {
            CognitoLocalServer server = CognitoLocalServer.start(
                    0,
                    Files.createTempDirectory("cold-start-cognito"),
                    URI.create("http://127.0.0.1:9"),
                    "none",
                    List.of(),
                    "123456",
                    line -> {});
            CognitoIdentityProviderClient admin = server.client();
            String poolId = admin.createUserPool(b -> b.poolName("cold-start"))
                    .userPool()
                    .id();
            return new SyncPool(server, admin, poolId);
        }

        /** A confirmed user of the pool, without a profile: their sub and user name. */
        String[] newUser() {
            String email = "api-" + UUID.randomUUID() + "@example.com";
            return new String[] {PoolUsers.confirmed(admin, poolId, email), email};
        }

        /** A confirmed user whose stored profile has an older email, and the event of their email change. */
        String emailChanged(LocalTables tables) {
            String email = "sync-" + UUID.randomUUID() + "@example.com";
            String sub = PoolUsers.confirmed(admin, poolId, email);
            tables.storeProfile(sub, "Ada");
            return CloudTrailEvents.userCall("AdminUpdateUserAttributes", Optional.of(poolId), sub);
        }

        @Override
        public void close() {
            admin.close();
            server.close();
        }
    }

    /** Set when a sync variant runs. */
    private static SyncPool syncPool;

    private record Variant(
            String name, Path artifact, String handler, List<String> jvmOptions, Start start, Workload workload) {
        Variant(String name, Path artifact, String handler, List<String> jvmOptions, Start start) {
            this(name, artifact, handler, jvmOptions, start, Workload.SIGN_UP);
        }

        boolean snapStart() {
            return start != Start.ON_DEMAND;
        }
    }

    /** A SnapStart restore as the user meets it, and what it had to fetch or open on the way. */
    private record RestoreRun(
            double firstResponseMs,
            double warmMs,
            int credentialFetches,
            int newConnections,
            RuntimeApi.RestoreTimeline timeline,
            List<String> classesLoadedAfterRestore) {}

    /**
     * With {@code -Dcold.start.trace=true} each restore also logs the classes its JVM loads (-Xlog:class+load) and
     * reports those loaded between the restore and the first response: what the priming left for the user.
     */
    private static final boolean TRACE = Boolean.getBoolean("cold.start.trace");

    /**
     * How old a snapshot is when restored, at least: longer than the JDK keeps an idle pooled connection (5 s) and
     * than it takes for credentials served with {@link #CREDENTIALS_LIFETIME} to turn stale (the SDK refreshes one
     * minute before expiry). On Lambda a snapshot is hours or days old; both have long expired by then.
     */
    private static final Duration SNAPSHOT_AGE = Duration.ofMillis(6_000);

    private static final Duration CREDENTIALS_LIFETIME = Duration.ofSeconds(65);

    private record Run(
            double coldMs,
            double initMs,
            double firstAfterInitMs,
            double warmMs,
            double handlerWarmMs,
            long peakRssKb) {}

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> only = args.length > 1 && !args[1].isBlank() ? List.of(args[1].split(",")) : List.of();
        Path root = CloudFormationYaml.findTemplate().getParent();
        Path ours = LocalLambda.defaultArtifact();
        Path floor = root.resolve("benchmarks/floor-function/target/floor-function-lambda.zip");
        Path naive = root.resolve("benchmarks/naive-function/target/naive-function-lambda.zip");
        TemplateFunction template =
                TemplateFunction.fromTemplate(CloudFormationYaml.findTemplate(), "PostConfirmationFunction");

        try (LocalTables tables = LocalTables.start(TABLE)) {
            URI dynalite = tables.directEndpoint();
            // Straight to dynalite: the local tables' recording front would add a hop to every measured call.
            Map<String, String> environment =
                    LocalTables.functionEnvironment("PostConfirmationFunction", TABLE, dynalite);

            Path aotCache = Files.createTempFile("ours", ".aot");
            Files.delete(aotCache);
            String floorHandler = "dev.userprofile.benchmarks.floor.FloorHandler::handleRequest";
            List<Variant> all = new ArrayList<>(List.of(
                    new Variant("floor", floor, floorHandler, ON_DEMAND_FLAGS, Start.ON_DEMAND),
                    new Variant(
                            "naive",
                            naive,
                            "dev.userprofile.benchmarks.naive.NaiveHandler::handleRequest",
                            ON_DEMAND_FLAGS,
                            Start.ON_DEMAND),
                    new Variant("ours", ours, template.handler(), ON_DEMAND_FLAGS, Start.ON_DEMAND),
                    new Variant("ours+snapstart-init", ours, template.handler(), SNAPSTART_FLAGS, Start.SNAPSTART_INIT),
                    new Variant("floor+restore", floor, floorHandler, SNAPSTART_FLAGS, Start.SNAPSTART_RESTORE),
                    new Variant("ours+restore", ours, template.handler(), SNAPSTART_FLAGS, Start.SNAPSTART_RESTORE),
                    new Variant(
                            "ours+restore/sign-in",
                            ours,
                            template.handler(),
                            SNAPSTART_FLAGS,
                            Start.SNAPSTART_RESTORE,
                            Workload.SIGN_IN),
                    new Variant(
                            "api+restore",
                            ours,
                            API_HANDLER,
                            SNAPSTART_FLAGS,
                            Start.SNAPSTART_RESTORE,
                            Workload.API_GET),
                    new Variant(
                            "api+restore/lazy",
                            ours,
                            API_HANDLER,
                            SNAPSTART_FLAGS,
                            Start.SNAPSTART_RESTORE,
                            Workload.API_LAZY),
                    new Variant(
                            "api+restore/delete",
                            ours,
                            API_HANDLER,
                            SNAPSTART_FLAGS,
                            Start.SNAPSTART_RESTORE,
                            Workload.API_DELETE),
                    new Variant(
                            "sync+restore",
                            ours,
                            SYNC_HANDLER,
                            SNAPSTART_FLAGS,
                            Start.SNAPSTART_RESTORE,
                            Workload.SYNC_EVENT),
                    new Variant(
                            "ours+aot-cache",
                            ours,
                            template.handler(),
                            concat(ON_DEMAND_FLAGS, "-XX:AOTCache=" + aotCache),
                            Start.ON_DEMAND),
                    new Variant(
                            "ours+serial-gc",
                            ours,
                            template.handler(),
                            concat(ON_DEMAND_FLAGS, "-XX:+UseSerialGC"),
                            Start.ON_DEMAND)));
            // Another build of the function (e.g. an earlier commit's zip) restored side by side with this one.
            String baseline = System.getProperty("benchmark.baseline", "");
            if (!baseline.isBlank()) {
                all.add(new Variant(
                        "baseline+restore",
                        Path.of(baseline),
                        template.handler(),
                        SNAPSTART_FLAGS,
                        Start.SNAPSTART_RESTORE));
            }

            // Without a choice, the variants the targets are about; others (flag experiments) by name only.
            List<Variant> variants = all.stream()
                    .filter(v -> only.isEmpty()
                            ? !v.name().equals("ours+serial-gc")
                            : only.contains(v.name()) || v.name().equals("baseline+restore"))
                    .toList();
            System.out.printf(
                    "machine: %d cores, Java %s; %d rounds, variants alternate; dynalite in memory%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), rounds);
            if (variants.stream().anyMatch(v -> v.name().equals("ours+aot-cache"))) {
                train(template, ours, environment, aotCache);
            }
            Map<String, String> syncEnvironment = Map.of();
            Map<String, String> apiEnvironment = Map.of();
            if (variants.stream().anyMatch(v -> v.workload().pool())) {
                syncPool = SyncPool.start();
                syncEnvironment = withPool("UserSyncFunction", dynalite);
                apiEnvironment = withPool("ProfileApiFunction", dynalite);
            }

            Map<String, List<Run>> results = new LinkedHashMap<>();
            Map<String, List<RestoreRun>> restores = new LinkedHashMap<>();
            variants.forEach(v -> {
                if (v.start() == Start.SNAPSTART_RESTORE) {
                    restores.put(v.name(), new ArrayList<>());
                } else {
                    results.put(v.name(), new ArrayList<>());
                }
            });
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((i + round) % variants.size());
                    if (variant.start() == Start.SNAPSTART_RESTORE) {
                        Map<String, String> own = variant.workload() == Workload.SYNC_EVENT
                                ? syncEnvironment
                                : variant.workload().api() ? apiEnvironment : environment;
                        restores.get(variant.name()).add(measureRestore(template, variant, own, dynalite, tables));
                    } else {
                        results.get(variant.name()).add(measure(template, variant, environment));
                    }
                }
                System.out.printf("round %d of %d done%n", round + 1, rounds);
            }
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (Variant variant : variants) {
                if (variant.start() == Start.ON_DEMAND && !variant.name().contains("aot")) {
                    classes.put(variant.name(), classesLoaded(template, variant, environment));
                }
            }
            double rawPutItem = rawPutItem(dynalite);
            int writes = requestsPerInvocation(template, ours, environment, dynalite, List.of(signUpEvent()))[0];
            int[] signIn = requestsPerInvocation(
                    template,
                    ours,
                    environment,
                    dynalite,
                    List.of(
                            signInEvent(tables),
                            LambdaRuntimeJson.withSub(
                                    LambdaRuntimeJson.sampleEventJson("sign-in.json"),
                                    UUID.randomUUID().toString())));
            report(
                    results,
                    classes,
                    Map.of("floor", Files.size(floor), "naive", Files.size(naive), "ours", Files.size(ours)),
                    rawPutItem,
                    writes,
                    only.isEmpty());
            reportRestores(restores);
            System.out.printf(
                    "requests to DynamoDB for one sign-in: %d with a profile, %d without one%n", signIn[0], signIn[1]);
            Files.deleteIfExists(aotCache);
        } finally {
            if (syncPool != null) {
                syncPool.close();
            }
        }
    }

    private static List<String> concat(List<String> flags, String flag) {
        List<String> all = new ArrayList<>(flags);
        all.add(flag);
        return all;
    }

    private static TemplateFunction withHandler(TemplateFunction template, String handler) {
        return new TemplateFunction(
                template.logicalId(),
                handler,
                template.runtime(),
                template.memoryMb(),
                template.timeoutSeconds(),
                template.logFormat(),
                template.environment());
    }

    /** A sign-in (PostAuthentication) of a user whose profile is stored already: the common case. */
    private static String signInEvent(LocalTables tables) {
        String registered = UUID.randomUUID().toString();
        tables.storeProfile(registered, "Ada");
        return LambdaRuntimeJson.withSub(LambdaRuntimeJson.sampleEventJson("sign-in.json"), registered);
    }

    private static String event(Workload workload, LocalTables tables) {
        return switch (workload) {
            case SIGN_UP -> signUpEvent();
            case SIGN_IN -> signInEvent(tables);
            case API_GET -> apiGetEvent(tables);
            case API_LAZY -> {
                String[] user = syncPool.newUser();
                yield apiEvent("GET", user[0], user[1]);
            }
            case API_DELETE -> {
                String[] user = syncPool.newUser();
                tables.storeProfile(user[0], "Ada");
                yield apiEvent("DELETE", user[0], user[1]);
            }
            case SYNC_EVENT -> syncPool.emailChanged(tables);
        };
    }

    /** GET /me through the profile API for a user with a profile. */
    private static String apiGetEvent(LocalTables tables) {
        String sub = UUID.randomUUID().toString();
        tables.storeProfile(sub, "Ada");
        return apiEvent("GET", sub, sub);
    }

    /**
     * The sample event of events/api-get-me.json (headers, request context and claims as API Gateway sends them) for
     * {@code method} by {@code sub}, signed in a moment ago.
     */
    private static String apiEvent(String method, String sub, String username) {
        return LambdaRuntimeJson.sampleEventJson("api-get-me.json")
                .replace("7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21", sub)
                .replace("jane.doe@example.com", username)
                .replace("\"GET /me\"", "\"" + method + " /me\"")
                .replace("\"method\": \"GET\"", "\"method\": \"" + method + "\"")
                .replace("1796039940", Long.toString(Instant.now().getEpochSecond() - 5));
    }

    /** {@code logicalId}'s variables on the benchmark table and the cognito-local pool. */
    private static Map<String, String> withPool(String logicalId, URI dynalite) {
        Map<String, String> environment = new HashMap<>(
                LocalTables.functionEnvironment(logicalId, TABLE, dynalite, Map.of("UserPool", syncPool.poolId())));
        environment.put(COGNITO_ENDPOINT, syncPool.server().endpoint().toString());
        return environment;
    }

    private static String signUpEvent() {
        return LambdaRuntimeJson.withSub(
                LambdaRuntimeJson.sampleEventJson("sign-up.json"),
                UUID.randomUUID().toString());
    }

    private static LocalLambda launch(
            TemplateFunction template, Variant variant, Map<String, String> environment, List<String> log) {
        return LocalLambda.start(new LocalLambda.Launch(
                withHandler(template, variant.handler()),
                variant.artifact(),
                environment,
                variant.jvmOptions(),
                variant.snapStart(),
                0,
                log::add));
    }

    private static Run measure(TemplateFunction template, Variant variant, Map<String, String> environment) {
        double cold;
        List<String> log = new CopyOnWriteArrayList<>();
        try (LocalLambda lambda = launch(template, variant, environment, log)) {
            RuntimeApi.InvocationResult result = lambda.invoke(signUpEvent());
            cold = (System.nanoTime() - lambda.runtimeStartedNanos()) / 1e6;
            requireSuccess(variant, result, log);
        }
        List<String> steadyLog = new CopyOnWriteArrayList<>();
        try (LocalLambda lambda = launch(template, variant, environment, steadyLog)) {
            double init = lambda.awaitReady(Duration.ofSeconds(30)).toNanos() / 1e6;
            long t0 = System.nanoTime();
            requireSuccess(variant, lambda.invoke(signUpEvent()), steadyLog);
            double first = (System.nanoTime() - t0) / 1e6;
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < WARM_INVOCATIONS; i++) {
                long w0 = System.nanoTime();
                requireSuccess(variant, lambda.invoke(signUpEvent()), steadyLog);
                warm.add(System.nanoTime() - w0);
            }
            List<Double> handler = new ArrayList<>();
            for (String line : steadyLog) {
                Matcher m = DURATION.matcher(line);
                if (m.find()) {
                    handler.add(Double.parseDouble(m.group(1)));
                }
            }
            double handlerWarm = handler.size() > WARM_INVOCATIONS / 2
                    ? Stats.median(handler.subList(handler.size() - WARM_INVOCATIONS / 2, handler.size()).stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray())
                    : Double.NaN;
            double warmMs = Stats.ofNanos(warm.subList(WARM_INVOCATIONS / 2, WARM_INVOCATIONS))
                    .p50();
            return new Run(cold, init, first, warmMs, handlerWarm, peakRssKb(lambda.runtimePid()));
        }
    }

    /**
     * A SnapStart restore emulated as Lambda performs one for a waiting request: init with the runtime's CRaC hooks
     * and the function's priming, then, at the checkpoint, what a snapshot's age does to the world: every TCP
     * connection opened during init is reset (a proxy in front of dynalite), credentials come only from a container
     * credentials endpoint (no key variables, as with SnapStart) and those fetched during init have gone stale.
     * Timed from the restore to the first response: afterRestore hooks, the runtime's poll, the handler.
     */
    private static RestoreRun measureRestore(
            TemplateFunction template,
            Variant variant,
            Map<String, String> environment,
            URI dynalite,
            LocalTables tables) {
        Optional<URI> cognito =
                Optional.ofNullable(environment.get(COGNITO_ENDPOINT)).map(URI::create);
        try (ConnectionResettingProxy proxy = new ConnectionResettingProxy(dynalite);
                // Cognito's connections go the same way as DynamoDB's (the sync function's); unused by the others.
                ConnectionResettingProxy cognitoProxy =
                        new ConnectionResettingProxy(cognito.orElse(URI.create("http://127.0.0.1:9")));
                ContainerCredentialsServer credentials =
                        new ContainerCredentialsServer(CREDENTIALS_LIFETIME, Clock.systemUTC())) {
            Map<String, String> restored = new HashMap<>(environment);
            cognito.ifPresent(
                    c -> restored.put(COGNITO_ENDPOINT, cognitoProxy.endpoint().toString()));
            restored.remove("AWS_ACCESS_KEY_ID");
            restored.remove("AWS_SECRET_ACCESS_KEY");
            restored.putAll(credentials.environment());
            restored.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
            List<String> log = new CopyOnWriteArrayList<>();
            Path classLog = Files.createTempFile("restore-classes", ".log");
            List<String> jvmOptions = TRACE
                    ? concat(variant.jvmOptions(), "-Xlog:class+load=info:file=" + classLog)
                    : variant.jvmOptions();
            try (LocalLambda lambda = LocalLambda.start(new LocalLambda.Launch(
                            withHandler(template, variant.handler()),
                            variant.artifact(),
                            restored,
                            jvmOptions,
                            true,
                            0,
                            log::add)
                    .heldAtCheckpoint())) {
                lambda.awaitCheckpoint(Duration.ofSeconds(30));
                Thread.sleep(SNAPSHOT_AGE.toMillis());
                int classesBefore = TRACE ? Files.readAllLines(classLog).size() : 0;
                proxy.resetAll();
                cognitoProxy.resetAll();
                // Those fetched during init are stale now; the ones served after the restore last as Lambda's do.
                credentials.lifetime(Duration.ofHours(6));
                String first = event(variant.workload(), tables);
                int fetchedBefore = credentials.served();
                int connectionsBefore = proxy.connectionsAccepted() + cognitoProxy.connectionsAccepted();
                long t0 = System.nanoTime();
                RuntimeApi.InvocationResult result = lambda.restoreThenInvoke(first);
                double firstMs = (System.nanoTime() - t0) / 1e6;
                requireSuccess(variant, result, log);
                if (variant.workload().api()
                        && !result.payload().contains(variant.workload().expected())) {
                    throw new IllegalStateException(variant.name() + " answered " + result.payload());
                }

                int fetched = credentials.served() - fetchedBefore;
                int connections = proxy.connectionsAccepted() + cognitoProxy.connectionsAccepted() - connectionsBefore;
                RuntimeApi.RestoreTimeline timeline = lambda.restoreTimeline().orElseThrow();
                List<String> classLines = TRACE ? Files.readAllLines(classLog) : List.of();
                List<String> loaded =
                        TRACE ? classNames(classLines.subList(classesBefore, classLines.size())) : List.of();
                List<Long> warm = new ArrayList<>();
                for (int i = 0; i < WARM_INVOCATIONS / 2; i++) {
                    String next = event(variant.workload(), tables);
                    long w0 = System.nanoTime();
                    requireSuccess(variant, lambda.invoke(next), log);
                    warm.add(System.nanoTime() - w0);
                }
                // Its log lines come through the process's output, a moment after each answer: counted at the end.
                if (variant.workload() == Workload.SYNC_EVENT
                        && log.stream()
                                        .filter(line -> line.contains("\"outcome\":\"UPDATED\""))
                                        .count()
                                < WARM_INVOCATIONS / 2) {
                    throw new IllegalStateException(variant.name() + " did not update the profiles: " + log);
                }
                return new RestoreRun(
                        firstMs,
                        Stats.ofNanos(warm.subList(warm.size() / 2, warm.size()))
                                .p50(),
                        fetched,
                        connections,
                        timeline,
                        loaded);
            } finally {
                Files.deleteIfExists(classLog);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void reportRestores(Map<String, List<RestoreRun>> restores) {
        if (restores.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf(
                "first response after a SnapStart restore (snapshot %.1f s old, connections reset, "
                        + "credentials from the container endpoint), ms%n",
                SNAPSHOT_AGE.toMillis() / 1000.0);
        System.out.println("variant                median   (min-max)         warm after   credential fetches"
                + "  new connections  resume  invocation  ratio to floor (median of rounds)");
        List<RestoreRun> floor = restores.get("floor+restore");
        restores.forEach((name, runs) -> {
            String ratio = "";
            if (floor != null && !name.equals("floor+restore")) {
                double[] ratios = new double[Math.min(runs.size(), floor.size())];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = runs.get(i).firstResponseMs() / floor.get(i).firstResponseMs();
                }
                ratio = String.format(
                        "%.2f (%.2f-%.2f)",
                        Stats.median(ratios),
                        Arrays.stream(ratios).min().orElse(Double.NaN),
                        Arrays.stream(ratios).max().orElse(Double.NaN));
            }
            System.out.printf(
                    "%-22s %s %9.2f %12.0f %16.0f %9.1f %9.1f   %s%n",
                    name,
                    spreadOf(runs.stream()
                            .mapToDouble(RestoreRun::firstResponseMs)
                            .toArray()),
                    Stats.median(runs.stream().mapToDouble(RestoreRun::warmMs).toArray()),
                    Stats.median(runs.stream()
                            .mapToDouble(RestoreRun::credentialFetches)
                            .toArray()),
                    Stats.median(runs.stream()
                            .mapToDouble(RestoreRun::newConnections)
                            .toArray()),
                    Stats.median(runs.stream()
                            .mapToDouble(r -> r.timeline().resume().toNanos() / 1e6)
                            .toArray()),
                    Stats.median(runs.stream()
                            .mapToDouble(r -> r.timeline().invocation().toNanos() / 1e6)
                            .toArray()),
                    ratio);
        });
        if (floor != null) {
            System.out.println();
            restores.forEach((name, runs) -> {
                if (name.equals("floor+restore")) {
                    return;
                }
                // Its own calls are what a warm invocation spends; the rest is the restore, which must cost no
                // more than the floor's.
                double[] ratios = new double[Math.min(runs.size(), floor.size())];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = runs.get(i).firstResponseMs()
                            / (floor.get(i).firstResponseMs() + runs.get(i).warmMs());
                }
                target(name + " / (floor + own calls)", Stats.median(ratios), 1.1);
            });
        }
        if (TRACE) {
            System.out.println();
            System.out.println("classes loaded between the restore and the first response (median; where, last round)");
            restores.forEach((name, runs) -> {
                List<String> last = runs.getLast().classesLoadedAfterRestore();
                System.out.printf(
                        "%-22s %5.0f  %s%n",
                        name,
                        Stats.median(runs.stream()
                                .mapToDouble(r -> r.classesLoadedAfterRestore().size())
                                .toArray()),
                        byPackage(last));
            });
            restores.forEach((name, runs) -> System.out.printf(
                    "%n%s, beyond the runtime client's own:%n  %s%n",
                    name,
                    String.join(
                            "\n  ",
                            runs.getLast().classesLoadedAfterRestore().stream()
                                    .filter(c -> !c.startsWith("com.amazonaws.services.lambda.runtime.api.client")
                                            && !c.startsWith("com.amazonaws.lambda.thirdparty"))
                                    .toList())));
        }
    }

    /** The class names in -Xlog:class+load lines ("[info][class,load] java.lang.Foo source: ..."). */
    private static List<String> classNames(List<String> lines) {
        return lines.stream()
                .filter(l -> l.contains("source:"))
                .map(l -> l.substring(l.indexOf("] ", l.indexOf("class,load")) + 2, l.indexOf(" source:"))
                        .trim())
                .toList();
    }

    /** How many classes each package (its first three names) contributed, largest first. */
    private static String byPackage(List<String> classes) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String name : classes) {
            String[] parts = name.split("\\.");
            String key = String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
            counts.merge(key, 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void requireSuccess(Variant variant, RuntimeApi.InvocationResult result, List<String> log) {
        if (result.functionError().isPresent()) {
            throw new IllegalStateException(
                    variant.name() + " failed: " + result.payload() + "\n" + String.join("\n", log));
        }
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** A training run for the AOT cache: init, then invocations, then a normal exit that writes the cache. */
    private static void train(TemplateFunction template, Path ours, Map<String, String> environment, Path cache) {
        Variant training = new Variant(
                "training",
                ours,
                template.handler(),
                concat(ON_DEMAND_FLAGS, "-XX:AOTCacheOutput=" + cache),
                Start.ON_DEMAND);
        List<String> log = new CopyOnWriteArrayList<>();
        LocalLambda lambda = launch(template, training, environment, log);
        for (int i = 0; i < 20; i++) {
            requireSuccess(training, lambda.invoke(signUpEvent()), log);
        }
        lambda.closeByEndingTheRuntimeApi(Duration.ofSeconds(60));
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the AOT training run wrote no cache:\n" + String.join("\n", log));
        }
    }

    private static int classesLoaded(TemplateFunction template, Variant variant, Map<String, String> environment)
            throws IOException {
        Path census = Files.createTempFile("classes-" + variant.name(), ".log");
        Variant counted = new Variant(
                variant.name(),
                variant.artifact(),
                variant.handler(),
                concat(variant.jvmOptions(), "-Xlog:class+load=info:file=" + census),
                variant.start());
        List<String> log = new CopyOnWriteArrayList<>();
        try (LocalLambda lambda = launch(template, counted, environment, log)) {
            requireSuccess(variant, lambda.invoke(signUpEvent()), log);
        }
        int count = (int) Files.readAllLines(census).stream()
                .filter(l -> l.contains("source:"))
                .count();
        Files.deleteIfExists(census);
        return count;
    }

    /** One PutItem through a client built exactly as the function builds it, warm: the floor for a warm invocation. */
    private static double rawPutItem(URI endpoint) {
        try (DynamoDbClient client = AwsClientModule.dynamoDbClientBuilder(
                        new Configuration(TABLE, "eu-west-1", "raw", Optional.empty(), Optional.empty(), Map.of()),
                        AwsClientModule.httpClient(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                        DynamoDbCallBudget.REGISTRATION)
                .endpointOverride(endpoint)
                .build()) {
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Map<String, AttributeValue> item = Map.of(
                        "userId",
                        AttributeValue.fromS(UUID.randomUUID().toString()),
                        "email",
                        AttributeValue.fromS("raw@example.com"),
                        "registeredAt",
                        AttributeValue.fromS("x"));
                long t0 = System.nanoTime();
                client.putItem(b -> b.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(userId)"));
                if (i >= 200) {
                    samples.add(System.nanoTime() - t0);
                }
            }
            return Stats.ofNanos(samples).p50();
        }
    }

    /** Requests the function sends for each event in turn, counted by a proxy in front of dynalite. */
    private static int[] requestsPerInvocation(
            TemplateFunction template, Path ours, Map<String, String> environment, URI dynalite, List<String> events)
            throws IOException {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(dynalite)) {
            Map<String, String> viaProxy = new HashMap<>(environment);
            viaProxy.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
            Variant variant = new Variant("ours", ours, template.handler(), ON_DEMAND_FLAGS, Start.ON_DEMAND);
            List<String> log = new CopyOnWriteArrayList<>();
            int[] requests = new int[events.size()];
            try (LocalLambda lambda = launch(template, variant, viaProxy, log)) {
                lambda.awaitReady(Duration.ofSeconds(30));
                for (int i = 0; i < events.size(); i++) {
                    int before = proxy.requests().size();
                    requireSuccess(variant, lambda.invoke(events.get(i)), log);
                    requests[i] = proxy.requests().size() - before;
                }
            }
            return requests;
        }
    }

    private static String spread(List<Run> runs, ToDoubleFunction<Run> metric) {
        return spreadOf(runs.stream().mapToDouble(metric).toArray());
    }

    private static String spreadOf(double[] values) {
        double min = Arrays.stream(values).min().orElse(Double.NaN);
        double max = Arrays.stream(values).max().orElse(Double.NaN);
        return String.format("%7.1f (%6.1f-%6.1f)", Stats.median(values), min, max);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        return Stats.median(runs.stream().mapToDouble(metric).toArray());
    }

    private static void report(
            Map<String, List<Run>> results,
            Map<String, Integer> classes,
            Map<String, Long> sizes,
            double rawPutItem,
            int writes,
            boolean allVariants) {
        System.out.println();
        System.out.println("ms, median (min-max)   cold                    init                    "
                + "first after init        warm (round trip)       warm (in handler)  peak RSS MB");
        results.forEach((name, runs) -> System.out.printf(
                "%-22s %s %s %s %s %8.3f %12.0f%n",
                name,
                spread(runs, Run::coldMs),
                spread(runs, Run::initMs),
                spread(runs, Run::firstAfterInitMs),
                spread(runs, Run::warmMs),
                median(runs, Run::handlerWarmMs),
                median(runs, r -> r.peakRssKb() / 1024.0)));
        System.out.println();
        sizes.forEach((name, size) -> System.out.printf(
                "artifact %-6s %8.2f MB   classes loaded by the first invocation: %s%n",
                name, size / 1_048_576.0, classes.getOrDefault(name, -1)));
        System.out.printf("raw PutItem through the function's client (warm, in-process): %.3f ms%n", rawPutItem);
        System.out.printf("requests to DynamoDB for one registration: %d%n", writes);

        if (!allVariants) {
            return;
        }
        double cold = median(results.get("ours"), Run::coldMs);
        double floor = median(results.get("floor"), Run::coldMs);
        double naive = median(results.get("naive"), Run::coldMs);
        double first = median(results.get("ours+snapstart-init"), Run::firstAfterInitMs);
        double warm = median(results.get("ours+snapstart-init"), Run::warmMs);
        double handlerWarm = median(results.get("ours"), Run::handlerWarmMs);
        System.out.println();
        target("cold/floor", cold / floor, 1.6);
        target("cold/naive", cold / naive, 0.6);
        target("first-after-init/warm (SnapStart init)", first / warm, 3.0);
        target("warm in handler / raw PutItem", handlerWarm / rawPutItem, 1.2);
        target("artifact MB", sizes.get("ours") / 1_048_576.0, 8.0);
        target("requests per registration", writes, 1.0);
    }

    private static void target(String name, double value, double limit) {
        System.out.printf("%-42s %8.2f  target <= %-5s %s%n", name, value, limit, value <= limit ? "MET" : "MISSED");
    }
}
