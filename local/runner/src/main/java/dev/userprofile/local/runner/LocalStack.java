package dev.userprofile.local.runner;

import dev.userprofile.bootstrap.ReconcileHandler;
import dev.userprofile.local.support.cognito.CognitoEventRecorder;
import dev.userprofile.local.support.cognito.PoolTokenVerifier;
import dev.userprofile.local.support.lambda.InvokeApi;
import dev.userprofile.local.support.lambda.LocalHttpApi;
import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.support.lambda.RuntimeApi;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.process.Shutdown;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole chain on loopback, no AWS and no Docker: dynalite with the profiles table from template.yaml, the
 * deployable function run by the Lambda Java runtime behind a Lambda Invoke endpoint, cognito-local whose triggers
 * call that endpoint, with one user pool and app client created in it, and the profile API served as API Gateway
 * would (JWT authorizer on that pool, payload 2.0) by its own function.
 */
public final class LocalStack implements AutoCloseable {

    public static final String FUNCTION_LOGICAL_ID = "PostConfirmationFunction";
    public static final String API_FUNCTION_LOGICAL_ID = "ProfileApiFunction";
    public static final String SYNC_FUNCTION_LOGICAL_ID = "UserSyncFunction";
    public static final String RECONCILE_FUNCTION_LOGICAL_ID = "ReconcileFunction";
    static final String USER_POOL_LOGICAL_ID = "UserPool";
    public static final String TABLE_NAME = "user-profiles-local";
    public static final String REGION = LocalTables.REGION;
    /** The SDK's standard variable for Cognito's endpoint, as every function and the operator tool read it. */
    static final String COGNITO_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    /** Where each part listens (0 = any free port) and whether data is kept. */
    public record Options(
            int dynalitePort, int lambdaPort, int cognitoPort, int apiPort, Optional<Path> dataDir, String code) {
        public static Options defaults() {
            return new Options(4567, 9001, 9229, 9002, Optional.empty(), "123456");
        }

        public static Options freePorts() {
            return new Options(0, 0, 0, 0, Optional.empty(), "123456");
        }
    }

    private final LocalTables tables;
    private final InvokeApi invokeApi;
    private final LocalLambda lambda;
    private final LocalLambda apiFunction;
    private final LocalLambda syncFunction;
    private final LocalHttpApi api;
    private final CognitoLocalServer cognito;
    private final CognitoEventRecorder cloudTrail;
    private final CognitoIdentityProviderClient cognitoClient;
    private final String userPoolId;
    private final String clientId;
    private ReconcileHandler reconcileHandler;

    private LocalStack(
            LocalTables tables,
            InvokeApi invokeApi,
            LocalLambda lambda,
            LocalLambda apiFunction,
            LocalLambda syncFunction,
            LocalHttpApi api,
            CognitoLocalServer cognito,
            CognitoEventRecorder cloudTrail,
            CognitoIdentityProviderClient cognitoClient,
            String userPoolId,
            String clientId) {
        this.tables = tables;
        this.invokeApi = invokeApi;
        this.lambda = lambda;
        this.apiFunction = apiFunction;
        this.syncFunction = syncFunction;
        this.api = api;
        this.cognito = cognito;
        this.cloudTrail = cloudTrail;
        this.cognitoClient = cognitoClient;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
    }

