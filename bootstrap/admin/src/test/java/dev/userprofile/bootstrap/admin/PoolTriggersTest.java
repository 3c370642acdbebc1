package dev.userprofile.bootstrap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.sun.net.httpserver.HttpServer;
import dev.userprofile.adapters.cognito.admin.TriggerAttachment;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Attaching and detaching against cognito-local, and the stack's PoolTriggers custom resource as CloudFormation
 * drives it: its event through the Lambda runtime's deserialisation, its answer PUT to a response URL.
 */
class PoolTriggersTest {

    private static final String OURS = "arn:aws:lambda:local:111122223333:function:stack-trigger-AbC:live";
    private static final String OTHER = "arn:aws:lambda:local:111122223333:function:pre-sign-up";

    @TempDir
    static Path cognitoData;

    private static CognitoLocalServer cognitoLocal;
    private static CognitoIdentityProviderClient cognito;
    private static HttpServer cloudFormation;
    private static final BlockingQueue<String> responses = new LinkedBlockingQueue<>();
    /** CloudFormation's API as far as the resource uses it: DescribeStacks, answering with this status. */
    private static HttpServer cloudFormationApi;

    private static final AtomicReference<String> stackStatus = new AtomicReference<>("DELETE_IN_PROGRESS");

    @BeforeAll
    static void start() throws IOException {
        cognitoLocal = CognitoLocalServer.start(
                0, cognitoData, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", line -> {});
        cognito = cognitoLocal.client();
        // Stands in for the pre-signed S3 URL CloudFormation waits on.
        cloudFormation = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormation.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String method = exchange.getRequestMethod();
                responses.add(method + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        cloudFormationApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormationApi.createContext("/", exchange -> {
            String request;
            try (InputStream body = exchange.getRequestBody()) {
                request = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            boolean describe = request.contains("Action=DescribeStacks");
            byte[] answer =
                    (describe ? """
                            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                              <DescribeStacksResult><Stacks><member>
                                <StackName>s</StackName>
                                <StackId>arn:aws:cloudformation:local:111122223333:stack/s/1</StackId>
                                <CreationTime>2026-12-06T00:00:00Z</CreationTime>
                                <StackStatus>%s</StackStatus>
                              </member></Stacks></DescribeStacksResult>
                              <ResponseMetadata><RequestId>cfn-1</RequestId></ResponseMetadata>
                            </DescribeStacksResponse>
                            """.formatted(stackStatus.get()) : "<ErrorResponse/>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(describe ? 200 : 400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        cloudFormationApi.start();
    }

    @AfterAll
    static void stop() {
        cloudFormation.stop(0);
        cloudFormationApi.stop(0);
        cognito.close();
        cognitoLocal.close();
    }

    /** A pool with settings of its own, another function on PreSignUp, and ours on the two triggers. */
    private static String poolWithOurTriggers() {
        return cognito.createUserPool(b -> b.poolName("stack-users")
                        .policies(
                                p -> p.passwordPolicy(pp -> pp.minimumLength(12).requireUppercase(true)))
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .emailVerificationSubject("Your code")
                        .mfaConfiguration("OFF")
                        .lambdaConfig(
                                l -> l.preSignUp(OTHER).postConfirmation(OURS).postAuthentication(OURS))
                        .userPoolTags(Map.of("team", "identity")))
                .userPool()
                .id();
    }

    private static UserPoolType describe(String pool) {
        return cognito.describeUserPool(b -> b.userPoolId(pool)).userPool();
    }

    /**
     * The deprecated UnusedAccountValidityDays is never written back beside the password policy's
     * TemporaryPasswordValidityDays (Cognito refuses the pair); cognito-local reports its default for it until then.
     */
    private static UserPoolType withoutDeprecatedValidity(UserPoolType pool) {
        return pool.toBuilder()
                .adminCreateUserConfig(pool.adminCreateUserConfig().toBuilder()
                        .unusedAccountValidityDays(null)
                        .build())
                .build();
    }

    private static PoolTriggersHandler handler(String region) {
        return new PoolTriggersHandler(Map.of(
                "AWS_REGION",
                region,
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                cognitoLocal.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDFORMATION",
                "http://127.0.0.1:" + cloudFormationApi.getAddress().getPort(),
                "AWS_ACCESS_KEY_ID",
                "local",
                "AWS_SECRET_ACCESS_KEY",
                "local"));
    }

    /** CloudFormation's request, read as the Lambda runtime reads it. */
    private static CloudFormationCustomResourceEvent event(
            String type, Optional<String> physicalId, String pool, String function, boolean detachOnDelete) {
        String json = """
                {"RequestType":"%s","ServiceToken":"arn:aws:lambda:local:111122223333:function:pool-triggers",
                 "ResponseURL":"http://127.0.0.1:%d/cloudformation-response?X-Amz-Signature=abc",
                 "StackId":"arn:aws:cloudformation:local:111122223333:stack/s/1","RequestId":"req-1",
                 "LogicalResourceId":"PoolTriggers","ResourceType":"Custom::PoolTriggers",%s
                 "ResourceProperties":{"ServiceToken":"x","UserPoolId":"%s","FunctionArn":"%s",
                                       "DetachOnDelete":"%s"}}
                """.formatted(
                type,
                cloudFormation.getAddress().getPort(),
                physicalId.map(id -> "\"PhysicalResourceId\":\"" + id + "\",").orElse(""),
                pool,
                function,
                detachOnDelete);
        return LambdaRuntimeJson.fromJson(json, CloudFormationCustomResourceEvent.class);
    }

    private static Map<String, Object> invoke(PoolTriggersHandler handler, CloudFormationCustomResourceEvent event)
            throws InterruptedException {
        responses.clear();
        handler.handleRequest(event, new LocalLambdaContext());
        String response = responses.poll(5, TimeUnit.SECONDS);
        assertThat(response).as("every request is answered").isNotNull().startsWith("PUT ");
        Map<String, Object> document = JsonValues.object(response.substring("PUT ".length()));
        assertThat(document)
                .containsEntry("RequestId", "req-1")
                .containsEntry("LogicalResourceId", "PoolTriggers")
                .containsEntry("StackId", "arn:aws:cloudformation:local:111122223333:stack/s/1");
        return document;
    }

    @Test
    void deletingTheStackTakesItsFunctionOffTheCreatedPoolAndLeavesEverythingElse() throws InterruptedException {
        String pool = poolWithOurTriggers();
        UserPoolType before = describe(pool);
        PoolTriggersHandler handler = handler("local");

        Map<String, Object> created = invoke(handler, event("Create", Optional.empty(), pool, OURS, true));
        assertThat(created).containsEntry("Status", "SUCCESS").containsEntry("PhysicalResourceId", pool);
        assertThat(describe(pool)).as("creation changes nothing").isEqualTo(before);

        stackStatus.set("DELETE_IN_PROGRESS");
        Map<String, Object> deleted = invoke(handler, event("Delete", Optional.of(pool), pool, OURS, true));

        assertThat(deleted).containsEntry("Status", "SUCCESS").containsEntry("PhysicalResourceId", pool);
        UserPoolType after = describe(pool);
        assertThat(after.lambdaConfig().postConfirmation()).isNull();
        assertThat(after.lambdaConfig().postAuthentication()).isNull();
        assertThat(after.lambdaConfig().preSignUp())
                .as("another function stays")
                .isEqualTo(OTHER);
        assertThat(withoutDeprecatedValidity(after.toBuilder()
                        .lambdaConfig(before.lambdaConfig())
                        .lastModifiedDate(before.lastModifiedDate())
                        .build()))
                .as("every other setting as it was")
                .isEqualTo(withoutDeprecatedValidity(before));

        Map<String, Object> again = invoke(handler, event("Delete", Optional.of(pool), pool, OURS, true));
        assertThat(again).as("a repeated delete finds nothing to do").containsEntry("Status", "SUCCESS");
    }

    @Test
    void anUpdateThatRollsBackNeverTakesTheTriggersOff() throws InterruptedException {
        String pool = poolWithOurTriggers();
        UserPoolType before = describe(pool);
        // A failed update deletes the resources it created, this one included; the stack keeps its functions.
        for (String rollingBack :
                List.of("UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")) {
            stackStatus.set(rollingBack);

            Map<String, Object> deleted =
                    invoke(handler("local"), event("Delete", Optional.of(pool), pool, OURS, true));

            assertThat(deleted).as(rollingBack).containsEntry("Status", "SUCCESS");
            assertThat(describe(pool)).as(rollingBack).isEqualTo(before);
        }
    }

    @Test
    void anExistingPoolIsNeverWrittenAndItsStackIsNotDeletedWhileItStillInvokesTheFunction()
            throws InterruptedException {
        String pool = poolWithOurTriggers();
        UserPoolType before = describe(pool);
        stackStatus.set("DELETE_IN_PROGRESS");

        Map<String, Object> refused = invoke(handler("local"), event("Delete", Optional.of(pool), pool, OURS, false));

        assertThat(refused).containsEntry("Status", "FAILED");
        assertThat((String) refused.get("Reason"))
                .contains("user pool " + pool + " still invokes this stack's function (PostConfirmation, "
                        + "PostAuthentication)")
                .contains("profiles-admin detach-trigger --user-pool-id " + pool + " --function " + OURS);
        assertThat(describe(pool)).isEqualTo(before);

        new TriggerAttachment(cognito).detach(new TriggerAttachment.Detachment(pool, OURS, false));
        Map<String, Object> deleted = invoke(handler("local"), event("Delete", Optional.of(pool), pool, OURS, false));

        assertThat(deleted).as("once the operator detached").containsEntry("Status", "SUCCESS");
    }

    @Test
    void aPoolInAnotherRegionFailsTheDeploymentWithTheReason() throws InterruptedException {
        String pool = poolWithOurTriggers();

        Map<String, Object> created =
                invoke(handler("eu-west-1"), event("Create", Optional.empty(), pool, OURS, false));

        assertThat(created).containsEntry("Status", "FAILED");
        assertThat((String) created.get("Reason"))
                .contains("user pool " + pool + " is in region local but this stack is in eu-west-1")
                .contains("deploy the stack in local");

        Map<String, Object> rolledBack = invoke(
                handler("eu-west-1"),
                event("Delete", Optional.of((String) created.get("PhysicalResourceId")), pool, OURS, true));
        assertThat(rolledBack).as("the rollback's delete of what never existed").containsEntry("Status", "SUCCESS");
        assertThat(describe(pool).lambdaConfig().postConfirmation()).isEqualTo(OURS);
    }

    @Test
    void aPoolThatDoesNotExistFailsTheDeploymentAndAGoneOneDeletesCleanly() throws InterruptedException {
        Map<String, Object> created =
                invoke(handler("local"), event("Create", Optional.empty(), "local_NoSuchPool", OURS, false));
        assertThat(created).containsEntry("Status", "FAILED");
        assertThat((String) created.get("Reason")).contains("there is no user pool local_NoSuchPool");

        stackStatus.set("DELETE_IN_PROGRESS");
        Map<String, Object> deleted = invoke(
                handler("local"), event("Delete", Optional.of("local_NoSuchPool"), "local_NoSuchPool", OURS, true));
        assertThat(deleted).containsEntry("Status", "SUCCESS");
    }

    @Test
    void aCognitoThatCannotBeReachedIsAFailedAnswerNotAnHoursWait() throws InterruptedException {
        PoolTriggersHandler unreachable = new PoolTriggersHandler(Map.of(
                "AWS_REGION", "local",
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_CLOUDFORMATION",
                        "http://127.0.0.1:" + cloudFormationApi.getAddress().getPort(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local"));

        stackStatus.set("DELETE_IN_PROGRESS");
        Map<String, Object> deleted =
                invoke(unreachable, event("Delete", Optional.of("local_Pool1"), "local_Pool1", OURS, true));

        assertThat(deleted).containsEntry("Status", "FAILED");
        assertThat((String) deleted.get("Reason")).contains("profiles-admin detach-trigger");
    }

    @Test
    void aChangeMadeBetweenTheReadAndTheWriteIsNeverUndone() {
        String pool = poolWithOurTriggers();
        AtomicInteger describes = new AtomicInteger();
        // Someone else changes the pool just after the first read: the attachment reads it again and must refuse.
        CognitoIdentityProviderClient racing = new CognitoIdentityProviderClient() {
            @Override
            public DescribeUserPoolResponse describeUserPool(DescribeUserPoolRequest request) {
                if (describes.incrementAndGet() == 2) {
                    UserPoolType current = cognito.describeUserPool(request).userPool();
                    cognito.updateUserPool(b -> b.userPoolId(pool)
                            .lambdaConfig(current.lambdaConfig())
                            .policies(current.policies())
                            .autoVerifiedAttributes(current.autoVerifiedAttributes())
                            .mfaConfiguration(current.mfaConfiguration())
                            .userPoolTags(current.userPoolTags())
                            .emailVerificationSubject("Changed by someone else"));
                }
                return cognito.describeUserPool(request);
            }

            @Override
            public UpdateUserPoolResponse updateUserPool(UpdateUserPoolRequest request) {
                throw new AssertionError("must not write over someone else's change");
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {}
        };

        TriggerAttachment.Result result =
                new TriggerAttachment(racing).detach(new TriggerAttachment.Detachment(pool, OURS, false));

        assertThat(result.written()).isFalse();
        assertThat(result.refusal())
                .hasValueSatisfying(why -> assertThat(why)
                        .startsWith("the pool changed while it was being read (EmailVerificationSubject")
                        .endsWith("nothing written: run the command again"));
        assertThat(describe(pool).emailVerificationSubject()).isEqualTo("Changed by someone else");
        assertThat(describe(pool).lambdaConfig().postConfirmation()).isEqualTo(OURS);
    }
}
