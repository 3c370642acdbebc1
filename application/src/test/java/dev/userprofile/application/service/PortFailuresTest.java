package dev.userprofile.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import java.util.ConcurrentModificationException;
import org.junit.jupiter.api.Test;

class PortFailuresTest {

    @Test
    void aStoreFailureBecomesTheUseCasesOwnKeepingItsMessageAndTheOriginalAsCause() {
        UserStoreUnavailableException down =
                new UserStoreUnavailableException("DynamoDB GetItem on table t failed", null);

        assertThatThrownBy(() -> PortFailures.reported(() -> {
                    throw down;
                }))
                .isExactlyInstanceOf(ProfileStoreUnavailableException.class)
                .hasMessage("DynamoDB GetItem on table t failed")
                .cause()
                .isSameAs(down);
    }

    @Test
    void aPoolFailureBecomesTheUseCasesOwnKeepingWhetherItMayPass() {
        for (boolean passing : new boolean[] {true, false}) {
            UserDirectoryUnavailableException down =
                    new UserDirectoryUnavailableException("Cognito ListUsers on user pool p failed", null, passing);

            assertThatThrownBy(() -> PortFailures.reported(() -> {
                        throw down;
                    }))
                    .isExactlyInstanceOf(UserPoolUnavailableException.class)
                    .hasMessage("Cognito ListUsers on user pool p failed")
                    .satisfies(e -> assertThat(((UserPoolUnavailableException) e).passing())
                            .isEqualTo(passing))
                    .cause()
                    .isSameAs(down);
        }
    }

    @Test
    void aFailureAlreadyTurnedByAnInnerUseCaseIsNotTurnedAgain() {
        ProfileStoreUnavailableException inner = new ProfileStoreUnavailableException("store down", null);

        assertThatThrownBy(() -> PortFailures.reported(() -> PortFailures.reported(() -> {
                    throw inner;
                })))
                .isSameAs(inner);
    }

    @Test
    void everythingElsePassesUnchanged() {
        ConcurrentModificationException bug = new ConcurrentModificationException("a bug");
        InterruptedException stopped = new InterruptedException("stopped");

        assertThatThrownBy(() -> PortFailures.reported(() -> {
                    throw bug;
                }))
                .isSameAs(bug);
        assertThatThrownBy(() -> PortFailures.reported(() -> {
                    throw stopped;
                }))
                .isSameAs(stopped);
        assertThat(PortFailures.reported(() -> "answer")).isEqualTo("answer");
    }
}
