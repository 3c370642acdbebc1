package dev.userprofile.local.testing.dynamodb;

import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.process.Shutdown;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateFunction;
import dev.userprofile.local.testing.template.TemplateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The local DynamoDB every tool and test uses: dynalite with template.yaml's profiles table, behind a proxy that
 * records each request the functions make (and can inject DynamoDB's failures), and the environment a function of
 * the template gets to reach it. The local stack, the tests and the benchmarks all start it this way.
 */
public final class LocalTables implements AutoCloseable {

    /** The template's table, which every function of the stack reads and writes. */
    public static final String TABLE_LOGICAL_ID = "ProfilesTable";
    /** The template's table where a reconcile run keeps its progress between invocations. */
    public static final String STATE_TABLE_LOGICAL_ID = "ReconcileStateTable";
    /** The region every local function and client uses. */
    public static final String REGION = LocalDynamoDb.REGION.id();

    /**
     * @param port       where functions reach DynamoDB on 127.0.0.1, a free port when 0
     * @param dataDir    where dynalite keeps its data; in memory when empty
     * @param tableName  the profiles table's local name (what {@code !Ref ProfilesTable} resolves to)
     */
    public record Options(int port, Optional<Path> dataDir, String tableName) {
        public static Options inMemory(String tableName) {
            return new Options(0, Optional.empty(), tableName);
        }
    }

    private final URI dynaliteEndpoint;
    /** dynalite when these tables started it; empty when they live on a server others share. */
    private final Optional<DynaliteServer> ownDynalite;

    private final FaultInjectingProxy front;
    private final DynamoDbClient client;
    private final DynamoDbClient recordedClient;
    private final TemplateTable table;
    private final TemplateTable stateTable;
    private final String tableName;

    private LocalTables(
            URI dynaliteEndpoint,
            Optional<DynaliteServer> ownDynalite,
            FaultInjectingProxy front,
            DynamoDbClient client,
            TemplateTable table,
            TemplateTable stateTable,
            String tableName) {
        this.dynaliteEndpoint = dynaliteEndpoint;
        this.ownDynalite = ownDynalite;
        this.front = front;
        this.client = client;
        this.recordedClient = LocalDynamoDb.client(front.endpoint());
        this.table = table;
        this.stateTable = stateTable;
        this.tableName = tableName;
    }

    /** dynalite in memory on free ports with the profiles table named {@code tableName}. */
    public static LocalTables start(String tableName) {
        return start(Options.inMemory(tableName));
    }

    /** Starts dynalite and its front and creates the table (an existing one in a kept data folder is reused). */
    public static LocalTables start(Options options) {
        DynaliteServer dynalite = DynaliteServer.start(0, options.dataDir());
        try {
            return create(dynalite.endpoint(), Optional.of(dynalite), options.port(), options.tableName());
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
    }

    /**
     * Tables named {@code tableName} on a dynalite that others share, behind a front of their own on a free port:
     * what one test class uses while others run beside it. Closing them deletes the tables and leaves dynalite up.
     */
    public static LocalTables on(DynaliteServer shared, String tableName) {
        return create(shared.endpoint(), Optional.empty(), 0, tableName);
    }

    private static LocalTables create(
            URI dynaliteEndpoint, Optional<DynaliteServer> ownDynalite, int frontPort, String tableName) {
        FaultInjectingProxy front = null;
        DynamoDbClient client = null;
        try {
            front = new FaultInjectingProxy(dynaliteEndpoint, frontPort);
            client = LocalDynamoDb.client(dynaliteEndpoint);
            TemplateTable table = TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), TABLE_LOGICAL_ID);
            table.create(client, tableName);
            TemplateTable stateTable =
                    TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), STATE_TABLE_LOGICAL_ID);
            stateTable.create(client, stateTableName(tableName));
            return new LocalTables(dynaliteEndpoint, ownDynalite, front, client, table, stateTable, tableName);
        } catch (IOException | RuntimeException e) {
            if (ownDynalite.isEmpty() && client != null) {
                // A shared dynalite outlives this failure: take back what was made of the two tables.
                deleteIfPresent(client, List.of(tableName, stateTableName(tableName)));
            }
            Shutdown.closeAll(client, front);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void deleteIfPresent(DynamoDbClient client, List<String> tableNames) {
        for (String name : tableNames) {
            try {
                client.deleteTable(b -> b.tableName(name));
            } catch (ResourceNotFoundException absent) {
                // Never made, or dropped by the test.
            }
        }
    }

    /** Where functions reach DynamoDB: through the recording front. */
    public URI endpoint() {
        return front.endpoint();
    }

    /** dynalite itself, behind the front: for measurements that must not pay for the front's extra hop. */
    public URI directEndpoint() {
        return dynaliteEndpoint;
    }

    /** The front: what it recorded, and failures to inject. */
    public FaultInjectingProxy front() {
        return front;
    }

    /** The operations functions sent through {@link #endpoint()} so far ({@code PutItem}, {@code GetItem} ...). */
    public List<String> operations() {
        return front.operations();
    }

    /** A client straight to dynalite, for setting up and checking data: what it does is not recorded. */
    public DynamoDbClient client() {
        return client;
    }

    /** A client through the recording front, for code under test that is given a client rather than a variable. */
    public DynamoDbClient recordedClient() {
        return recordedClient;
    }

    public String tableName() {
        return tableName;
    }

    /** The reconcile's progress table that goes with the profiles table {@code tableName}. */
    public static String stateTableName(String tableName) {
        return tableName + "-reconcile-state";
    }

    /**
     * The variables {@code logicalId} gets from template.yaml, resolved to these tables, plus what Lambda would set
     * (region, function name) and local credentials.
     */
    public Map<String, String> functionEnvironment(String logicalId) {
        return functionEnvironment(logicalId, tableName, endpoint());
    }

    /**
     * The same for a function whose variables name other local resources too (the sync function names the pool:
     * {@code UserPool} to a cognito-local pool id).
     */
    public Map<String, String> functionEnvironment(String logicalId, Map<String, String> otherResources) {
        return functionEnvironment(logicalId, tableName, endpoint(), otherResources);
    }

    /** The same for tables named {@code tableName} reached at {@code endpoint}, running or not (yet). */
    public static Map<String, String> functionEnvironment(String logicalId, String tableName, URI endpoint) {
        return functionEnvironment(logicalId, tableName, endpoint, Map.of());
    }

    /** The same with other local resources named (a pool's id for {@code UserPool}, say). */
    public static Map<String, String> functionEnvironment(
            String logicalId, String tableName, URI endpoint, Map<String, String> otherResources) {
        Path template = CloudFormationYaml.findTemplate();
        TemplateFunction function = TemplateFunction.fromTemplate(template, logicalId);
        // A reference to a parameter resolves to its default, as a deployment that sets none.
        Map<String, String> names =
                new HashMap<>(CloudFormationYaml.parameterDefaults(CloudFormationYaml.load(template)));
        names.putAll(otherResources);
        names.put(TABLE_LOGICAL_ID, tableName);
        names.put(STATE_TABLE_LOGICAL_ID, stateTableName(tableName));
        Map<String, String> environment = new HashMap<>(function.resolvedEnvironment(names));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        return environment;
    }

    /** Empty tables again (no profile, no reconcile under way), and nothing recorded or queued at the front. */
    public void reset() {
        try {
            dropTable();
        } catch (ResourceNotFoundException absent) {
            // Already gone.
        }
        table.create(client, tableName);
        // A few items at most (a run's head and filter chunks): cheaper to delete than the table.
        String state = stateTableName(tableName);
        stateTable.create(client, state);
        client.scanPaginator(b -> b.tableName(state).consistentRead(true))
                .items()
                .forEach(item -> client.deleteItem(
                        b -> b.tableName(state).key(Map.of("run", item.get("run"), "part", item.get("part")))));
        front.clear();
        front.clearRequests();
    }

    /** Drops the table, as when DynamoDB cannot serve it. */
    public void dropTable() {
        client.deleteTable(b -> b.tableName(tableName));
        try (var waiter = TemplateTable.fastWaiter(client)) {
            waiter.waitUntilTableNotExists(b -> b.tableName(tableName));
        }
    }

    /** Stores a minimal profile for {@code userId} (a registered user with a given name, version 1), for set-ups. */
    public void storeProfile(String userId, String givenName) {
        client.putItem(b -> b.tableName(tableName)
                .item(Map.of(
                        "userId", AttributeValue.fromS(userId),
                        "givenName", AttributeValue.fromS(givenName),
                        "registeredAt", AttributeValue.fromS("2026-11-30T00:00:00Z"),
                        "version", AttributeValue.fromN("1"),
                        "schemaVersion", AttributeValue.fromN("1"))));
    }

    /** The stored item under {@code userId}, read consistently; empty when there is none. */
    public Map<String, AttributeValue> item(String userId) {
        return client.getItem(b ->
                        b.tableName(tableName).consistentRead(true).key(Map.of("userId", AttributeValue.fromS(userId))))
                .item();
    }

    public int itemCount() {
        return client.scan(b -> b.tableName(tableName).consistentRead(true)).count();
    }

    @Override
    public void close() {
        if (ownDynalite.isPresent()) {
            Shutdown.closeAll(recordedClient, client, front, ownDynalite.get());
            return;
        }
        // On a shared dynalite: leave it as found, so a long test run does not pile tables up in memory.
        try {
            deleteIfPresent(client, List.of(tableName, stateTableName(tableName)));
        } finally {
            Shutdown.closeAll(recordedClient, client, front);
        }
    }
}
