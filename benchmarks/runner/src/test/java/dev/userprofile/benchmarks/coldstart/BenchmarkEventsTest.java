package dev.userprofile.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BenchmarkEventsTest {

    @Test
    void anApiEventIsTheSampleRequestForTheMethodAndUserSignedInJustBefore() {
        String event = BenchmarkEvents.api(
                "DELETE",
                "11111111-2222-3333-4444-555555555555",
                "ann@example.com",
                Instant.ofEpochSecond(2_000_000_000L));

        assertThat(event)
                .contains("\"DELETE /me\"", "\"method\": \"DELETE\"")
                .contains("11111111-2222-3333-4444-555555555555", "ann@example.com", "1999999995")
                .doesNotContain(
                        "GET /me", "7f3e2a10-5c4b-4d8e-9a61-2b7c9d0e1f21", "jane.doe@example.com", "1796039940");
    }

    @Test
    void everySignUpIsANewUser() {
        assertThat(BenchmarkEvents.signUp())
                .isNotEqualTo(BenchmarkEvents.signUp())
                .contains("PostConfirmation_ConfirmSignUp");
    }
}
