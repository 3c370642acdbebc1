package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.userprofile.adapters.cognito.directory.CognitoClients;
import dev.userprofile.local.support.cognito.CloudTrailEvents;
import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import dev.userprofile.local.testing.cognito.PoolUsers;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The proof that the table converges to the pool: random sequences of lifecycle operations against cognito-local
 * (sign-up and confirm, admin create, attribute changes, verification, disabling, enabling, self and admin deletion,
 * sign-ins and the user's own {@code PATCH /me}), with the resulting Cognito events delivered late, twice, out of
 * order or not at all, then one scheduled reconcile. Afterwards the table must be the projection of the pool: every
 * user who can sign in has exactly one profile with Cognito's current identity and status and the names as last
 * patched; no deleted user has any personal data left. The functions run as Lambda runs them (their handlers and
 * wiring, the template's variables), on dynalite.
 *
 * <p>Fixed seeds run in CI ({@code convergence.sequences}, default 6, and {@code convergence.operations}, default
 * 40); the benchmark profile's command in docs/benchmarks.md runs many more.
 */
@ExtendWith({SharedLocalTables.class, SharedCognitoLocal.class})
class LifecycleConvergenceTest {

    private static final int SEQUENCES = Integer.getInteger("convergence.sequences", 6);
    private static final int OPERATIONS = Integer.getInteger("convergence.operations", 40);
    private static final String PASSWORD = PoolUsers.PASSWORD;

    private static LocalTables tables;
    private static CognitoLocalServer cognitoLocal;
    private static CognitoIdentityProviderClient cognito;
    private static int operationsRun;
    private static int eventsDelivered;

    @BeforeAll
    static void start(LocalTables shared, CognitoLocalServer sharedCognito) {
        tables = shared;
        cognitoLocal = sharedCognito;
        cognito = cognitoLocal.client();
    }

    @AfterAll
    static void report() {
        cognito.close();
        // The numbers the closing note and docs/benchmarks.md quote.
        System.out.printf(
                "convergence: %d sequences, %d operations, %d event deliveries%n",
                SEQUENCES, operationsRun, eventsDelivered);
    }

    static Stream<Long> seeds() {
        return Stream.iterate(20261206L, seed -> seed + 7919).limit(SEQUENCES);
    }

    /** What the test knows of one user: their user name, sub, and the names the profile must hold. */
    private static final class Person {
        String username;
        final String sub;
        String expectedGivenName;
        boolean deleted;
        /** An event about them was lost: only the reconcile can bring their profile in line. */
        boolean missedAnEvent;

        Person(String username, String sub, String givenName) {
            this.username = username;
            this.sub = sub;
            this.expectedGivenName = givenName;
        }
    }

    /** One run: a pool of its own, the functions pointed at it, and the events still to deliver. */
    private static final class Run {
        final Random random;
        final String poolId;
        final String clientId;
        final CognitoTriggerHandler trigger;
        final UserSyncHandler sync;
        final ProfileApiHandler api;
        final List<Person> people = new ArrayList<>();
        final List<String> pending = new ArrayList<>();

        Run(long seed) {
            random = new Random(seed);
            poolId = cognito.createUserPool(b -> b.poolName("convergence-" + seed))
                    .userPool()
                    .id();
            clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app"))
                    .userPoolClient()
                    .clientId();
            trigger = LocalFunctions.trigger(tables);
            Map<String, String> syncEnvironment =
                    new HashMap<>(tables.functionEnvironment("UserSyncFunction", Map.of("UserPool", poolId)));
            syncEnvironment.put(
                    CognitoClients.ENDPOINT_VARIABLE, cognitoLocal.endpoint().toString());
            sync = new UserSyncHandler(syncEnvironment);
            api = LocalFunctions.api(tables, poolId, cognitoLocal.endpoint());
        }

        Person any(boolean alive) {
            List<Person> candidates =
                    people.stream().filter(p -> p.deleted != alive).toList();
            return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        }

        /** Cognito recorded a call on this user: its event is delivered now, later, twice, or never. */
        void happened(String eventName, Person person) {
            String event = CloudTrailEvents.userCall(eventName, Optional.of(poolId), person.sub);
            int fate = random.nextInt(10);
            if (fate < 4) {
                deliver(event);
            } else if (fate < 7) {
                pending.add(event);
            } else if (fate < 9) {
                deliver(event);
                pending.add(event);
            } else {
                // Lost, as CloudTrail's best effort allows.
                person.missedAnEvent = true;
            }
        }

        void deliver(String event) {
            eventsDelivered++;
            sync.handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    new LocalLambdaContext());
        }

        void deliverAllPending() {
            java.util.Collections.shuffle(pending, random);
            while (!pending.isEmpty()) {
                deliver(pending.removeFirst());
            }
        }

        void deliverSomePending() {
            java.util.Collections.shuffle(pending, random);
            int count = random.nextInt(pending.size() + 1);
            for (int i = 0; i < count; i++) {
                deliver(pending.removeFirst());
            }
        }
    }

    private static AttributeType attribute(String name, String value) {
        return PoolUsers.attribute(name, value);
    }

    private static Map<String, String> attributes(UserType user) {
        return user.attributes().stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    /** Cognito runs the trigger as part of the call; the event carries the user's attributes as they are then. */
    private static void runTrigger(Run run, Person person, String triggerSource) {
        Map<String, String> attributes = new LinkedHashMap<>();
        cognito.adminGetUser(b -> b.userPoolId(run.poolId).username(person.username))
                .userAttributes()
                .forEach(a -> attributes.put(a.name(), a.value()));
        StringBuilder json = new StringBuilder("{\"version\":\"1\",\"region\":\"eu-west-1\",\"userPoolId\":\"")
                .append(run.poolId)
                .append("\",\"userName\":\"")
                .append(person.username)
                .append("\",\"triggerSource\":\"")
                .append(triggerSource)
                .append("\",\"request\":{\"userAttributes\":{");
        json.append(attributes.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\""
                        + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",")));
        json.append("}},\"response\":{}}");
        run.trigger.handleRequest(LambdaRuntimeJson.fromJson(json.toString()), new LocalLambdaContext());
    }

    private static boolean hasProfile(String sub) {
        Map<String, AttributeValue> item = tables.item(sub);
        return item != null && !item.isEmpty() && !item.containsKey("erasedAt");
    }

    private static void operate(Run run) {
        int choice = run.random.nextInt(11);
        Person alive = run.any(true);
        switch (choice) {
            case 0, 1 -> { // sign up and confirm: PostConfirmation runs in the confirmation
                String email = "u" + UUID.randomUUID() + "@example.com";
                String name = "Given" + run.random.nextInt(1000);
                String sub = cognito.signUp(b -> b.clientId(run.clientId)
                                .username(email)
                                .password(PASSWORD)
                                .userAttributes(attribute("email", email), attribute("given_name", name)))
                        .userSub();
                cognito.confirmSignUp(
                        b -> b.clientId(run.clientId).username(email).confirmationCode(cognitoLocal.code()));
                Person person = new Person(email, sub, name);
                run.people.add(person);
                runTrigger(run, person, "PostConfirmation_ConfirmSignUp");
            }
            case 2 -> { // invited by an administrator, sometimes given a permanent password at once
                String email = "i" + UUID.randomUUID() + "@example.com";
                String name = "Invited" + run.random.nextInt(1000);
                String sub = PoolUsers.invited(cognito, run.poolId, email, attribute("given_name", name));
                Person person = new Person(email, sub, name);
                run.people.add(person);
                run.happened("AdminCreateUser", person);
                if (run.random.nextBoolean()) {
                    cognito.adminSetUserPassword(b -> b.userPoolId(run.poolId)
                            .username(email)
                            .password(PASSWORD)
                            .permanent(true));
                    run.happened("AdminSetUserPassword", person);
                }
            }
            case 3 -> { // a new email, not yet verified, or verified at once
                if (alive != null) {
                    String email = "c" + UUID.randomUUID() + "@example.com";
                    boolean verified = run.random.nextBoolean();
                    cognito.adminUpdateUserAttributes(b -> b.userPoolId(run.poolId)
                            .username(alive.username)
                            .userAttributes(
                                    attribute("email", email),
                                    attribute("email_verified", Boolean.toString(verified))));
                    alive.username = email;
                    run.happened("AdminUpdateUserAttributes", alive);
                }
            }
            case 4 -> { // the email verified
                if (alive != null) {
                    cognito.adminUpdateUserAttributes(b -> b.userPoolId(run.poolId)
                            .username(alive.username)
                            // cognito-local wants the address with its verification.
                            .userAttributes(attribute("email", alive.username), attribute("email_verified", "true")));
                    run.happened("VerifyUserAttribute", alive);
                }
            }
            case 5 -> { // Cognito's given_name changes: a registered profile keeps its own (ADR 0018)
                if (alive != null && hasProfile(alive.sub)) {
                    cognito.adminUpdateUserAttributes(b -> b.userPoolId(run.poolId)
                            .username(alive.username)
                            .userAttributes(attribute("given_name", "Cognito" + run.random.nextInt(1000))));
                    run.happened("AdminUpdateUserAttributes", alive);
                }
            }
            case 6 -> { // disabled, or enabled again
                if (alive != null) {
                    boolean enabled = cognito.adminGetUser(
                                    b -> b.userPoolId(run.poolId).username(alive.username))
                            .enabled();
                    if (enabled) {
                        cognito.adminDisableUser(b -> b.userPoolId(run.poolId).username(alive.username));
                        run.happened("AdminDisableUser", alive);
                    } else {
                        cognito.adminEnableUser(b -> b.userPoolId(run.poolId).username(alive.username));
                        run.happened("AdminEnableUser", alive);
                    }
                }
            }
            case 7 -> { // deleted: by themselves with their access token when they can sign in, else by an admin
                if (alive != null) {
                    UserType user = cognito.listUsers(
                                    b -> b.userPoolId(run.poolId).filter("sub = \"" + alive.sub + "\""))
                            .users()
                            .getFirst();
                    if (Boolean.TRUE.equals(user.enabled()) && "CONFIRMED".equals(user.userStatusAsString())) {
                        String token = cognito.initiateAuth(b -> b.clientId(run.clientId)
                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                        .authParameters(Map.of("USERNAME", alive.username, "PASSWORD", PASSWORD)))
                                .authenticationResult()
                                .accessToken();
                        cognito.deleteUser(b -> b.accessToken(token));
                        alive.deleted = true;
                        run.happened("DeleteUser", alive);
                    } else {
                        cognito.adminDeleteUser(b -> b.userPoolId(run.poolId).username(alive.username));
                        alive.deleted = true;
                        run.happened("AdminDeleteUser", alive);
                    }
                }
            }
            case 8 -> { // the user signs in (enabled and confirmed only): PostAuthentication runs in the sign-in
                if (alive != null) {
                    UserType user = cognito.listUsers(
                                    b -> b.userPoolId(run.poolId).filter("sub = \"" + alive.sub + "\""))
                            .users()
                            .getFirst();
                    if (Boolean.TRUE.equals(user.enabled()) && "CONFIRMED".equals(user.userStatusAsString())) {
                        runTrigger(run, alive, "PostAuthentication_Authentication");
                    }
                }
            }
            case 9 -> { // the user's own PATCH /me, when they have a profile; a disabled profile refuses it
                if (alive != null && hasProfile(alive.sub)) {
                    boolean disabled = "DISABLED"
                            .equals(Optional.ofNullable(tables.item(alive.sub).get("accountStatus"))
                                    .map(AttributeValue::s)
                                    .orElse(""));
                    String name = "Patched" + run.random.nextInt(1000);
                    String request = ProfileApiHandlerEndToEndTest.request(
                            "PATCH",
                            alive.sub,
                            Map.of("content-type", "application/merge-patch+json"),
                            "{\"givenName\":\"" + name + "\"}");
                    int status = run.api
                            .handleRequest(
                                    LambdaRuntimeJson.fromJson(request, APIGatewayV2HTTPEvent.class),
                                    new LocalLambdaContext())
                            .getStatusCode();
                    assertThat(status).isEqualTo(disabled ? 403 : 200);
                    if (!disabled) {
                        alive.expectedGivenName = name;
                    }
                }
            }
            default -> run.deliverSomePending(); // late events arrive, in any order
        }
        operationsRun++;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTableConvergesToTheProjectionOfThePool(long seed) {
        Run run = new Run(seed);
        for (int i = 0; i < OPERATIONS; i++) {
            operate(run);
        }
        run.deliverAllPending();
        // The event path alone: every user none of whose events was lost is already in line, before any reconcile.
        assertProjection(
                seed, run, run.people.stream().filter(p -> !p.missedAnEvent).toList());

        Map<String, String> reconcileEnvironment =
                new HashMap<>(tables.functionEnvironment("ReconcileFunction", Map.of("UserPool", run.poolId)));
        reconcileEnvironment.put(
                CognitoClients.ENDPOINT_VARIABLE, cognitoLocal.endpoint().toString());
        reconcileEnvironment.put("RECONCILE_CALLS_PER_SECOND", "30");
        // The guard is proven elsewhere; a small pool's deletions can be a large share of it.
        reconcileEnvironment.put("RECONCILE_MAX_ERASURE_SHARE", "1");
        // Users here are created and deleted within seconds; the grace for a lagging pool would keep them a while.
        reconcileEnvironment.put("RECONCILE_SEEN_RECENTLY_SECONDS", "0");
        LocalLambdaContext reconcile = LocalLambdaContext.withTimeout(Duration.ofMinutes(15), line -> {});
        new ReconcileHandler(reconcileEnvironment)
                .handleRequest(
                        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(),
                        reconcile);
        assertThat(reconcile.logLines()).singleElement().asString().contains("\"outcome\":\"RECONCILED\"");

        assertProjection(seed, run, run.people);
    }

    /** The table holds, for each of {@code people}, exactly what the pool says (and the names as last patched). */
    private static void assertProjection(long seed, Run run, List<Person> people) {
        for (Person person : people) {
            Map<String, AttributeValue> item = tables.item(person.sub);
            if (person.deleted) {
                java.util.Set<String> left = item == null ? java.util.Set.of() : item.keySet();
                assertThat(left)
                        .as("seed %d: no personal data of deleted %s", seed, person.sub)
                        .isSubsetOf("userId", "erasedAt", "erasureReason", "expiresAt");
                continue;
            }
            UserType user = cognito.listUsers(b -> b.userPoolId(run.poolId).filter("sub = \"" + person.sub + "\""))
                    .users()
                    .getFirst();
            Map<String, String> attributes = attributes(user);
            boolean eligible = "CONFIRMED".equals(user.userStatusAsString());
            if (!eligible) {
                assertThat(hasProfile(person.sub))
                        .as("seed %d: %s cannot sign in yet", seed, person.sub)
                        .isFalse();
                continue;
            }
            assertThat(item).as("seed %d: one profile for %s", seed, person.sub).isNotNull();
            assertThat(item.get("email"))
                    .as("seed %d: %s's email", seed, person.sub)
                    .isEqualTo(AttributeValue.fromS(attributes.get("email")));
            assertThat(item.get("emailVerified"))
                    .as("seed %d: %s's verification", seed, person.sub)
                    .isEqualTo(AttributeValue.fromBool(Boolean.parseBoolean(attributes.get("email_verified"))));
            assertThat(item.get("accountStatus"))
                    .as("seed %d: %s's status", seed, person.sub)
                    .isEqualTo(AttributeValue.fromS(Boolean.FALSE.equals(user.enabled()) ? "DISABLED" : "ACTIVE"));
            assertThat(item.get("givenName"))
                    .as("seed %d: %s's own name", seed, person.sub)
                    .isEqualTo(AttributeValue.fromS(person.expectedGivenName));
        }
    }
}