    /** Starts everything, stopping what already started if a later part fails. */
    public static LocalStack start(Options options, Consumer<String> functionLog, Consumer<String> cognitoLog) {
        Path template = CloudFormationYaml.findTemplate();
        LocalTables tables = null;
        InvokeApi invokeApi = null;
        LocalLambda lambda = null;
        LocalLambda apiFunction = null;
        LocalLambda syncFunction = null;
        LocalHttpApi api = null;
        CognitoLocalServer cognito = null;
        CognitoEventRecorder cloudTrail = null;
        CognitoIdentityProviderClient cognitoClient = null;
        try {
            tables = LocalTables.start(new LocalTables.Options(
                    options.dynalitePort(), options.dataDir().map(d -> d.resolve("dynamodb")), TABLE_NAME));

            TemplateFunction function = TemplateFunction.fromTemplate(template, FUNCTION_LOGICAL_ID);
            lambda = LocalLambda.start(new LocalLambda.Launch(
                    function,
                    LocalLambda.defaultArtifact(),
                    tables.functionEnvironment(FUNCTION_LOGICAL_ID),
                    List.of("--enable-native-access=ALL-UNNAMED"),
                    false,
                    0,
                    functionLog));

            invokeApi = new InvokeApi(options.lambdaPort());
            invokeApi.register(FUNCTION_LOGICAL_ID, lambda::invoke);

            Path cognitoDir =
                    options.dataDir().map(d -> d.resolve("cognito")).orElseGet(LocalStack::temporaryDirectory);
            // cognito-local behind a proxy that plays CloudTrail and EventBridge: users and tools reach the proxy.
            cognito = CognitoLocalServer.start(
                    0,
                    cognitoDir,
                    invokeApi.endpoint(),
                    function.logicalId(),
                    poolTriggers(template),
                    options.code(),
                    cognitoLog);
            String poolId;
            try (CognitoIdentityProviderClient direct = cognito.client()) {
                poolId = existingOrNewPool(direct);
            }
            Map<String, String> syncEnvironment =
                    new HashMap<>(tables.functionEnvironment(SYNC_FUNCTION_LOGICAL_ID, Map.of("UserPool", poolId)));
            syncEnvironment.put(COGNITO_ENDPOINT_VARIABLE, cognito.endpoint().toString());
            syncFunction = LocalLambda.start(new LocalLambda.Launch(
                    TemplateFunction.fromTemplate(template, SYNC_FUNCTION_LOGICAL_ID),
                    LocalLambda.defaultArtifact(),
                    syncEnvironment,
                    List.of("--enable-native-access=ALL-UNNAMED"),
                    false,
                    0,
                    line -> functionLog.accept("sync | " + line)));
            invokeApi.register(SYNC_FUNCTION_LOGICAL_ID, syncFunction::invoke);
            LocalLambda sync = syncFunction;
            cloudTrail = new CognitoEventRecorder(
                    options.cognitoPort(), cognito.endpoint(), subscribedEvents(template), sync::invoke);
            cognitoClient = CognitoLocalServer.client(cloudTrail.endpoint());
            String clientId = existingOrNewClient(cognitoClient, poolId);
            // The API reads callers without a profile from the pool and deletes accounts in it, through the same
            // CloudTrail stand-in, so a deletion's event reaches the sync function as on AWS.
            Map<String, String> apiEnvironment =
                    new HashMap<>(tables.functionEnvironment(API_FUNCTION_LOGICAL_ID, Map.of("UserPool", poolId)));
            apiEnvironment.put(COGNITO_ENDPOINT_VARIABLE, cloudTrail.endpoint().toString());
            apiFunction = LocalLambda.start(new LocalLambda.Launch(
                    TemplateFunction.fromTemplate(template, API_FUNCTION_LOGICAL_ID),
                    LocalLambda.defaultArtifact(),
                    apiEnvironment,
                    List.of("--enable-native-access=ALL-UNNAMED"),
                    false,
                    0,
                    line -> functionLog.accept("api | " + line)));
            invokeApi.register(API_FUNCTION_LOGICAL_ID, apiFunction::invoke);
            api = new LocalHttpApi(
                    options.apiPort(),
                    LocalHttpApi.routesOf(template, API_FUNCTION_LOGICAL_ID),
                    new PoolTokenVerifier(cognito.jwks(poolId), cognito.issuer(poolId), clientId),
                    apiFunction,
                    Clock.systemUTC());
            lambda.awaitReady(Duration.ofSeconds(30));
            apiFunction.awaitReady(Duration.ofSeconds(30));
            syncFunction.awaitReady(Duration.ofSeconds(30));
            LocalStack stack = new LocalStack(
                    tables,
                    invokeApi,
                    lambda,
                    apiFunction,
                    syncFunction,
                    api,
                    cognito,
                    cloudTrail,
                    cognitoClient,
                    poolId,
                    clientId);
            // On demand, as the schedule would: its summary line is the answer.
            invokeApi.register(
                    RECONCILE_FUNCTION_LOGICAL_ID,
                    event -> new RuntimeApi.InvocationResult(stack.reconcile(), Optional.empty()));
            return stack;
        } catch (RuntimeException e) {
            Shutdown.closeAll(
                    cognitoClient, api, cloudTrail, syncFunction, apiFunction, cognito, invokeApi, lambda, tables);
            throw e;
        }
    }

