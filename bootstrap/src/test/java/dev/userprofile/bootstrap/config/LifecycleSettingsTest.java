package dev.userprofile.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sync and reconcile functions' own variables, as template.yaml sets them and as a bad deployment would. */
class LifecycleSettingsTest {

    @Test
    void theSyncSettingsTakeThePoolTheTombstoneDaysAndALocalCognito() {
        SyncSettings settings = SyncSettings.fromEnvironment(Map.of(
                "USER_POOL_ID", " eu-west-1_Abc ",
                "TOMBSTONE_TTL_DAYS", "7",
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://127.0.0.1:9229"));

        assertThat(settings.userPoolId()).isEqualTo("eu-west-1_Abc");
        assertThat(settings.tombstoneLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.cognitoEndpoint()).contains(URI.create("http://127.0.0.1:9229"));
        assertThat(SyncSettings.fromEnvironment(Map.of("USER_POOL_ID", "p")))
                .isEqualTo(new SyncSettings("p", Duration.ofDays(30), Optional.empty()));
    }

    @Test
    void aMissingPoolOrAMalformedNumberOfDaysFailsInitNamingEach() {
        assertThatThrownBy(() -> SyncSettings.fromEnvironment(Map.of("TOMBSTONE_TTL_DAYS", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("USER_POOL_ID must be set")
                .hasMessageContaining("TOMBSTONE_TTL_DAYS must be a whole number of days from 1 to 3650");
        assertThatThrownBy(() -> SyncSettings.fromEnvironment(Map.of("USER_POOL_ID", "p", "TOMBSTONE_TTL_DAYS", "x")))
                .hasMessageContaining("TOMBSTONE_TTL_DAYS");
    }

    @Test
    void theReconcileSettingsTakeThePaceAndTheGuardWithDefaults() {
        assertThat(ReconcileSettings.fromEnvironment(Map.of(
                        "RECONCILE_CALLS_PER_SECOND", "2.5",
                        "RECONCILE_MAX_ERASURE_SHARE", "0",
                        "RECONCILE_STATE_TABLE", "state")))
                .isEqualTo(new ReconcileSettings(2.5, 0, Duration.ofMinutes(5), "state"));
        assertThat(ReconcileSettings.fromEnvironment(Map.of("RECONCILE_STATE_TABLE", "state")))
                .isEqualTo(new ReconcileSettings(5, 0.05, Duration.ofMinutes(5), "state"));
        assertThat(ReconcileSettings.fromEnvironment(
                                Map.of("RECONCILE_SEEN_RECENTLY_SECONDS", "0", "RECONCILE_STATE_TABLE", "state"))
                        .seenRecently())
                .isZero();
    }

    @Test
    void aPaceAShareOrAGraceOutOfRangeFailsInitNamingEach() {
        assertThatThrownBy(() -> ReconcileSettings.fromEnvironment(Map.of(
                        "RECONCILE_CALLS_PER_SECOND", "31",
                        "RECONCILE_MAX_ERASURE_SHARE", "1.5",
                        "RECONCILE_SEEN_RECENTLY_SECONDS", "2.5")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RECONCILE_CALLS_PER_SECOND must be a number above 0 and at most 30")
                .hasMessageContaining("RECONCILE_MAX_ERASURE_SHARE must be a number from 0 to 1")
                .hasMessageContaining("RECONCILE_SEEN_RECENTLY_SECONDS must be a whole number of seconds")
                .hasMessageContaining("RECONCILE_STATE_TABLE must name the reconcile's progress table");
    }

    @Test
    void theApiSettingsTakeDeletionAndItsWindowWithDefaults() {
        assertThat(ApiSettings.fromEnvironment(Map.of())).isEqualTo(new ApiSettings(true, Duration.ofMinutes(5)));
        assertThat(ApiSettings.fromEnvironment(
                        Map.of("ACCOUNT_DELETION", "Disabled", "DELETION_REAUTHENTICATION_SECONDS", "120")))
                .isEqualTo(new ApiSettings(false, Duration.ofMinutes(2)));
        assertThatThrownBy(() -> ApiSettings.fromEnvironment(
                        Map.of("ACCOUNT_DELETION", "yes", "DELETION_REAUTHENTICATION_SECONDS", "5")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACCOUNT_DELETION must be Enabled or Disabled")
                .hasMessageContaining("DELETION_REAUTHENTICATION_SECONDS must be a whole number of seconds from 60");
    }
}
