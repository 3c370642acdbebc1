package dev.userprofile.bootstrap.admin;

import dev.userprofile.adapters.cognito.admin.AdminCli;
import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.cognito.directory.RateLimiter;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.application.port.in.BackfillPoolUseCase;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.out.ReconcileProgressStore;
import dev.userprofile.application.service.BackfillPoolService;
import dev.userprofile.application.service.ReconcilePoolService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of {@code profiles-admin.jar}: the operator's tool, run from a laptop or CI with the
 * operator's own credentials. Clients use the SDK's default credential and region chains (profiles, SSO,
 * environment) and its standard endpoint variables, and are built only once the command line is accepted.
 */
public final class ProfilesAdmin implements AdminCli.Services, AutoCloseable {

    /** Generous for an operator's batch job: Cognito throttles reads of a busy pool, and waiting is fine here. */
    private static final int COGNITO_ATTEMPTS = 8;

    private CognitoIdentityProviderClient cognito;
    /** What template.yaml's TombstoneRetentionDays defaults to. */
    static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(30);

    private DynamoDbClient dynamoDb;
    private final Map<String, DynamoDbUserRepository> repositories = new HashMap<>();

    public static void main(String[] args) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    // Ctrl-C or SIGTERM: let the command finish the current user and print how to resume.
                    stop.set(true);
                    try {
                        finished.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "profiles-admin-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = 1;
        try (ProfilesAdmin services = new ProfilesAdmin()) {
            // A person at a terminal sees progress redrawn on one line; logs and pipes get plain lines.
            boolean terminal = System.console() != null && System.console().isTerminal();
            status = new AdminCli(
                            services,
                            System.out,
                            System.err,
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                            stop,
                            terminal,
                            Clock.systemUTC())
                    .run(args);
        } finally {
            System.out.flush();
            System.err.flush();
            // Whatever happened, a waiting shutdown hook must not sit out its 30 s.
            finished.countDown();
        }
        if (!stop.get()) {
            // During a shutdown the JVM exits by itself once the hook returns; System.exit would block there.
            Runtime.getRuntime().removeShutdownHook(hook);
            System.exit(status);
        }
    }

    @Override
    public synchronized CognitoIdentityProviderClient cognito() {
        if (cognito == null) {
            cognito = CognitoIdentityProviderClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(COGNITO_ATTEMPTS)
                            .build()))
                    .build();
        }
        return cognito;
    }

    /**
     * The backfill as the reconcile wires it: the listing, the trigger's registration, and the sync for a disabled
     * user, every Cognito call paced to {@code rate}.
     */
    @Override
    public BackfillPoolUseCase backfillPool(String userPoolId, String table, double rate) {
        DynamoDbUserRepository repository = repository(table);
        CognitoUserDirectory directory = directory(userPoolId);
        Clock clock = Clock.systemUTC();
        return new BackfillPoolService(
                directory,
                new RegisterUserService(repository, clock),
                syncUser(directory, repository, clock),
                repository,
                RateLimiter.perSecond(rate),
                clock);
    }

    /**
     * The whole-pool reconcile as the scheduled function wires it, on the named pool and table, every Cognito call
     * (pages and the re-read before each change) paced to {@code rate}. Erased users' tombstones are kept for the
     * template's default retention ({@link #TOMBSTONE_LIFETIME}).
     */
    @Override
    public ReconcilePoolUseCase reconcilePool(String userPoolId, String table, double rate) {
        DynamoDbUserRepository repository = repository(table);
        CognitoUserDirectory directory = directory(userPoolId);
        Clock clock = Clock.systemUTC();
        // No time limit here: the run goes to its end in one go, and keeps nothing between runs.
        return new ReconcilePoolService(
                directory,
                directory,
                repository,
                syncUser(directory, repository, clock),
                RateLimiter.perSecond(rate),
                ReconcileProgressStore.NONE,
                clock,
                Duration.ZERO);
    }

    private CognitoUserDirectory directory(String userPoolId) {
        return new CognitoUserDirectory(cognito(), userPoolId, new CognitoAttributesMapper());
    }

    private static SyncUserService syncUser(
            CognitoUserDirectory directory, DynamoDbUserRepository repository, Clock clock) {
        return new SyncUserService(
                directory,
                repository,
                repository,
                repository,
                new RegisterUserService(repository, clock),
                clock,
                TOMBSTONE_LIFETIME);
    }

    private synchronized DynamoDbUserRepository repository(String table) {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return repositories.computeIfAbsent(
                table, name -> new DynamoDbUserRepository(DynamoDbClients.enhanced(dynamoDb), name));
    }

    @Override
    public synchronized void close() {
        if (cognito != null) {
            cognito.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }
}