    private static String existingOrNewPool(CognitoIdentityProviderClient cognito) {
        return cognito.listUserPools(b -> b.maxResults(60)).userPools().stream()
                .filter(pool -> "user-profile-service-local".equals(pool.name()))
                .map(pool -> pool.id())
                .findFirst()
                .orElseGet(() -> cognito.createUserPool(b -> b.poolName("user-profile-service-local")
                                .usernameAttributes(UsernameAttributeType.EMAIL)
                                .autoVerifiedAttributes(List.of(VerifiedAttributeType.EMAIL))
                                .schema(s -> s.name("email")
                                        .attributeDataType(AttributeDataType.STRING)
                                        .required(true)))
                        .userPool()
                        .id());
    }

    private static String existingOrNewClient(CognitoIdentityProviderClient cognito, String poolId) {
        return cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                .filter(client -> "app".equals(client.clientName()))
                .map(client -> client.clientId())
                .findFirst()
                .orElseGet(() -> cognito.createUserPoolClient(
                                b -> b.userPoolId(poolId).clientName("app"))
                        .userPoolClient()
                        .clientId());
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("cognito-local-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the functions reach DynamoDB (and where a developer's tools can). */
    public URI dynamoDbEndpoint() {
        return tables.endpoint();
    }

    /**
     * Lambda's Invoke API for the functions (the trigger, the profile API, the sync function, and the reconcile on
     * demand), by logical id.
     */
    public URI lambdaEndpoint() {
        return invokeApi.endpoint();
    }

    /** Where users and tools reach Cognito: cognito-local behind the stack's CloudTrail stand-in. */
    public URI cognitoEndpoint() {
        return cloudTrail.endpoint();
    }

    /**
     * Runs the scheduled reconcile once, now, as its schedule would: the function's handler with the template's
     * variables, on this stack's pool and table; returns its summary line.
     */
    public synchronized String reconcile() {
        if (reconcileHandler == null) {
            // Built once, as Lambda keeps an execution environment: its clients live as long as the stack.
            Map<String, String> environment = new HashMap<>(
                    tables.functionEnvironment(RECONCILE_FUNCTION_LOGICAL_ID, Map.of("UserPool", userPoolId)));
            environment.put(COGNITO_ENDPOINT_VARIABLE, cognito.endpoint().toString());
            reconcileHandler = new ReconcileHandler(environment);
        }
        // Lambda's deadline for the function (Timeout: 900): a run that needs longer pauses before it.
        LocalLambdaContext context = LocalLambdaContext.withTimeout(Duration.ofMinutes(15), line -> {});
        reconcileHandler.handleRequest(
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                OutputStream.nullOutputStream(),
                context);
        return context.logLines().getLast();
    }

    /** The profile API, as API Gateway would serve it: {@code GET} and {@code PATCH} {@code {endpoint}/me}. */
    public URI apiEndpoint() {
        return api.endpoint();
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    public String code() {
        return cognito.code();
    }

    public String functionName() {
        return lambda.functionName();
    }

    public DynamoDbClient dynamoDb() {
        return tables.client();
    }

    public CognitoIdentityProviderClient cognito() {
        return cognitoClient;
    }

    @Override
    public void close() {
        Shutdown.closeAll(
                cognitoClient, api, cloudTrail, cognito, invokeApi, syncFunction, apiFunction, lambda, tables);
    }

    /** The Cognito calls template.yaml's rule sends to the sync function. */
    static List<String> subscribedEvents(Path template) {
        Map<String, Object> function = CloudFormationYaml.properties(
                CloudFormationYaml.load(template), SYNC_FUNCTION_LOGICAL_ID, "AWS::Serverless::Function");
        Map<String, Object> rule = CloudFormationYaml.map(
                CloudFormationYaml.map(
                                CloudFormationYaml.map(function.get("Events"), "Events")
                                        .get("CognitoUserChanges"),
                                "CognitoUserChanges")
                        .get("Properties"),
                "Properties");
        Map<String, Object> detail = CloudFormationYaml.map(
                CloudFormationYaml.map(rule.get("Pattern"), "Pattern").get("detail"), "detail");
        return CloudFormationYaml.list(detail.get("eventName"), "eventName").stream()
                .map(Object::toString)
                .toList();
    }

    /** The triggers template.yaml attaches to the user pool (the keys of its {@code LambdaConfig}). */
    static List<String> poolTriggers(Path template) {
        Map<String, Object> pool = CloudFormationYaml.properties(
                CloudFormationYaml.load(template), USER_POOL_LOGICAL_ID, "AWS::Cognito::UserPool");
        return List.copyOf(CloudFormationYaml.map(pool.get("LambdaConfig"), USER_POOL_LOGICAL_ID + ".LambdaConfig")
                .keySet());
    }
}
