package dev.userprofile.local.support.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.json.JsonValues;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** The local stand-in for CloudTrail and EventBridge, in front of a real cognito-local. */
class CognitoEventRecorderTest {

    @TempDir
    static Path data;

    private static CognitoLocalServer cognitoLocal;
    private static CognitoEventRecorder recorder;
    private static CognitoIdentityProviderClient cognito;
    private static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
    private static String pool;
    private static String client;

    @BeforeAll
    static void start() {
        cognitoLocal = CognitoLocalServer.start(
                0, data, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", l -> {});
        recorder = new CognitoEventRecorder(
                0, cognitoLocal.endpoint(), List.of("AdminDisableUser", "AdminCreateUser", "DeleteUser"), EVENTS::add);
        cognito = CognitoLocalServer.client(recorder.endpoint());
        pool = cognito.createUserPool(b -> b.poolName("recorded")).userPool().id();
        client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("app"))
                .userPoolClient()
                .clientId();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        recorder.close();
        cognitoLocal.close();
    }

    private static Map<String, Object> nextEvent() throws InterruptedException {
        String event = EVENTS.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event was delivered").isNotNull();
        return JsonValues.object(event);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }

    @Test
    void aRecordedCallByAnAdministratorBecomesAnEventNamingThePoolAndTheSub() throws InterruptedException {
        EVENTS.clear();
        String sub = cognito.signUp(b -> b.clientId(client)
                        .username("ann@example.com")
                        .password("Correct-Horse-9")
                        .userAttributes(AttributeType.builder()
                                .name("email")
                                .value("ann@example.com")
                                .build()))
                .userSub();
        cognito.adminDisableUser(b -> b.userPoolId(pool).username("ann@example.com"));

        Map<String, Object> event = nextEvent();
        assertThat(event)
                .containsEntry("source", "aws.cognito-idp")
                .containsEntry("detail-type", "AWS API Call via CloudTrail");
        assertThat(detail(event)).containsEntry("eventName", "AdminDisableUser");
        assertThat(detail(event).get("requestParameters").toString()).contains(pool);
        assertThat(detail(event).get("additionalEventData")).isEqualTo(Map.of("sub", sub));
        assertThat(EVENTS).as("sign-up is not recorded").isEmpty();
    }

    @Test
    void aCreationTakesTheSubFromItsAnswerAndACallWithATokenNamesNoPool() throws InterruptedException {
        EVENTS.clear();
        String sub = cognito
                .adminCreateUser(b -> b.userPoolId(pool)
                        .username("bob@example.com")
                        .temporaryPassword("Temporary-Pass-1")
                        .messageAction("SUPPRESS"))
                .user()
                .attributes()
                .stream()
                .filter(a -> a.name().equals("sub"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(detail(nextEvent()).get("additionalEventData")).isEqualTo(Map.of("sub", sub));

        cognito.adminSetUserPassword(b -> b.userPoolId(pool)
                .username("bob@example.com")
                .password("Correct-Horse-9")
                .permanent(true));
        String token = cognito.initiateAuth(b -> b.clientId(client)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "bob@example.com", "PASSWORD", "Correct-Horse-9")))
                .authenticationResult()
                .accessToken();
        cognito.deleteUser(b -> b.accessToken(token));

        Map<String, Object> deleted = nextEvent();
        assertThat(detail(deleted)).containsEntry("eventName", "DeleteUser");
        assertThat(detail(deleted).get("additionalEventData")).isEqualTo(Map.of("sub", sub));
        assertThat(detail(deleted).get("requestParameters").toString()).doesNotContain("userPoolId");
    }

    @Test
    void aFailedCallIsNoEvent() throws InterruptedException {
        EVENTS.clear();

        assertThatThrownBy(
                        () -> cognito.adminDisableUser(b -> b.userPoolId(pool).username("nobody@example.com")))
                .isInstanceOf(UserNotFoundException.class);

        assertThat(EVENTS.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}
