package dev.userprofile.adapters.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.ReconcilePoolUseCase;
import dev.userprofile.application.port.in.ReconcileReport;
import dev.userprofile.application.port.in.SyncContendedException;
import dev.userprofile.application.port.out.DirectoryUser;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import dev.userprofile.application.service.ReconcilePoolService;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.SyncUserService;
import dev.userprofile.application.testing.InMemoryUserDirectory;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.local.support.lambda.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcileInvocationTest {

    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    /** Takes the invocation's log lines as Lambda's logger does. */
    private LocalLambdaContext context = new LocalLambdaContext();

    private final InMemoryUserRepository store = new InMemoryUserRepository();
    private final InMemoryUserDirectory pool = new InMemoryUserDirectory();

    private ReconcileInvocation invocation(double share) {
        ReconcilePoolUseCase reconcile = new ReconcilePoolService(
                pool,
                store,
                new SyncUserService(
                        pool, store, store, store, new RegisterUserService(store, CLOCK), CLOCK, Duration.ofDays(30)),
                () -> {});
        return new ReconcileInvocation(reconcile, share, Duration.ZERO, CLOCK, "reconcile-fn");
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

        ReconcileReport report = invocation(0.1).handle("r1", context.getLogger());

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
    }

    @Test
    void aRefusedErasureIsAWarningWithItsReasonAndCountsInRefused() {
        for (int n = 1; n <= 10; n++) {
            user(n, true, true, "u" + n + "@example.com");
        }
        for (int n = 20; n < 25; n++) {
            user(n, false, true, null);
        }

        ReconcileReport report = invocation(0.05).handle("r2", context.getLogger());

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
                        new UserDirectoryUnavailableException("Cognito ListUsers on user pool p failed", null),
                        ReconcileFailedException.Reason.DIRECTORY_UNAVAILABLE),
                new Case(
                        new UserRepositoryUnavailableException("DynamoDB Scan on table t failed", null),
                        ReconcileFailedException.Reason.STORAGE_UNAVAILABLE),
                new Case(new SyncContendedException(3), ReconcileFailedException.Reason.CONTENDED),
                new Case(new IllegalStateException("jane@example.com"), ReconcileFailedException.Reason.UNEXPECTED))) {
            context = new LocalLambdaContext();
            ReconcileInvocation failing = new ReconcileInvocation(
                    command -> {
                        throw c.failure();
                    },
                    0.05,
                    Duration.ZERO,
                    CLOCK,
                    "reconcile-fn");

            assertThatThrownBy(() -> failing.handle("r3", context.getLogger()))
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
        }
    }

    @Test
    void aShareOutsideZeroToOneFailsAtInit() {
        assertThatThrownBy(() -> invocation(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconcileInvocation(
                        command -> {
                            throw new AssertionError();
                        },
                        0.05,
                        Duration.ofSeconds(-1),
                        CLOCK,
                        "reconcile-fn"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
