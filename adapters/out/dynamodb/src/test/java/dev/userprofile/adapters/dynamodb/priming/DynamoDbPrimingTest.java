package dev.userprofile.adapters.dynamodb.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.application.port.out.UserRegistrar.AddResult;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The adapter's priming: its requests against a real DynamoDB API (dynalite) never write, and its rehearsal
 * repository answers as DynamoDB answers success with nothing listening anywhere.
 */
class DynamoDbPrimingTest {

    private static LocalTables tables;
    private static DynamoDbEnhancedClient enhanced;

    private final DynamoDbUserRepository rehearsal =
            DynamoDbPriming.rehearsalRepository("eu-west-1", "profiles", DynamoDbCallBudget.REGISTRATION);
    private final UserId someone = new UserId("9a1c1f0e-3b7d-4c55-8e2a-6f4b3c2d1e0f");

    @BeforeAll
    static void startDynalite() {
        tables = LocalTables.start("profiles-" + UUID.randomUUID());
        enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(tables.recordedClient())
                .build();
    }

    @AfterAll
    static void stopDynalite() {
        tables.close();
    }

    private static Map<String, AttributeValue> rawItem(String key) {
        return tables.client()
                .getItem(b -> b.tableName(tables.tableName())
                        .key(Map.of("userId", AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
    }

    @Test
    void theRequestsReadAndTryAPutThatCannotWriteInEveryRound() {
        int before = tables.client().scan(b -> b.tableName(tables.tableName())).count();
        tables.front().clearRequests();

        Priming requests = DynamoDbPriming.requests("dynamodb-requests", enhanced, tables.tableName());
        requests.prime();

        assertThat(requests.name()).isEqualTo("dynamodb-requests");
        assertThat(requests.rehearsed())
                .as("real requests, outside any invocation")
                .isFalse();
        assertThat(tables.operations())
                .containsExactlyElementsOf(
                        Collections.nCopies(Priming.REQUEST_ROUNDS, List.of("GetItem", "GetItem", "PutItem")).stream()
                                .flatMap(List::stream)
                                .toList());
        assertThat(tables.client().scan(b -> b.tableName(tables.tableName())).count())
                .isEqualTo(before);
        assertThat(rawItem(DynamoDbPriming.PROBE.value())).isEmpty();
    }

    @Test
    void theRequestsLeaveEvenAnItemUnderTheProbeKeyUntouched() {
        Map<String, AttributeValue> planted = Map.of(
                "userId", AttributeValue.fromS(DynamoDbPriming.PROBE.value()), "note", AttributeValue.fromS("keep"));
        tables.client().putItem(b -> b.tableName(tables.tableName()).item(planted));

        DynamoDbPriming.requests("dynamodb-requests", enhanced, tables.tableName())
                .prime();

        assertThat(rawItem(DynamoDbPriming.PROBE.value())).isEqualTo(planted);
        tables.client().deleteItem(b -> b.tableName(tables.tableName()).key(Map.of("userId", planted.get("userId"))));
    }

    @Test
    void aTableThatIsNotThereFailsThePartNamingTheTableAndNoUserData() {
        Priming requests = DynamoDbPriming.requests("dynamodb-requests", enhanced, "no-such-table");

        assertThatThrownBy(requests::prime)
                .hasMessage("DynamoDB warm-up on table no-such-table failed: ResourceNotFoundException (HTTP 400)");
    }

    @Test
    void everyRehearsedReadFindsTheSampleProfileUnderTheKeyAskedFor() {
        User found = rehearsal.findById(someone).orElseThrow();

        assertThat(found.id()).isEqualTo(someone);
        assertThat(found.version()).isEqualTo(DynamoDbPriming.SAMPLE.version());
        assertThat(found.profile()).isEqualTo(DynamoDbPriming.SAMPLE.profile());
        assertThat(rehearsal.exists(someone)).isTrue();
    }

    @Test
    void everyRehearsedWriteIsAccepted() {
        User user = User.register(
                someone,
                UserProfile.builder().givenName(new Name("Jane")).build(),
                Instant.parse("2026-11-30T12:00:00Z"));

        assertThat(rehearsal.addIfAbsent(user)).isEqualTo(AddResult.ADDED);
        assertThat(rehearsal.addIfAbsent(user)).as("nothing was kept").isEqualTo(AddResult.ADDED);
        assertThat(rehearsal.replace(user, 7)).isEqualTo(UserUpdater.ReplaceResult.REPLACED);
    }

    @Test
    void aCallTheRehearsalDoesNotKnowIsAMisuseNamedAsSuch() {
        assertThatThrownBy(() -> rehearsal.forEachUser(user -> {}))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("answers GetItem and PutItem, not DynamoDB_20120810.Scan");
    }
}
