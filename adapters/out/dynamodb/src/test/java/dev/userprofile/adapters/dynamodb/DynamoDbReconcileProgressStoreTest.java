package dev.userprofile.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.out.ListedUsers;
import dev.userprofile.application.port.out.ReconcileProgress;
import dev.userprofile.application.port.out.ReconcileProgressStore.Claim;
import dev.userprofile.application.port.out.ReconcileTally;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.domain.UserId;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reconcile's progress table against a real DynamoDB-API server (dynalite), with the template's key schema. */
class DynamoDbReconcileProgressStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofMinutes(16));

    private static LocalTables tables;
    private DynamoDbReconcileProgressStore store;

    @BeforeAll
    static void startDynalite() {
        tables = LocalTables.start("profiles-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopDynalite() {
        tables.close();
    }

    @BeforeEach
    void emptyTables() {
        tables.reset();
        store = new DynamoDbReconcileProgressStore(
                tables.client(), LocalTables.stateTableName(tables.tableName()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ReconcileProgress progress(int users, ReconcileProgress.Phase phase, Optional<String> position) {
        ListedUsers listed = ListedUsers.sizedFor(users, 11);
        IntStream.range(0, users).forEach(n -> listed.add(sub(n)));
        return new ReconcileProgress(
                NOW.minusSeconds(600), phase, position, listed, new ReconcileTally(users, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    private static UserId sub(int n) {
        return new UserId(new UUID(n, n * 7L).toString());
    }

    @Test
    void oneInvocationAtATimeHoldsTheRunUntilItLetsGoOrItsTimeRunsOut() {
        assertThat(store.claim(NOW, UNTIL)).isEqualTo(new Claim.Fresh(0));

        assertThat(store.claim(NOW.plusSeconds(60), UNTIL.plusSeconds(60))).isEqualTo(new Claim.Busy(UNTIL));

        assertThat(store.claim(UNTIL, UNTIL.plusSeconds(960)))
                .as("its time is out: another may take over")
                .isInstanceOf(Claim.Fresh.class);
        store.release();
        assertThat(store.claim(NOW, UNTIL)).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    void aSavedRunComesBackWholeAndLetsGoOfTheRun() {
        store.claim(NOW, UNTIL);
        ReconcileProgress saved = progress(1_000, ReconcileProgress.Phase.LISTING, Optional.of("page-token/+=="));

        store.save(saved);
        Claim claim = store.claim(NOW.plusSeconds(1), UNTIL);

        assertThat(claim).isInstanceOf(Claim.Resumed.class);
        ReconcileProgress back = ((Claim.Resumed) claim).progress();
        assertThat(back.startedAt()).isEqualTo(saved.startedAt());
        assertThat(back.phase()).isEqualTo(saved.phase());
        assertThat(back.position()).isEqualTo(saved.position());
        assertThat(back.tally()).isEqualTo(saved.tally());
        assertThat(back.listed().toBytes()).isEqualTo(saved.listed().toBytes());
    }

    @Test
    void aFilterLargerThanAnItemIsSavedInChunks() {
        store.claim(NOW, UNTIL);
        ReconcileProgress saved = progress(400_000, ReconcileProgress.Phase.ERASING, Optional.empty());
        assertThat(saved.listed().toBytes().length).isGreaterThan(DynamoDbReconcileProgressStore.CHUNK_BYTES);

        store.save(saved);
        ReconcileProgress back = ((Claim.Resumed) store.claim(NOW, UNTIL)).progress();

        assertThat(back.listed().toBytes()).isEqualTo(saved.listed().toBytes());
        assertThat(back.position()).isEmpty();
        assertThat(IntStream.range(0, 400_000).allMatch(n -> back.listed().mightContain(sub(n))))
                .isTrue();
    }

    @Test
    void aSaveCutShortLeavesThePreviousSaveWhole() {
        DynamoDbReconcileProgressStore recorded = new DynamoDbReconcileProgressStore(
                tables.recordedClient(),
                LocalTables.stateTableName(tables.tableName()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        recorded.claim(NOW, UNTIL);
        ReconcileProgress first = progress(500, ReconcileProgress.Phase.COUNTING, Optional.of("after-this"));
        recorded.save(first);
        recorded.claim(NOW, UNTIL);
        // The next save writes its chunks, then fails before the head names them.
        tables.front().failAlways(FaultInjectingProxy.Fault.INTERNAL_SERVER_ERROR_500, "UpdateItem");
        try {
            assertThatThrownBy(() ->
                            recorded.save(progress(2_000, ReconcileProgress.Phase.ERASING, Optional.of("further"))))
                    .isInstanceOf(UserStoreUnavailableException.class);
        } finally {
            tables.front().clear();
        }
        assertThat(tables.operations()).contains("PutItem");
        recorded.release();

        ReconcileProgress back = ((Claim.Resumed) recorded.claim(NOW, UNTIL)).progress();

        assertThat(back.listed().toBytes()).isEqualTo(first.listed().toBytes());
        assertThat(back.position()).contains("after-this");
        assertThat(back.phase()).isEqualTo(ReconcileProgress.Phase.COUNTING);
    }

    @Test
    void aProgressThatCannotBeReadBackIsDroppedAndTheRunStartsOver() {
        store.claim(NOW, UNTIL);
        store.save(progress(500, ReconcileProgress.Phase.LISTING, Optional.empty()));
        tables.client()
                .updateItem(b -> b.tableName(LocalTables.stateTableName(tables.tableName()))
                        .key(Map.of("run", AttributeValue.fromS("reconcile"), "part", AttributeValue.fromN("1")))
                        .updateExpression("SET #data = :bad")
                        .expressionAttributeNames(Map.of("#data", "data"))
                        .expressionAttributeValues(
                                Map.of(":bad", AttributeValue.fromB(SdkBytes.fromUtf8String("corrupt")))));

        assertThat(store.claim(NOW, UNTIL)).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    void aFinishedRunLeavesOnlyHowManyUsersItListed() {
        store.claim(NOW, UNTIL);
        store.save(progress(500, ReconcileProgress.Phase.ERASING, Optional.of("p")));
        store.claim(NOW, UNTIL);

        store.finish(1_234);

        assertThat(store.claim(NOW, UNTIL)).isEqualTo(new Claim.Fresh(1_234));
        Map<String, AttributeValue> head = tables.client()
                .getItem(b -> b.tableName(LocalTables.stateTableName(tables.tableName()))
                        .key(Map.of("run", AttributeValue.fromS("reconcile"), "part", AttributeValue.fromN("0")))
                        .consistentRead(true))
                .item();
        assertThat(head.keySet()).containsExactlyInAnyOrder("run", "part", "lastListed", "heldUntil");
    }
}
