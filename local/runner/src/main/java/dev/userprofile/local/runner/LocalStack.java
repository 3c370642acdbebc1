package dev.userprofile.local.runner;

import dev.userprofile.local.support.cognito.CognitoLocalServer;
import dev.userprofile.local.support.cognito.PoolTokenVerifier;
import dev.userprofile.local.support.dynamodb.LocalTables;
import dev.userprofile.local.support.lambda.InvokeApi;
import dev.userprofile.local.support.lambda.LocalHttpApi;
import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.support.process.Shutdown;
import dev.userprofile.local.support.template.CloudFormationYaml;
import dev.userprofile.local.support.template.TemplateFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    static final String USER_POOL_LOGICAL_ID = "UserPool";
    public static final String TABLE_NAME = "user-profiles-local";
    public static final String REGION = LocalTables.REGION;

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
    private final LocalHttpApi api;
    private final CognitoLocalServer cognito;
    private final CognitoIdentityProviderClient cognitoClient;
    private final String userPoolId;
    private final String clientId;

    private LocalStack(
            LocalTables tables,
            InvokeApi invokeApi,
            LocalLambda lambda,
            LocalLambda apiFunction,
            LocalHttpApi api,
            CognitoLocalServer cognito,
            CognitoIdentityProviderClient cognitoClient,
            String userPoolId,
            String clientId) {
        this.tables = tables;
        this.invokeApi = invokeApi;
        this.lambda = lambda;
        this.apiFunction = apiFunction;
        this.api = api;
        this.cognito = cognito;
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
        LocalHttpApi api = null;
        CognitoLocalServer cognito = null;
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
            TemplateFunction apiTemplate = TemplateFunction.fromTemplate(template, API_FUNCTION_LOGICAL_ID);
            apiFunction = LocalLambda.start(new LocalLambda.Launch(
                    apiTemplate,
                    LocalLambda.defaultArtifact(),
                    tables.functionEnvironment(API_FUNCTION_LOGICAL_ID),
                    List.of("--enable-native-access=ALL-UNNAMED"),
                    false,
                    0,
                    line -> functionLog.accept("api | " + line)));

            invokeApi = new InvokeApi(options.lambdaPort());
            invokeApi.register(FUNCTION_LOGICAL_ID, lambda::invoke);
            invokeApi.register(API_FUNCTION_LOGICAL_ID, apiFunction::invoke);

            Path cognitoDir =
                    options.dataDir().map(d -> d.resolve("cognito")).orElseGet(LocalStack::temporaryDirectory);
            cognito = CognitoLocalServer.start(
                    options.cognitoPort(),
                    cognitoDir,
                    invokeApi.endpoint(),
                    function.logicalId(),
                    poolTriggers(template),
                    options.code(),
                    cognitoLog);
            cognitoClient = cognito.client();
            String poolId = existingOrNewPool(cognitoClient);
            String clientId = existingOrNewClient(cognitoClient, poolId);
            api = new LocalHttpApi(
                    options.apiPort(),
                    new PoolTokenVerifier(cognito.jwks(poolId), cognito.issuer(poolId), clientId),
                    apiFunction,
                    Clock.systemUTC());
            lambda.awaitReady(Duration.ofSeconds(30));
            apiFunction.awaitReady(Duration.ofSeconds(30));
            return new LocalStack(
                    tables, invokeApi, lambda, apiFunction, api, cognito, cognitoClient, poolId, clientId);
        } catch (RuntimeException e) {
            Shutdown.closeAll(cognitoClient, api, apiFunction, cognito, invokeApi, lambda, tables);
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

    /** Lambda's Invoke API for both functions (the trigger and the profile API), by logical id. */
    public URI lambdaEndpoint() {
        return invokeApi.endpoint();
    }

    public URI cognitoEndpoint() {
        return cognito.endpoint();
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
        Shutdown.closeAll(cognitoClient, api, cognito, invokeApi, apiFunction, lambda, tables);
    }

    /** The triggers template.yaml attaches to the user pool (the keys of its {@code LambdaConfig}). */
    static List<String> poolTriggers(Path template) {
        Map<String, Object> pool = CloudFormationYaml.properties(
                CloudFormationYaml.load(template), USER_POOL_LOGICAL_ID, "AWS::Cognito::UserPool");
        return List.copyOf(CloudFormationYaml.map(pool.get("LambdaConfig"), USER_POOL_LOGICAL_ID + ".LambdaConfig")
                .keySet());
    }
}
