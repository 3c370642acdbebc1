package dev.userprofile.adapters.cognito.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.SyncResult;
import dev.userprofile.application.port.in.SyncUserCommand;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.domain.UserId;
import dev.userprofile.local.testing.lambda.EmbeddedMetrics;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SyncInvocationTest {

    private static final String POOL = "eu-west-1_Example1";
    private static final String SUB = "0b5f6e2a-8c1d-4e5f-9a7b-3c2d1e0f9a8b";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:01Z"), ZoneOffset.UTC);

    /** Takes the invocation's log lines as Lambda's logger does. */
    private LocalLambdaContext context = new LocalLambdaContext();

    private final List<SyncUserCommand> synced = new ArrayList<>();

    private SyncInvocation invocation(Function<SyncUserCommand, SyncResult> sync) {
        SyncUserUseCase useCase = command -> {
            synced.add(command);
            return sync.apply(command);
        };
        return new SyncInvocation(useCase, POOL, CLOCK, "sync-fn");
    }

    private static InputStream fixture(String name) {
        InputStream in = SyncInvocationTest.class.getResourceAsStream("/events/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no fixture " + name));
        }
        return in;
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String onlyLine() {
        assertThat(context.logLines()).hasSize(1);
        return context.logLines().getFirst();
    }

    @Test
    void anAdminDeletionSyncsTheUserItNamesBySub() {
        invocation(command -> new SyncResult.Erased(command.userId()))
                .handle(fixture("admin-delete-user.json"), "r1", context.getLogger());

        assertThat(synced).containsExactly(new SyncUserCommand(new UserId(SUB), new SyncUserCommand.Absence.Gone()));
        assertThat(onlyLine())
                .contains("\"event\":\"user_sync\"")
                .contains("\"eventName\":\"AdminDeleteUser\"")
                .contains("\"outcome\":\"ERASED\"")
                .contains("\"userSub\":\"" + SUB + "\"")
                .contains("\"Erased\":1")
                .contains("\"requestId\":\"r1\"");
    }

    @Test
    void itEmitsTheMetricsItDeclares() {
        invocation(command -> new SyncResult.Erased(command.userId()))
                .handle(fixture("admin-delete-user.json"), "r1", context.getLogger());

        assertThat(EmbeddedMetrics.names(onlyLine())).isEqualTo(SyncInvocation.METRIC_NAMES);
    }

    @Test
    void aCallWithTheUsersOwnTokenNamesNoPoolAndIsStillAHint() {
        invocation(command -> new SyncResult.Unchanged(null == command ? null : sampleUser()))
                .handle(fixture("update-user-attributes.json"), "r2", context.getLogger());

        assertThat(synced).containsExactly(new SyncUserCommand(new UserId(SUB)));
        assertThat(onlyLine()).contains("\"outcome\":\"UNCHANGED\"").contains("\"eventName\":\"UpdateUserAttributes\"");
    }

    @Test
    void anEventOfAnotherPoolIsIgnoredNotRetried() {
        invocation(command -> {
                    throw new AssertionError("must not sync");
                })
                .handle(fixture("admin-disable-user-other-pool.json"), "r3", context.getLogger());

        assertThat(synced).isEmpty();
        assertThat(onlyLine())
                .contains("\"outcome\":\"IGNORED\"")
                .contains("\"reason\":\"another user pool\"")
                .contains("\"Ignored\":1")
                .doesNotContain("7c6b5a49");
    }

    @Test
    void anEventWithoutASubIsIgnored() {
        invocation(command -> {
                    throw new AssertionError("must not sync");
                })
                .handle(fixture("admin-create-user-failed-without-sub.json"), "r4", context.getLogger());

        assertThat(onlyLine()).contains("\"reason\":\"no sub\"").contains("\"level\":\"WARN\"");
    }

    @Test
    void malformedAndForeignEventsAreIgnoredWithoutEchoingThem() {
        SyncInvocation invocation = invocation(command -> {
            throw new AssertionError("must not sync");
        });

        invocation.handle(
                json("{\"source\":\"aws.cognito-idp\",\"detail\":{\"additionalEventData\":{\"sub\":\"a\\\"b\"}}}"),
                "r5",
                context.getLogger());
        invocation.handle(json("not json jane@example.com"), "r6", context.getLogger());
        invocation.handle(json("[1,2]"), "r7", context.getLogger());
        invocation.handle(json("{\"source\":\"aws.s3\",\"detail\":{}}"), "r8", context.getLogger());
        invocation.handle(json("{\"a\":1} {\"b\":2}"), "r9", context.getLogger());

        assertThat(context.logLines()).hasSize(5).allMatch(line -> line.contains("\"outcome\":\"IGNORED\""));
        assertThat(context.logLines().get(0)).contains("malformed sub");
        assertThat(context.logLines().get(1))
                .contains("The event is not well-formed JSON")
                .doesNotContain("jane@example.com");
        assertThat(context.logLines().get(2)).contains("The event is not a JSON object");
        assertThat(context.logLines().get(3)).contains("not a Cognito event");
        assertThat(context.logLines().get(4)).contains("data after its JSON object");
        assertThat(synced).isEmpty();
    }

    @Test
    void anEventLargerThanEventBridgeAllowsIsIgnored() {
        String big = "{\"source\":\"aws.cognito-idp\",\"pad\":\"" + "x".repeat(CognitoEventReader.MAX_BYTES) + "\"}";

        invocation(command -> new SyncResult.Erased(command.userId())).handle(json(big), "r10", context.getLogger());

        assertThat(onlyLine()).contains("larger than EventBridge");
    }

    @Test
    void theKeepAliveTouchesNothingAndCountsNothing() {
        invocation(command -> {
                    throw new AssertionError("must not sync");
                })
                .handle(json("{\"source\":\"" + SyncInvocation.KEEP_ALIVE_SOURCE + "\"}"), "r11", context.getLogger());

        assertThat(onlyLine()).contains("\"outcome\":\"KEPT_ALIVE\"").doesNotContain("_aws");
    }

    @Test
    void aSyncThatCannotFinishThrowsSoLambdaRetriesIt() {
        record Case(RuntimeException failure, SyncFailedException.Reason reason) {}
        List<Case> cases = List.of(
                new Case(
                        new UserPoolUnavailableException("Cognito ListUsers on user pool p failed: x", null, true),
                        SyncFailedException.Reason.DIRECTORY_UNAVAILABLE),
                new Case(
                        new ProfileStoreUnavailableException("DynamoDB GetItem on table t failed: x", null),
                        SyncFailedException.Reason.STORAGE_UNAVAILABLE),
                new Case(new SyncContendedException(3), SyncFailedException.Reason.CONTENDED),
                new Case(new IllegalStateException("jane@example.com"), SyncFailedException.Reason.UNEXPECTED));
        for (Case c : cases) {
            context = new LocalLambdaContext();
            assertThatThrownBy(() -> invocation(command -> {
                                throw c.failure();
                            })
                            .handle(fixture("admin-delete-user.json"), "r12", context.getLogger()))
                    .isInstanceOf(SyncFailedException.class)
                    .hasMessageContaining(c.reason().name())
                    .hasMessageContaining("r12")
                    .hasNoCause()
                    .satisfies(
                            e -> assertThat(((SyncFailedException) e).reason()).isEqualTo(c.reason()));
            assertThat(onlyLine())
                    .contains("\"outcome\":\"FAILED\"")
                    .contains("\"reason\":\"" + c.reason() + "\"")
                    .contains("\"Failed\":1")
                    .contains("\"userSub\":\"" + SUB + "\"")
                    .doesNotContain("jane@example.com");
        }
    }

    @Test
    void namesEveryOutcome() {
        UserId id = new UserId(SUB);
        assertThat(SyncInvocation.code(new SyncResult.Registered(sampleUser()))).isEqualTo("REGISTERED");
        assertThat(SyncInvocation.code(new SyncResult.Updated(sampleUser()))).isEqualTo("UPDATED");
        assertThat(SyncInvocation.code(new SyncResult.NotYetEligible(id))).isEqualTo("NOT_YET_ELIGIBLE");
        assertThat(SyncInvocation.code(new SyncResult.AlreadyErased(id))).isEqualTo("ALREADY_ERASED");
        assertThat(SyncInvocation.code(new SyncResult.NotSeenYet(id))).isEqualTo("NOT_SEEN_YET");
    }

    @Test
    void afterACreatingCallTheUserMayBeTooNewForThePoolAfterAnyOtherTheyAreGone() {
        assertThat(SyncInvocation.absenceAfter("AdminCreateUser"))
                .isInstanceOf(SyncUserCommand.Absence.MayBeTooNew.class);
        assertThat(SyncInvocation.absenceAfter("AdminSetUserPassword"))
                .isInstanceOf(SyncUserCommand.Absence.MayBeTooNew.class);
        assertThat(SyncInvocation.absenceAfter("AdminDeleteUser")).isInstanceOf(SyncUserCommand.Absence.Gone.class);
        assertThat(SyncInvocation.absenceAfter("AdminDisableUser")).isInstanceOf(SyncUserCommand.Absence.Gone.class);
        assertThat(UserChangeEvents.EVENT_NAMES).containsAll(UserChangeEvents.CREATING);
    }

    private static dev.userprofile.domain.User sampleUser() {
        return dev.userprofile.domain.User.register(
                new UserId(SUB), dev.userprofile.domain.UserProfile.empty(), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
