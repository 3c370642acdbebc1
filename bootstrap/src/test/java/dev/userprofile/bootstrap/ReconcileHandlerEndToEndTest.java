package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.local.support.cognito.CognitoLocalServer;
import dev.userprofile.local.support.cognito.PoolUsers;
import dev.userprofile.local.support.dynamodb.LocalTables;
import dev.userprofile.local.support.lambda.LocalLambdaContext;
import dev.userprofile.local.support.net.FaultInjectingProxy;
import dev.userprofile.local.support.template.CloudFormationYaml;
import dev.userprofile.local.support.template.IamStatements;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    private String poolId;

    @BeforeAll
    static void start(LocalTables shared, CognitoLocalServer cognitoLocal) throws Exception {
        tables = shared;
        cognitoFront = new FaultInjectingProxy(cognitoLocal.endpoint());
        admin = cognitoLocal.client();
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cognitoFront.close();
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
        Map<String, String> environment =
                new HashMap<>(tables.functionEnvironment(RECONCILE, Map.of("UserPool", poolId)));
        environment.put(
                CognitoClients.ENDPOINT_VARIABLE, cognitoFront.endpoint().toString());
        // Fast, for a test; the template's default is 5.
        environment.put("RECONCILE_CALLS_PER_SECOND", "30");
        return new ReconcileHandler(environment);
    }

    private static LocalLambdaContext run(ReconcileHandler handler) {
        LocalLambdaContext context = new LocalLambdaContext();
        handler.handleRequest(
                new ByteArrayInputStream("{\"source\":\"aws.scheduler\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(),
                context);
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
        assertThat(granted.get("ReconcileProfiles"))
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
        assertThat(tables.operations()).as("nothing left to change").containsOnly("Scan");
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
