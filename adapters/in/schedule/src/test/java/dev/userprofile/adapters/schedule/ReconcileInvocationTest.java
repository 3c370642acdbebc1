package dev.userprofile.adapters.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.ReconcilePoolCommand;
import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.service.ReconcilePoolService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.application.testing.InMemoryReconcileProgressStore;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.local.testing.lambda.EmbeddedMetrics;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileInvocationTest {

    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    /** Takes the invocation's log lines as Lambda's logger does. */
    private LocalLambdaContext context = new LocalLambdaContext();

    private final InMemoryUserRepository store = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();

    private final InMemoryReconcileProgressStore progress = new InMemoryReconcileProgressStore();

    private ReconcileInvocation invocation(double share) {
        ReconcilePoolUseCase reconcile = new ReconcilePoolService(
                pool,
                pool,
                store,
                new SyncUserService(
                        pool, store, store, store, new RegisterUserService(store, CLOCK), CLOCK, Duration.ofDays(30)),
                () -> {},
                progress,
                CLOCK,
                Duration.ofMinutes(16));
        return new ReconcileInvocation(reconcile, share, Duration.ZERO, CLOCK, "reconcile-fn");
    }

    private static final long PLENTY = Duration.ofMinutes(14).toMillis();

    private static InputStream event(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ReconcileReport> scheduled(ReconcileInvocation invocation, String requestId) {
        return invocation.handle(event("{\"source\":\"aws.events\"}"), requestId, context.getLogger(), () -> PLENTY);
    }

    private void user(int n, boolean inPool, boolean stored, String poolEmail) {
        UserId id = new UserId("sub-" + n);
        if (inPool) {
            pool.put(new DirectoryUser(
                    id,
                    UserProfile.builder()
                            .email(VerifiableEmail.of(poolEmail, true))
                            .build(),
                    UserStatus.ACTIVE,
                    true,
                    JOINED));
        }
        if (stored) {
            store.store(User.register(
                    id,
                    UserProfile.builder()
                            .email(VerifiableEmail.of("u" + n + "@example.com", true))
                            .build(),
                    JOINED));
        }
    }

    @Test
    void aRunRepairsEverythingAndLogsOneSummaryWithItsMetrics() {
        for (int n = 1; n <= 20; n++) {
            user(n, true, true, "u" + n + "@example.com");
        }
        user(21, true, false, "new@example.com");
        user(3, true, true, "changed@example.com");
        user(22, false, true, null);

        ReconcileReport report = scheduled(invocation(0.1), "r1").orElseThrow();

        assertThat(report.erased()).isEqualTo(1);
        assertThat(store.lookUp(new UserId("sub-22"))).isInstanceOf(UserLookup.Erased.class);
        assertThat(store.findById(new UserId("sub-21"))).isPresent();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"event\":\"reconcile\"")
                .contains("\"outcome\":\"RECONCILED\"")
                .contains("\"level\":\"INFO\"")
                .contains("\"Checked\":21")
                .contains("\"Missing\":1")
                .contains("\"Stale\":1")
                .contains("\"Erased\":1")
                .contains("\"Refused\":0")
                .contains("\"Drift\":3")
                .doesNotContain("example.com");
        assertThat(EmbeddedMetrics.names(context.logLines().getFirst()))
                .as("a finished run emits every declared metric but Failed")
                .isEqualTo(ReconcileInvocation.METRIC_NAMES.stream()
                        .filter(name -> !name.equals("Failed"))
                        .toList());
    }

    @Test
    void aRefusedErasureIsAWarningWithItsReasonAndCountsInRefused() {
        for (int n = 1; n <= 10; n++) {
            user(n, true, true, "u" + n + "@example.com");
        }
        for (int n = 20; n < 25; n++) {
            user(n, false, true, null);
        }

        ReconcileReport report = scheduled(invocation(0.05), "r2").orElseThrow();

        assertThat(report.refused()).contains(ReconcileReport.Refusal.TOO_MANY_ORPHANS);
        assertThat(store.findById(new UserId("sub-20"))).isPresent();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"level\":\"WARN\"")
                .contains("\"outcome\":\"ERASURE_REFUSED\"")
                .contains("\"refusal\":\"TOO_MANY_ORPHANS\"")
                .contains("\"Refused\":1");
    }

    @Test
    void aRunThatCannotFinishThrowsWithItsReasonAndLogsIt() {
        record Case(RuntimeException failure, ReconcileFailedException.Reason reason) {}
        for (Case c : List.of(
                new Case(
                        new UserPoolUnavailableException("Cognito ListUsers on user pool p failed", null, true),
                        ReconcileFailedException.Reason.DIRECTORY_UNAVAILABLE),
                new Case(
                        new ProfileStoreUnavailableException("DynamoDB Scan on table t failed", null),
                        ReconcileFailedException.Reason.STORAGE_UNAVAILABLE),
                new Case(new SyncContendedException(3), ReconcileFailedException.Reason.CONTENDED),
                new Case(new IllegalStateException("jane@example.com"), ReconcileFailedException.Reason.UNEXPECTED))) {
            context = new LocalLambdaContext();
            ReconcileInvocation failing =
                    new ReconcileInvocation(failingWith(c.failure()), 0.05, Duration.ZERO, CLOCK, "reconcile-fn");

            assertThatThrownBy(() -> scheduled(failing, "r3"))
                    .isInstanceOf(ReconcileFailedException.class)
                    .hasMessageContaining(c.reason().name())
                    .hasNoCause();
            assertThat(context.logLines())
                    .singleElement()
                    .asString()
                    .contains("\"outcome\":\"FAILED\"")
                    .contains("\"reason\":\"" + c.reason() + "\"")
                    .contains("\"Failed\":1")
                    .doesNotContain("jane@example.com");
            assertThat(ReconcileInvocation.METRIC_NAMES)
                    .containsAll(EmbeddedMetrics.names(context.logLines().getFirst()));
        }
    }

    @Test
    void aShareOutsideZeroToOneFailsAtInit() {
        assertThatThrownBy(() -> invocation(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconcileInvocation(
                        failingWith(new AssertionError()), 0.05, Duration.ofSeconds(-1), CLOCK, "reconcile-fn"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ReconcilePoolUseCase failingWith(Throwable failure) {
        return new ReconcilePoolUseCase() {
            @Override
            public ReconcileReport reconcile(ReconcilePoolCommand command) {
                throw sneaky(failure);
            }

            @Override
            public Optional<ReconcileReport> continueRun(ReconcilePoolCommand command) {
                throw sneaky(failure);
            }
        };
    }

    private static RuntimeException sneaky(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    @Test
    void aRunThatNeedsLongerPausesLogsItsCountsWithoutMetricsAndTheContinueEventFinishesIt() {
        for (int n = 1; n <= 150; n++) {
            user(n, true, n % 5 != 0, "u" + n + "@example.com");
        }
        ReconcileInvocation invocation = invocation(0.1);
        long[] remaining = {PLENTY};

        Optional<ReconcileReport> first =
                invocation.handle(event("{\"source\":\"aws.events\"}"), "r4", context.getLogger(), () -> {
                    long left = remaining[0];
                    remaining[0] = ReconcileInvocation.PAUSE_MARGIN.toMillis() - 1;
                    return left;
                });

        assertThat(first)
                .get()
                .satisfies(report -> assertThat(report.finished()).isFalse());
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"outcome\":\"PAUSED\"", "\"checked\":60")
                .doesNotContain("_aws", "Checked");

        LocalLambdaContext next = new LocalLambdaContext();
        Optional<ReconcileReport> rest =
                invocation.handle(event("{\"continue\":true}"), "r5", next.getLogger(), () -> PLENTY);

        assertThat(rest).get().satisfies(report -> assertThat(report.finished()).isTrue());
        assertThat(next.logLines())
                .singleElement()
                .asString()
                .contains("\"outcome\":\"RECONCILED\"", "\"Checked\":150", "\"Missing\":30", "\"Drift\":30");
    }

    @Test
    void aContinueEventWithNoRunUnderWayDoesNothingAndSaysSoOnlyAtDebug() {
        user(1, true, false, "u1@example.com");

        Optional<ReconcileReport> outcome =
                invocation(0.1).handle(event("{\"continue\":true}"), "r6", context.getLogger(), () -> PLENTY);

        assertThat(outcome).isEmpty();
        assertThat(store.findById(new UserId("sub-1"))).isEmpty();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("\"level\":\"DEBUG\"", "\"outcome\":\"NOTHING_TO_CONTINUE\"");
    }

    @Test
    void anInvocationThatFindsTheRunHeldLeavesItAlone() {
        user(1, true, false, "u1@example.com");
        progress.claim(CLOCK.instant(), CLOCK.instant().plus(Duration.ofMinutes(16)));

        Optional<ReconcileReport> outcome = scheduled(invocation(0.1), "r7");

        assertThat(outcome).isEmpty();
        assertThat(store.findById(new UserId("sub-1"))).isEmpty();
        assertThat(context.logLines()).singleElement().asString().contains("\"outcome\":\"BUSY\"");
    }

    @Test
    void anEventThatIsNotOneItTakesRunsNothing() {
        user(1, true, false, "u1@example.com");
        for (String bad : List.of("[]", "{\"continue\":\"yes\"}", "{\"continue\":true} {}", "not json")) {
            context = new LocalLambdaContext();

            assertThatThrownBy(() -> invocation(0.1).handle(event(bad), "r8", context.getLogger(), () -> PLENTY))
                    .isInstanceOf(ReconcileFailedException.class)
                    .hasMessageContaining("MALFORMED_EVENT");
            assertThat(context.logLines()).singleElement().asString().contains("MALFORMED_EVENT");
        }
        assertThat(store.findById(new UserId("sub-1"))).isEmpty();

        Optional<ReconcileReport> noPayload =
                invocation(0.1).handle(event(""), "r9", new LocalLambdaContext().getLogger(), () -> PLENTY);
        assertThat(noPayload).as("no payload at all starts a run").isPresent();
    }
}
