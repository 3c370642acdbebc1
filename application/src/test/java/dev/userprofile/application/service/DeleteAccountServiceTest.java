package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.AccountDeletionResult;
import dev.userprofile.application.port.in.DeleteAccountCommand;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.UserAccountDeleter;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserLookup;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.testing.InMemoryUserRepository;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.Identity;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteAccountServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final UserId ANN = new UserId("sub-ann");
    private static final UserProfile PROFILE = UserProfile.builder()
            .email(VerifiableEmail.of("ann@example.com", true))
            .build();

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final Pool pool = new Pool();
    private final DeleteAccountService service =
            new DeleteAccountService(users, pool, users, Clock.fixed(NOW, ZoneOffset.UTC), WINDOW, Duration.ofDays(30));

    /** A pool of user names, with an outage switch and the order of what happened. */
    private final class Pool implements UserAccountDeleter {
        final Set<String> usernames = new HashSet<>(Set.of("ann"));
        final List<String> deleted = new ArrayList<>();
        boolean down;

        @Override
        public Deletion deleteAccount(String username) {
            if (down) {
                throw new UserDirectoryUnavailableException("Cognito AdminDeleteUser failed", null);
            }
            deleted.add(username + (users.findById(ANN).isPresent() ? " while the profile was there" : ""));
            return usernames.remove(username) ? Deletion.DELETED : Deletion.ALREADY_GONE;
        }
    }

    @BeforeEach
    void annHasAProfile() {
        users.store(User.register(ANN, PROFILE, NOW.minus(Duration.ofDays(90))));
    }

    private static DeleteAccountCommand signedIn(Duration ago) {
        return new DeleteAccountCommand(ANN, "ann", Optional.of(NOW.minus(ago)));
    }

    @Test
    void afterARecentSignInThePoolsUserGoesFirstThenTheProfileLeavesATombstone() {
        assertThat(service.deleteAccount(signedIn(Duration.ofMinutes(4))))
                .isEqualTo(new AccountDeletionResult.Deleted(true));

        assertThat(pool.deleted).containsExactly("ann while the profile was there");
        UserLookup.Erased erased = (UserLookup.Erased) users.stored(ANN).orElseThrow();
        assertThat(erased.erasure().reason()).isEqualTo(ErasureReason.DELETED_BY_USER);
        assertThat(erased.erasure().erasedAt()).isEqualTo(NOW);
    }

    @Test
    void aSignInOlderThanTheWindowOrUnknownDeletesNothing() {
        assertThat(service.deleteAccount(signedIn(Duration.ofMinutes(6))))
                .isEqualTo(new AccountDeletionResult.ReauthenticationRequired(WINDOW));
        assertThat(service.deleteAccount(new DeleteAccountCommand(ANN, "ann", Optional.empty())))
                .isEqualTo(new AccountDeletionResult.ReauthenticationRequired(WINDOW));

        assertThat(pool.deleted).isEmpty();
        assertThat(users.findById(ANN)).isPresent();
    }

    @Test
    void aRepeatedDeletionEndsTheSameWay() {
        service.deleteAccount(signedIn(Duration.ZERO));

        assertThat(service.deleteAccount(signedIn(Duration.ZERO))).isEqualTo(new AccountDeletionResult.Deleted(true));
        assertThat(users.stored(ANN)).containsInstanceOf(UserLookup.Erased.class);
        assertThat(pool.deleted)
                .as("the pool is not asked again: the user name may be someone else's by now")
                .hasSize(1);
    }

    @Test
    void whenThePoolCannotDeleteNothingIsErased() {
        pool.down = true;

        assertThatThrownBy(() -> service.deleteAccount(signedIn(Duration.ZERO)))
                .isInstanceOf(UserPoolUnavailableException.class);
        assertThat(users.findById(ANN)).isPresent();
    }

    @Test
    void whenTheStoreCannotEraseTheDeletionStillSucceeds() {
        users.beforeEachWrite(id -> {
            throw new UserStoreUnavailableException("DynamoDB PutItem on table t failed", null);
        });

        assertThat(service.deleteAccount(signedIn(Duration.ZERO))).isEqualTo(new AccountDeletionResult.Deleted(false));
        assertThat(pool.usernames).isEmpty();
    }

    @Test
    void aDisabledAccountIsNotDeletedThroughTheApi() {
        User ann = users.findById(ANN).orElseThrow();
        users.store(ann.follow(Identity.of(PROFILE, UserStatus.DISABLED), NOW));

        assertThat(service.deleteAccount(signedIn(Duration.ZERO))).isEqualTo(new AccountDeletionResult.Disabled());
        assertThat(pool.deleted).isEmpty();
    }
}
