package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import dev.userprofile.bootstrap.wiring.ServiceComponent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SnapStart hook, built by the real Dagger graph, against dynalite. */
class SnapStartPrimingTest {

    @BeforeEach
    void emptyTable() {
        E2eDynamoDb.recreateTable();
    }

    @Test
    void beforeCheckpointRunsTheSdkCallPathsAndWritesNothing() {
        SnapStartPriming priming = ServiceComponent.create(Configuration.fromEnvironment(System.getenv()))
                .snapStartPriming();
        RecordingInterceptor.clear();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            priming.beforeCheckpoint(null);
        } finally {
            System.setOut(original);
        }

        assertThat(RecordingInterceptor.operations()).hasSize(2 * SnapStartPriming.REQUEST_ROUNDS)
                .containsOnly("DynamoDb:GetItem", "DynamoDb:PutItem");
        assertThat(E2eDynamoDb.itemCount()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("\"event\":\"snapstart_priming\"",
                "\"outcome\":\"PRIMED\"").doesNotContain("probe@");
    }

    @Test
    void afterRestoreChangesNothing() {
        SnapStartPriming priming = ServiceComponent.create(Configuration.fromEnvironment(System.getenv()))
                .snapStartPriming();
        RecordingInterceptor.clear();

        priming.afterRestore(null);

        assertThat(RecordingInterceptor.operations()).isEmpty();
    }
}
