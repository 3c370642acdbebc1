package dev.userprofile.bootstrap.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.userprofile.adapters.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.bootstrap.logging.JsonLogLine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs the registration path before the SnapStart snapshot, so the classes it loads and the code it warms are in the
 * snapshot rather than paid for by the first user after a restore: the attribute mapping (identities JSON included),
 * the domain's validation, the item mapping, and real DynamoDB requests through each client (registration and
 * sign-in): a read of a key that never exists, and a PutItem whose condition no item can meet. It never writes.
 *
 * <p>Best effort: the runtime turns anything a beforeCheckpoint hook throws into an init error, which fails the
 * version's publication (and the stack's deployment) or a snapshot Lambda re-creates on its own. So a step that
 * fails (DynamoDB throttled, unreachable, an IAM change still propagating) is logged once as a warning and skipped,
 * and the snapshot goes ahead; the function then simply loads that part on first use.
 */
public final class SnapStartPriming implements Resource {

    private static final Map<String, String> SAMPLE = Map.of(
            "sub", "00000000-0000-4000-8000-000000000000",
            "email", "probe@example.invalid",
            "email_verified", "true",
            "phone_number", "+15550100000",
            "given_name", "Probe",
            "family_name", "Probe",
            "name", "Probe",
            "locale", "en-GB",
            "identities", "[{\"providerName\":\"Probe\",\"primary\":\"true\"}]");

    public static final int MAPPING_ROUNDS = 2_000;
    public static final int REQUEST_ROUNDS = 25;

    private final CognitoAttributesMapper mapper;
    private final List<DynamoDbUserRepository> repositories;
    private final Clock clock;
    private final Supplier<LambdaLogger> logger;

    /**
     * @param logger where the lines go: no Lambda context exists before a checkpoint, so Lambda's runtime logger,
     *               which writes to the function's log all the same
     */
    public SnapStartPriming(CognitoAttributesMapper mapper, List<DynamoDbUserRepository> repositories, Clock clock,
                            Supplier<LambdaLogger> logger) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.repositories = List.copyOf(repositories);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        int failed = prime();
        JsonLogLine.of(clock, LogLevel.INFO)
                .with("event", "snapstart_priming")
                .with("outcome", failed == 0 ? "PRIMED" : "PARTLY_PRIMED")
                .with("failedSteps", failed)
                .with("durationMs", (System.nanoTime() - start) / 1_000_000)
                .writeTo(logger.get());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials come from the container endpoint on demand, and the SDK retries a pooled
        // connection that did not survive the snapshot.
    }

    /**
     * The priming itself, without the summary line; returns how many steps failed. Repeated so that the JIT compiles
     * the hot paths before the snapshot (SnapStart runs the JVM with full tiered compilation). A step stops at its
     * first failure: repeating a failing request would only spend the SDK's retry capacity and the deploy's time.
     */
    public int prime() {
        int failed = 0;
        if (!step("attribute-mapping", () -> {
            for (int i = 0; i < MAPPING_ROUNDS; i++) {
                mapper.toRegistration(SAMPLE, "priming");
            }
        })) {
            failed++;
        }
        for (int r = 0; r < repositories.size(); r++) {
            DynamoDbUserRepository repository = repositories.get(r);
            if (!step("dynamodb-requests-" + (r + 1), () -> {
                for (int i = 0; i < REQUEST_ROUNDS; i++) {
                    repository.warmUp();
                }
            })) {
                failed++;
            }
        }
        return failed;
    }

    private boolean step(String name, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            // The message names the table and the error code at most (the repository never quotes item data).
            JsonLogLine.of(clock, LogLevel.WARN)
                    .with("event", "snapstart_priming")
                    .with("step", name)
                    .with("outcome", "STEP_SKIPPED")
                    .with("errorType", e.getClass().getName())
                    .with("error", e.getMessage())
                    .writeTo(logger.get());
            return false;
        }
    }
}
