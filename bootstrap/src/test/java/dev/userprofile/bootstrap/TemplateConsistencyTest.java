package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.cognito.trigger.TriggerSource;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.UserItemSchema;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.wiring.ProfileApiComponent;
import dev.userprofile.bootstrap.wiring.TriggerComponent;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import dev.userprofile.local.testing.net.FaultInjectingProxy;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import dev.userprofile.local.testing.template.IamStatements;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** template.yaml must agree with the code it deploys. */
@ExtendWith({SharedLocalTables.class, SharedCognitoLocal.class})
class TemplateConsistencyTest {

    private static LocalTables tables;
    private static CognitoLocalServer cognitoLocal;

    @BeforeAll
    static void useTables(LocalTables shared, CognitoLocalServer sharedCognito) {
        tables = shared;
        cognitoLocal = sharedCognito;
    }

    private static Map<String, Object> template;
    private static Map<String, Object> function;
    private static Map<String, Object> table;

    @BeforeAll
    static void readTemplate() {
        template = CloudFormationYaml.load(CloudFormationYaml.findTemplate());
        function = properties("PostConfirmationFunction", "AWS::Serverless::Function");
        table = properties("ProfilesTable", "AWS::DynamoDB::Table");
    }

    @Test
    void theHandlerClassExistsWithTheRuntimesSignature() throws Exception {
        String[] handler = ((String) function.get("Handler")).split("::");
        Class<?> handlerClass = Class.forName(handler[0]);

        assertThat(handlerClass.getConstructor()).isNotNull();
        Method method = handlerClass.getMethod(handler[1], CognitoUserPoolPostConfirmationEvent.class, Context.class);
        assertThat(method.getReturnType()).isEqualTo(CognitoUserPoolPostConfirmationEvent.class);
        Type requestHandler = Arrays.stream(handlerClass.getGenericInterfaces())
                .filter(t -> t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class)
                .findFirst()
                .orElseThrow();
        assertThat(((ParameterizedType) requestHandler).getActualTypeArguments())
                .containsExactly(
                        CognitoUserPoolPostConfirmationEvent.class, CognitoUserPoolPostConfirmationEvent.class);
        assertThat(function.get("Runtime")).isEqualTo("java25");
    }

    @Test
    void theTemplatesEnvironmentIsEnoughToConfigureTheFunction() {
        Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
        Map<String, String> lambdaEnvironment = new HashMap<>();
        variables.keySet().forEach(name -> lambdaEnvironment.put(name, "value-from-template"));
        // Set by Lambda itself in every execution environment.
        lambdaEnvironment.put("AWS_REGION", "eu-west-1");

        Configuration configuration = Configuration.fromEnvironment(lambdaEnvironment);

        assertThat(configuration.tableName()).isEqualTo("value-from-template");
        assertThat(variables.get(Configuration.TABLE_NAME)).isEqualTo(Map.of("Ref", "ProfilesTable"));
    }

    @Test
    void theTableKeySchemaIsTheAdapters() {
        TableMetadata metadata = UserItemSchema.TABLE_SCHEMA.tableMetadata();
        assertThat(list(table.get("KeySchema")))
                .containsExactly(Map.of("AttributeName", metadata.primaryPartitionKey(), "KeyType", "HASH"));
        assertThat(list(table.get("AttributeDefinitions")))
                .containsExactly(Map.of("AttributeName", metadata.primaryPartitionKey(), "AttributeType", "S"));
    }

