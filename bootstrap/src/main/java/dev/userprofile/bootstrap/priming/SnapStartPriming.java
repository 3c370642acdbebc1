package dev.userprofile.bootstrap.priming;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.cognito.PostConfirmationCommandMapper;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs the registration path once before the SnapStart snapshot, so the classes it loads and the code it warms are
 * in the snapshot rather than paid for by the first user after a restore: the event object and attribute mapping
 * (identities JSON included), the domain's validation, the item mapping, and real DynamoDB requests: a read of a
 * key that never exists, and a PutItem whose condition no item can meet. It never writes.
 */
public final class SnapStartPriming implements Resource {

    private static final CognitoUserPoolPostConfirmationEvent SAMPLE = CognitoUserPoolPostConfirmationEvent.builder()
            .withVersion("1")
            .withTriggerSource("PostConfirmation_ConfirmSignUp")
            .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder()
                    .withUserAttributes(Map.of(
                            "sub", "00000000-0000-4000-8000-000000000000",
                            "email", "probe@example.invalid",
                            "email_verified", "true",
                            "phone_number", "+15550100000",
                            "given_name", "Probe",
                            "family_name", "Probe",
                            "name", "Probe",
                            "locale", "en-GB",
                            "identities", "[{\"providerName\":\"Probe\",\"primary\":\"true\"}]"))
                    .build())
            .build();

    public static final int MAPPING_ROUNDS = 2_000;
    public static final int REQUEST_ROUNDS = 25;

    private final PostConfirmationCommandMapper mapper;
    private final DynamoDbUserRepository repository;

    public SnapStartPriming(PostConfirmationCommandMapper mapper, DynamoDbUserRepository repository) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        prime();
        // No Lambda context exists before a checkpoint; stdout reaches the function's log all the same.
        System.out.println("{\"event\":\"snapstart_priming\",\"outcome\":\"PRIMED\",\"durationMs\":"
                + (System.nanoTime() - start) / 1_000_000 + "}");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials come from the container endpoint on demand, and the SDK retries a pooled
        // connection that did not survive the snapshot.
    }

    /**
     * The priming itself, without the log line. Repeated so that the JIT compiles the hot paths before the snapshot
     * (SnapStart runs the JVM with full tiered compilation); the requests are a handful of reads and refused puts.
     */
    public void prime() {
        for (int i = 0; i < MAPPING_ROUNDS; i++) {
            mapper.toCommand(SAMPLE);
        }
        for (int i = 0; i < REQUEST_ROUNDS; i++) {
            repository.warmUp();
        }
    }
}
