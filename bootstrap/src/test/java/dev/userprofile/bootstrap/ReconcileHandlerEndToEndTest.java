package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.local.support.cognito.CognitoPagingProxy;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.IamStatements;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled reconcile as Lambda runs it (handler, wiring, the template's variables) against cognito-local and
 * dynalite; Cognito's requests pass a recording proxy.
 */
@ExtendWith({SharedLocalTables.class, SharedCognitoLocal.class})
class ReconcileHandlerEndToEndTest {

    static final String RECONCILE = "ReconcileFunction";

    private static LocalTables tables;
    private static FaultInjectingProxy cognitoFront;
    private static CognitoIdentityProviderClient admin;
    /** Pages as Cognito does (60 users), which cognito-local does not. */
    private static CognitoPagingProxy paging;

    private String poolId;

    @BeforeAll
    static void start(LocalTables shared, CognitoLocalServer cognitoLocal) throws Exception {
        tables = shared;
        cognitoFront = new FaultInjectingProxy(cognitoLocal.endpoint());
        paging = new CognitoPagingProxy(cognitoLocal.endpoint());
        admin = cognitoLocal.client();
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cognitoFront.close();
        paging.close();
    }

    @BeforeEach
    void freshPoolAndTable() {
        tables.reset();
        poolId = admin.createUserPool(b -> b.poolName("reconcile-" + UUID.randomUUID()))
                .userPool()
                .id();
        cognitoFront.clearRequests();
    }

    private ReconcileHandler handler() {
        return handler(cognitoFront.endpoint());
    }

    private ReconcileHandler handler(java.net.URI cognito) {
        Map<String, String> environment =
                new HashMap<>(tables.functionEnvironment(RECONCILE, Map.of("UserPool", poolId)));
        environment.put(CognitoClients.ENDPOINT_VARIABLE, cognito.toString());
        // Fast, for a test; the template's default is 5.
        environment.put("RECONCILE_CALLS_PER_SECOND", "30");
        return new ReconcileHandler(environment);
    }

    private static LocalLambdaContext run(ReconcileHandler handler) {
        return run(handler, LocalLambdaContext.withTimeout(Duration.ofMinutes(15), line -> {}), SCHEDULED);
    }

    private static final String SCHEDULED = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}";

    /** What the template's Continue schedule sends. */
    private static final String CONTINUE = continueInput();

    private static String continueInput() {
        Map<String, Object> events = CloudFormationYaml.map(
                CloudFormationYaml.properties(
                                CloudFormationYaml.load(CloudFormationYaml.findTemplate()),
                                RECONCILE,
                                "AWS::Serverless::Function")
                        .get("Events"),
                "Events");
        Map<String, Object> properties = CloudFormationYaml.map(
                CloudFormationYaml.map(events.get("Continue"), "Continue").get("Properties"), "Properties");
        return (String) properties.get("Input");
    }

    private static LocalLambdaContext run(ReconcileHandler handler, LocalLambdaContext context, String event) {
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    context);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + ", logging " + context.logLines(), e);
        }
        return context;
    }

    private String confirmedUser(String email) {
        return PoolUsers.confirmed(admin, poolId, email);
    }

    private static void storeProfile(String sub, String email) {
        tables.client()
                .putItem(b -> b.tableName(tables.tableName())
                        .item(Map.of(
                                "userId", AttributeValue.fromS(sub),
                                "email", AttributeValue.fromS(email),
                                "emailVerified", AttributeValue.fromBool(true),
                                "givenName", AttributeValue.fromS("Own name"),
                                "registeredAt", AttributeValue.fromS("2026-01-01T00:00:00Z"),
                                "version", AttributeValue.fromN("1"))));
    }

    @Test
    void registersMissingUsersRefreshesStaleOnesAndErasesTheGoneAndTheRoleCoversEveryCall() {
        Set<String> inLine = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            String email = "u" + i + "-" + UUID.randomUUID() + "@example.com";
            String sub = confirmedUser(email);
            storeProfile(sub, email);
            inLine.add(sub);
        }
        String missing = confirmedUser("missing-" + UUID.randomUUID() + "@example.com");
        String staleEmail = "stale-" + UUID.randomUUID() + "@example.com";
        String stale = confirmedUser(staleEmail);
        storeProfile(stale, "old-" + staleEmail);
        String goneEmail = "gone-" + UUID.randomUUID() + "@example.com";
        String gone = confirmedUser(goneEmail);
        storeProfile(gone, goneEmail);
        admin.adminDeleteUser(b -> b.userPoolId(poolId).username(goneEmail));
        ReconcileHandler handler = handler();
        tables.front().clearRequests();
        cognitoFront.clearRequests();

        LocalLambdaContext context = run(handler);

        assertThat(tables.item(missing))
                .containsKey("email")
                .containsEntry("accountStatus", AttributeValue.fromS("ACTIVE"));
        assertThat(tables.item(stale))
                .containsEntry("email", AttributeValue.fromS(staleEmail))
                .containsEntry("givenName", AttributeValue.fromS("Own name"));
        assertThat(tables.item(gone).keySet())
                .containsExactlyInAnyOrder("userId", "erasedAt", "erasureReason", "expiresAt");
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"event\":\"reconcile\"", "\"outcome\":\"RECONCILED\"")
                .contains("\"Checked\":32", "\"Missing\":1", "\"Stale\":1", "\"Erased\":1", "\"Refused\":0")
                .doesNotContain("@example.com");

        Map<String, Set<String>> granted = IamStatements.actionsBySid(
                CloudFormationYaml.load(CloudFormationYaml.findTemplate()), "ReconcileFunctionRole");
        // Which table each goes to is the SAM translation test's (test_its_role_reads_only_the_stacks_pool...).
        Set<String> dynamoDbGranted = new TreeSet<>(granted.get("ReconcileProfiles"));
        dynamoDbGranted.addAll(granted.get("CompareListedUsers"));
        dynamoDbGranted.addAll(granted.get("KeepReconcileProgress"));
        assertThat(dynamoDbGranted)
                .isEqualTo(tables.operations().stream()
                        .map(operation -> "dynamodb:" + operation)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(granted.get("ReadPoolUsers"))
                .isEqualTo(cognitoFront.operations().stream()
                        .map(operation -> "cognito-idp:" + operation)
                        .collect(Collectors.toCollection(TreeSet::new)));

        tables.front().clearRequests();
        LocalLambdaContext again = run(handler);
        assertThat(again.logLines()).singleElement().asString().contains("\"Drift\":0");
        assertThat(tables.operations())
                .as("nothing left to change: reads, and the run's own progress")
                .doesNotContain("PutItem")
                .contains("Scan", "BatchGetItem");
    }

    @Test
    void aRunThatOutlastsAnInvocationPausesAndTheContinueEventsFinishIt() {
        Set<String> subs = new TreeSet<>();
        for (int i = 0; i < 130; i++) {
            String email = "p" + i + "-" + UUID.randomUUID() + "@example.com";
            String sub = confirmedUser(email);
            if (i % 10 != 0) {
                storeProfile(sub, email);
            }
            subs.add(sub);
        }
        String gone = UUID.randomUUID().toString();
        storeProfile(gone, "gone@example.com");
        ReconcileHandler handler = handler(paging.endpoint());

        // Each invocation has time for one listing page (60 users), then its deadline is near.
        java.util.List<String> lines = new java.util.ArrayList<>();
        String event = SCHEDULED;
        for (int invocation = 0; invocation < 20; invocation++) {
            int[] asked = {0};
            LocalLambdaContext context =
                    run(handler, LocalLambdaContext.withRemainingTime(() -> asked[0]++ < 1 ? 900_000 : 60_000), event);
            lines.addAll(context.logLines());
            if (context.logLines().getLast().contains("\"outcome\":\"RECONCILED\"")) {
                break;
            }
            event = CONTINUE;
        }

        assertThat(lines).hasSizeGreaterThan(3);
        assertThat(lines.subList(0, lines.size() - 1))
                .allSatisfy(line ->
                        assertThat(line).contains("\"outcome\":\"PAUSED\"").doesNotContain("_aws"));
        assertThat(lines.getLast())
                .contains("\"outcome\":\"RECONCILED\"", "\"Checked\":130", "\"Missing\":13", "\"Erased\":1");
        subs.forEach(sub -> assertThat(tables.item(sub)).containsKey("email"));
        assertThat(tables.item(gone).keySet())
                .containsExactlyInAnyOrder("userId", "erasedAt", "erasureReason", "expiresAt");

        LocalLambdaContext idle =
                run(handler, LocalLambdaContext.withTimeout(Duration.ofMinutes(15), l -> {}), CONTINUE);
        assertThat(idle.logLines())
                .as("no run under way: the Continue event ends at once")
                .allSatisfy(line -> assertThat(line).contains("NOTHING_TO_CONTINUE"));
    }

    @Test
    void aMalformedEventRunsNothingAndSaysSo() {
        String sub = confirmedUser("m-" + UUID.randomUUID() + "@example.com");
        LocalLambdaContext context = LocalLambdaContext.withTimeout(Duration.ofMinutes(15), line -> {});

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(handler(), context, "{\"continue\":\"yes\""))
                .hasMessageContaining("MALFORMED_EVENT");

        assertThat(context.logLines()).singleElement().asString().contains("\"reason\":\"MALFORMED_EVENT\"");
        assertThat(tables.item(sub)).isEmpty();
    }

    @Test
    void aPoolThatListsNobodyIsRefusedAndTheTableIsKept() {
        storeProfile(UUID.randomUUID().toString(), "a@example.com");
        storeProfile(UUID.randomUUID().toString(), "b@example.com");

        LocalLambdaContext context = run(handler());

        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"outcome\":\"ERASURE_REFUSED\"", "\"refusal\":\"POOL_LISTS_NO_USERS\"", "\"Refused\":1");
        assertThat(tables.itemCount()).isEqualTo(2);
        assertThat(tables.operations()).doesNotContain("PutItem");
    }
}