    @Test
    void thePolicyGrantsExactlyWhatTheHandlerCalls() {
        tables.reset();
        TriggerComponent component = TriggerComponent.create(LocalFunctions.triggerConfiguration(tables));
        CognitoTriggerHandler handler = new CognitoTriggerHandler(component);
        tables.front().clearRequests();
        component.snapStartPriming().prime();
        for (String sample : List.of(
                "sign-up.json",
                "sign-up.json",
                "password-reset.json",
                "federated-first-sign-in.json",
                "sign-in.json",
                "sign-in.json")) {
            handler.handleRequest(LambdaRuntimeJson.sampleEvent(sample), new LocalLambdaContext());
        }
        Set<String> called = tables.operations().stream()
                .map(operation -> "dynamodb:" + operation)
                .collect(Collectors.toCollection(TreeSet::new));

        Map<String, Object> statement = statementWithSid("RegisterUsers");
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(new TreeSet<>(list(statement.get("Action")))).isEqualTo(called);
        assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("ProfilesTable", "Arn")));
        assertThat(statements().stream()
                        .map(TemplateConsistencyTest::map)
                        .filter(st -> list(st.get("Action")).stream()
                                .anyMatch(a -> a.toString().startsWith("dynamodb:"))))
                .as("DynamoDB access is granted in exactly one statement")
                .hasSize(1);
    }

    @Test
    void theProfileApiFunctionIsTheApiHandlerAndItsPolicyGrantsExactlyWhatItCalls() throws Exception {
        Map<String, Object> api = properties("ProfileApiFunction", "AWS::Serverless::Function");
        String[] handler = ((String) api.get("Handler")).split("::");
        assertThat(handler[0]).isEqualTo(ProfileApiHandler.class.getName());
        assertThat(Class.forName(handler[0])
                        .getMethod(handler[1], APIGatewayV2HTTPEvent.class, Context.class)
                        .getReturnType())
                .isEqualTo(APIGatewayV2HTTPResponse.class);
        assertThat(api)
                .containsEntry("Runtime", "java25")
                .containsEntry("AutoPublishAlias", "live")
                .containsEntry("AutoPublishAliasAllProperties", true)
                .containsEntry("SnapStart", Map.of("ApplyOn", Map.of("Ref", "SnapStart")))
                .containsEntry("Role", Map.of("Fn::GetAtt", List.of("ProfileApiFunctionRole", "Arn")))
                .doesNotContainKey("Policies");
        assertThat(((Number) api.get("Timeout")).intValue() * 1000L)
                .as("every read and write a change may take")
                .isGreaterThan((2L * UpdateProfileService.MAX_ATTEMPTS + 1)
                        * DynamoDbCallBudget.API.totalTimeout().toMillis());
        assertThat(map(map(api.get("Environment")).get("Variables")))
                .containsEntry(Configuration.TABLE_NAME, Map.of("Ref", "ProfilesTable"));

        tables.reset();
        CognitoIdentityProviderClient admin = cognitoLocal.client();
        String poolId = admin.createUserPool(b -> b.poolName("api-grants-" + UUID.randomUUID()))
                .userPool()
                .id();
        try (FaultInjectingProxy cognitoFront = new FaultInjectingProxy(cognitoLocal.endpoint())) {
            ProfileApiComponent component =
                    ProfileApiComponent.create(LocalFunctions.apiEnvironment(tables, poolId, cognitoFront.endpoint()));
            ProfileApiHandler apiHandler = new ProfileApiHandler(component);
            LocalFunctions.trigger(tables)
                    .handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), new LocalLambdaContext());
            tables.front().clearRequests();
            component.snapStartPriming().prime();
            String sub = "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21";
            String email = "grants-" + UUID.randomUUID() + "@example.com";
            String newcomer = PoolUsers.confirmed(admin, poolId, email);
            for (String request : List.of(
                    ProfileApiHandlerEndToEndTest.request("GET", sub, Map.of(), null),
                    ProfileApiHandlerEndToEndTest.request(
                            "PATCH",
                            sub,
                            Map.of("content-type", "application/merge-patch+json"),
                            "{\"givenName\":\"Janet\"}"),
                    // A caller the pool has and the table does not: registered on the way.
                    ProfileApiHandlerEndToEndTest.request("GET", newcomer, email, Instant.now(), Map.of(), null))) {
                assertThat(apiHandler
                                .handleRequest(
                                        LambdaRuntimeJson.fromJson(request, APIGatewayV2HTTPEvent.class),
                                        new LocalLambdaContext())
                                .getStatusCode())
                        .isEqualTo(200);
            }
            assertThat(apiHandler
                            .handleRequest(
                                    LambdaRuntimeJson.fromJson(
                                            ProfileApiHandlerEndToEndTest.request(
                                                    "DELETE", newcomer, email, Instant.now(), Map.of(), null),
                                            APIGatewayV2HTTPEvent.class),
                                    new LocalLambdaContext())
                            .getStatusCode())
                    .isEqualTo(204);
            Set<String> called = tables.operations().stream()
                    .map(operation -> "dynamodb:" + operation)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> calledCognito = cognitoFront.operations().stream()
                    .map(operation -> "cognito-idp:" + operation)
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, Set<String>> granted = IamStatements.actionsBySid(template, "ProfileApiFunctionRole");
            assertThat(granted.get("ReadAndChangeProfiles")).isEqualTo(called);
            Set<String> grantedCognito = new TreeSet<>(granted.get("ReadCallerFromPool"));
            grantedCognito.addAll(granted.get("DeleteCallerFromPool"));
            assertThat(grantedCognito)
                    .as("only lazy registration's read and the deletion")
                    .isEqualTo(calledCognito)
                    .containsExactlyInAnyOrder("cognito-idp:ListUsers", "cognito-idp:AdminDeleteUser");
            keepAliveDoesNoIo(api, apiHandler);
        } finally {
            admin.close();
        }

        Map<String, Object> role = properties("ProfileApiFunctionRole", "AWS::IAM::Role");
        List<Map<String, Object>> statements = list(role.get("Policies")).stream()
                .flatMap(policy -> list(map(map(policy).get("PolicyDocument")).get("Statement")).stream())
                .map(TemplateConsistencyTest::map)
                .map(st -> st.containsKey("Fn::If") ? map(list(st.get("Fn::If")).get(1)) : st)
                .toList();
        Map<String, Object> data = statements.stream()
                .filter(st -> "ReadAndChangeProfiles".equals(st.get("Sid")))
                .findFirst()
                .orElseThrow();
        assertThat(data.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("ProfilesTable", "Arn")));
        Map<String, Object> pool = Map.of(
                "Fn::If",
                List.of(
                        "CreateUserPool",
                        Map.of("Fn::GetAtt", List.of("UserPool", "Arn")),
                        Map.of(
                                "Fn::Sub",
                                "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/"
                                        + "${ExistingUserPoolId}")));
        assertThat(statements)
                .filteredOn(st -> list(st.get("Action")).stream()
                        .anyMatch(a -> a.toString().startsWith("cognito-idp:")))
                .hasSize(2)
                .allSatisfy(st -> assertThat(st.get("Resource"))
                        .as("the stack's pool only")
                        .isEqualTo(pool));
        // Which tokens the API takes: every route asks for a scope, which only access tokens carry (ADR 0015).
        Map<String, Object> events = map(api.get("Events"));
        assertThat(events.values().stream()
                        .map(TemplateConsistencyTest::map)
                        .filter(event -> "HttpApi".equals(event.get("Type")))
                        .map(event ->
                                map(map(event.get("Properties")).get("Auth")).get("AuthorizationScopes")))
                .hasSize(3)
                .allSatisfy(scopes -> assertThat(list(scopes)).contains("aws.cognito.signin.user.admin"));
        assertThat(statements)
                .allSatisfy(st -> assertThat(list(st.get("Action")))
                        .allSatisfy(action -> assertThat(action.toString()).doesNotContain("*")));
        assertThat(map(map(template.get("Outputs")).get("ProfileApiUrl"))
                        .get("Value")
                        .toString())
                .contains("execute-api");
    }

    private static void keepAliveDoesNoIo(Map<String, Object> api, ProfileApiHandler apiHandler) {
        Map<String, Object> keepAlive =
                map(map(map(api.get("Events")).get("KeepAlive")).get("Properties"));
        APIGatewayV2HTTPEvent keepAliveEvent =
                LambdaRuntimeJson.fromJson((String) keepAlive.get("Input"), APIGatewayV2HTTPEvent.class);
        assertThat(keepAliveEvent.getRouteKey()).isEqualTo(ProfileApi.KEEP_ALIVE_ROUTE);
        tables.front().clearRequests();
        assertThat(apiHandler
                        .handleRequest(keepAliveEvent, new LocalLambdaContext())
                        .getStatusCode())
                .isEqualTo(204);
        assertThat(tables.operations()).as("the keep-alive does no I/O").isEmpty();
    }

    @Test
    void theRoleGrantsNoWildcardActionOrResource() {
        assertThat(function)
                .doesNotContainKey("Policies")
                .containsEntry("Role", Map.of("Fn::GetAtt", List.of("PostConfirmationFunctionRole", "Arn")));
        Map<String, Object> role = properties("PostConfirmationFunctionRole", "AWS::IAM::Role");
        assertThat(role).doesNotContainKey("ManagedPolicyArns");
        for (Object each : statements()) {
            Map<String, Object> statement = map(each);
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(list(statement.get("Action")))
                    .allSatisfy(action -> assertThat(action.toString()).doesNotContain("*"));
            assertThat(statement.get("Resource")).isNotEqualTo("*").isInstanceOf(Map.class);
        }
        Map<String, Object> logs = statementWithSid("WriteOwnLogs");
        assertThat(list(logs.get("Action"))).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(map(logs.get("Resource")).get("Fn::Sub").toString())
                .as("log streams of the function's own log group only")
                .endsWith(":log-group:${PostConfirmationLogGroup}:log-stream:*");
        assertThat(map(function.get("LoggingConfig")))
                .containsEntry("LogGroup", Map.of("Ref", "PostConfirmationLogGroup"));
    }

    private static List<Object> statements() {
        Map<String, Object> role = properties("PostConfirmationFunctionRole", "AWS::IAM::Role");
        return list(role.get("Policies")).stream()
                .flatMap(policy -> list(map(map(policy).get("PolicyDocument")).get("Statement")).stream())
                .toList();
    }

    private static Map<String, Object> statementWithSid(String sid) {
        return statements().stream()
                .map(TemplateConsistencyTest::map)
                .filter(statement -> sid.equals(statement.get("Sid")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theTableIsProtectedAndRetained() {
        Map<String, Object> resource = map(map(template.get("Resources")).get("ProfilesTable"));
        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(table)
                .containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true));
    }

    @Test
    void theFunctionFitsCognitosDeadlineAndStartsFromASnapshot() {
        int timeoutSeconds = (Integer) function.get("Timeout");
        assertThat(timeoutSeconds).isLessThanOrEqualTo(5);
        assertThat(DynamoDbCallBudget.REGISTRATION.totalTimeout()).isLessThan(Duration.ofSeconds(timeoutSeconds));
        assertThat(function)
                .containsEntry("SnapStart", Map.of("ApplyOn", Map.of("Ref", "SnapStart")))
                .containsKey("AutoPublishAlias");
        assertThat(parameter("SnapStart")).as("on unless turned off").containsEntry("Default", "PublishedVersions");
        assertThat(map(function.get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
        assertThat(map(map(map(template.get("Resources")).get("PostConfirmationFunction"))
                        .get("Metadata")))
                .containsEntry("BuildMethod", "makefile");
    }

    @Test
    void cognitoTriggersTheAliasOnlyFromThisPoolAndAccount() {
        Map<String, Object> pool = properties("UserPool", "AWS::Cognito::UserPool");
        assertThat(map(pool.get("LambdaConfig")))
                .containsOnly(
                        Map.entry("PostConfirmation", Map.of("Ref", "PostConfirmationFunction.Alias")),
                        Map.entry(
                                "PostAuthentication",
                                Map.of(
                                        "Fn::If",
                                        List.of(
                                                "HealOnSignInOn",
                                                Map.of("Ref", "PostConfirmationFunction.Alias"),
                                                Map.of("Ref", "AWS::NoValue")))));
        Map<String, Object> permission = properties("PostConfirmationInvokePermission", "AWS::Lambda::Permission");
        assertThat(permission)
                .containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("FunctionName", Map.of("Ref", "PostConfirmationFunction.Alias"))
                .containsEntry("Principal", "cognito-idp.amazonaws.com")
                .containsEntry(
                        "SourceArn",
                        Map.of(
                                "Fn::If",
                                List.of(
                                        "CreateUserPool",
                                        Map.of("Fn::GetAtt", List.of("UserPool", "Arn")),
                                        Map.of(
                                                "Fn::Sub",
                                                "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}"
                                                        + ":userpool/${ExistingUserPoolId}"))))
                .containsEntry("SourceAccount", Map.of("Ref", "AWS::AccountId"));
        assertThat(function.toString())
                .as("the function must not refer to the pool (a circular dependency)")
                .doesNotContain("UserPool");
        assertThat(map(function.get("Events")))
                .as("only the keep-alive schedule; Cognito is attached on the pool")
                .containsOnlyKeys("KeepAlive");
    }

    @Test
    void theUserPoolIsRetainedProtectedCaseInsensitiveAndVerifiesNewEmails() {
        Map<String, Object> resource = map(map(template.get("Resources")).get("UserPool"));
        assertThat(resource)
                .containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain")
                .containsEntry("Condition", "CreateUserPool");
        Map<String, Object> pool = properties("UserPool", "AWS::Cognito::UserPool");
        assertThat(pool)
                .containsEntry("DeletionProtection", "ACTIVE")
                .containsEntry("UsernameConfiguration", Map.of("CaseSensitive", false))
                .containsEntry(
                        "UserAttributeUpdateSettings",
                        Map.of("AttributesRequireVerificationBeforeUpdate", List.of("email")))
                .containsEntry("MfaConfiguration", Map.of("Ref", "MfaConfiguration"))
                .containsEntry(
                        "EnabledMfas",
                        Map.of(
                                "Fn::If",
                                List.of("MfaEnabled", List.of("SOFTWARE_TOKEN_MFA"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(parameter("MfaConfiguration")).containsEntry("Default", "OPTIONAL");
        assertThat(map(pool.get("EmailConfiguration")).get("Fn::If"))
                .asList()
                .startsWith("SendEmailWithSes")
                .contains(Map.of("EmailSendingAccount", "COGNITO_DEFAULT"));
        assertThat(map(list(map(pool.get("EmailConfiguration")).get("Fn::If")).get(1)))
                .containsEntry("EmailSendingAccount", "DEVELOPER")
                .containsEntry("SourceArn", Map.of("Ref", "SesSourceArn"));
        assertThat(parameter("SesSourceArn")).containsEntry("Default", "");
        assertThat(properties("UserPoolClient", "AWS::Cognito::UserPoolClient")).isNotNull();
        assertThat(map(map(template.get("Resources")).get("UserPoolClient")))
                .containsEntry("Condition", "CreateUserPool");
    }

    @Test
    void anExistingPoolCanBeNamedInsteadOfCreatingOne() {
        assertThat(parameter("ExistingUserPoolId")).containsEntry("Default", "");
        assertThat(map(template.get("Conditions")))
                .containsEntry(
                        "CreateUserPool", Map.of("Fn::Equals", List.of(Map.of("Ref", "ExistingUserPoolId"), "")));
        assertThat(map(map(template.get("Outputs")).get("PostConfirmationFunctionAliasArn")))
                .containsEntry("Value", Map.of("Ref", "PostConfirmationFunction.Alias"));
    }

    @Test
    void theOutputsNameThePoolTheClientTheTableAndTheAliasToAttach() {
        assertThat(map(template.get("Outputs")))
                .containsKeys(
                        "UserPoolId", "UserPoolClientId", "ProfilesTableName", "PostConfirmationFunctionAliasArn");
        assertThat(map(map(template.get("Outputs")).get("UserPoolClientId")))
                .containsEntry("Condition", "CreateUserPool");
    }

    @Test
    void theAlarmsWatchTheAliasAndTheFunctionsOwnFailureMetric() {
        Map<String, Object> aliasDimensions = Map.of(
                "FunctionName",
                Map.of("Ref", "PostConfirmationFunction"),
                "Resource",
                Map.of("Fn::Sub", "${PostConfirmationFunction}:live"));
        assertThat(alarm("TriggerErrorsAlarm"))
                .containsEntry("Namespace", "AWS/Lambda")
                .containsEntry("MetricName", "Errors")
                .containsEntry("Threshold", 1);
        assertThat(dimensions("TriggerErrorsAlarm")).isEqualTo(aliasDimensions);
        assertThat(alarm("TriggerThrottlesAlarm")).containsEntry("MetricName", "Throttles");
        assertThat(dimensions("TriggerThrottlesAlarm")).isEqualTo(aliasDimensions);
        assertThat(alarm("TriggerDurationAlarm"))
                .containsEntry("MetricName", "Duration")
                .containsEntry("ExtendedStatistic", "p99");
        assertThat(((Number) alarm("TriggerDurationAlarm").get("Threshold")).intValue())
                .isLessThan((Integer) function.get("Timeout") * 1000)
                .isGreaterThan(
                        (int) DynamoDbCallBudget.REGISTRATION.totalTimeout().toMillis());
        assertThat(dimensions("TriggerDurationAlarm")).isEqualTo(aliasDimensions);
        assertThat(alarm("FailedRegistrationsAlarm"))
                .containsEntry("Namespace", JsonLogLine.METRIC_NAMESPACE)
                .containsEntry("MetricName", "Failed");
        assertThat(dimensions("FailedRegistrationsAlarm"))
                .isEqualTo(Map.of(JsonLogLine.METRIC_DIMENSION, Map.of("Ref", "PostConfirmationFunction")));
        Map<String, Object> apiAliasDimensions = Map.of(
                "FunctionName",
                Map.of("Ref", "ProfileApiFunction"),
                "Resource",
                Map.of("Fn::Sub", "${ProfileApiFunction}:live"));
        assertThat(alarm("ProfileApiErrorsAlarm"))
                .containsEntry("Namespace", "AWS/Lambda")
                .containsEntry("MetricName", "Errors");
        assertThat(dimensions("ProfileApiErrorsAlarm")).isEqualTo(apiAliasDimensions);
        assertThat(alarm("ProfileApiThrottlesAlarm")).containsEntry("MetricName", "Throttles");
        assertThat(dimensions("ProfileApiThrottlesAlarm")).isEqualTo(apiAliasDimensions);
        assertThat(alarm("ProfileApiServerErrorsAlarm"))
                .containsEntry("Namespace", "AWS/ApiGateway")
                .containsEntry("MetricName", "5xx");
        assertThat(dimensions("ProfileApiServerErrorsAlarm")).isEqualTo(Map.of("ApiId", Map.of("Ref", "ProfileApi")));
        for (String alarm : List.of(
                "TriggerErrorsAlarm",
                "TriggerThrottlesAlarm",
                "TriggerDurationAlarm",
                "FailedRegistrationsAlarm",
                "ProfileApiErrorsAlarm",
                "ProfileApiThrottlesAlarm",
                "ProfileApiServerErrorsAlarm")) {
            assertThat(alarm(alarm))
                    .as(alarm)
                    .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("TreatMissingData", "notBreaching")
                    .containsEntry(
                            "AlarmActions",
                            Map.of(
                                    "Fn::If",
                                    List.of(
                                            "NotifyAlarms",
                                            List.of(Map.of("Ref", "AlarmTopicArn")),
                                            Map.of("Ref", "AWS::NoValue"))));
        }
        assertThat(parameter("AlarmTopicArn")).containsEntry("Default", "");
    }

    @Test
    void aScheduleKeepsTheSnapStartVersionActiveWithAnEventTheFunctionAnswersWithoutIo() {
        Map<String, Object> keepAlive = map(map(function.get("Events")).get("KeepAlive"));
        assertThat(keepAlive).containsEntry("Type", "Schedule");
        Map<String, Object> schedule = map(keepAlive.get("Properties"));
        assertThat(schedule)
                .containsEntry("Schedule", Map.of("Fn::Sub", "rate(${KeepAliveIntervalDays} days)"))
                .containsEntry("State", Map.of("Fn::If", List.of("SnapStartOn", "ENABLED", "DISABLED")));
        CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.fromJson((String) schedule.get("Input"));
        assertThat(TriggerSource.of(event.getTriggerSource())).isEqualTo(TriggerSource.KEEP_ALIVE);
        assertThat(((Number) parameter("KeepAliveIntervalDays").get("MaxValue")).intValue())
                .as("more often than Lambda's 14 idle days")
                .isLessThan(14);
        assertThat(function).containsEntry("SnapStart", Map.of("ApplyOn", Map.of("Ref", "SnapStart")));
        assertThat(parameter("SnapStart")).containsEntry("AllowedValues", List.of("PublishedVersions", "None"));
    }

    @Test
    void lambdaKeepsItsReportLinesAndEveryPropertyChangePublishesAVersion() {
        assertThat(map(function.get("LoggingConfig")))
                .containsEntry("SystemLogLevel", "INFO")
                .containsEntry("ApplicationLogLevel", Map.of("Ref", "LogLevel"));
        assertThat(function).containsEntry("AutoPublishAliasAllProperties", true);
        assertThat(template.get("Transform"))
                .isEqualTo(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"));
    }

    private static Map<String, Object> alarm(String logicalId) {
        return properties(logicalId, "AWS::CloudWatch::Alarm");
    }

    private static Map<String, Object> dimensions(String logicalId) {
        return CloudFormationYaml.alarmDimensions(template, logicalId);
    }

    private static Map<String, Object> parameter(String name) {
        return map(map(template.get("Parameters")).get(name));
    }

    private static Map<String, Object> properties(String logicalId, String type) {
        return CloudFormationYaml.properties(template, logicalId, type);
    }

    private static Map<String, Object> map(Object value) {
        return CloudFormationYaml.map(value, "a template value");
    }

    private static List<Object> list(Object value) {
        return CloudFormationYaml.list(value, "a template value");
    }
}
