package dev.userprofile.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.application.port.out.UserRegistrar.AddResult;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal repository (SnapStart priming) answers as DynamoDB answers success, through the SDK's real layers,
 * with no server anywhere: nothing here listens, so a request that left the process would fail.
 */
class RehearsalRepositoryTest {

    private final DynamoDbUserRepository rehearsal =
            DynamoDbUserRepository.rehearsal("eu-west-1", "profiles", DynamoDbCallBudget.REGISTRATION);
    private final UserId someone = new UserId("9a1c1f0e-3b7d-4c55-8e2a-6f4b3c2d1e0f");

    @Test
    void everyReadFindsTheSampleProfileUnderTheKeyAskedFor() {
        User found = rehearsal.findById(someone).orElseThrow();

        assertThat(found.id()).isEqualTo(someone);
        assertThat(found.version()).isEqualTo(DynamoDbUserRepository.WARM_UP_SAMPLE.version());
        assertThat(found.profile()).isEqualTo(DynamoDbUserRepository.WARM_UP_SAMPLE.profile());
        assertThat(rehearsal.exists(someone)).isTrue();
    }

    @Test
    void everyWriteIsAccepted() {
        User user = User.register(
                someone,
                UserProfile.builder().givenName(new Name("Jane")).build(),
                Instant.parse("2026-11-30T12:00:00Z"));

        assertThat(rehearsal.addIfAbsent(user)).isEqualTo(AddResult.ADDED);
        assertThat(rehearsal.addIfAbsent(user)).as("nothing was kept").isEqualTo(AddResult.ADDED);
        assertThat(rehearsal.replace(user, 7)).isEqualTo(UserUpdater.ReplaceResult.REPLACED);
    }

    @Test
    void aCallTheRehearsalDoesNotKnowIsAMisuseNamedAsSuch() {
        assertThatThrownBy(() -> rehearsal.forEachUser(user -> {}))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("answers GetItem and PutItem, not DynamoDB_20120810.Scan");
    }
}
