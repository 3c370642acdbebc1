package dev.userprofile.adapters.cognito.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class TriggerFailedExceptionTest {

    @Test
    void whatTheRuntimeWouldPrintKeepsTypesAndFramesButNoMessage() {
        IllegalStateException original = new IllegalStateException(
                "jane.doe@example.com", new UncheckedIOException("+15550100000", new IOException("Doe")));

        TriggerFailedException failure =
                new TriggerFailedException(TriggerFailedException.Reason.UNEXPECTED, "r-1", original);
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .contains(
                        IllegalStateException.class.getName(),
                        UncheckedIOException.class.getName(),
                        IOException.class.getName(),
                        TriggerFailedExceptionTest.class.getName())
                .doesNotContain("jane.doe", "+1555", "Doe");
        assertThat(((TriggerFailedException.RedactedCause) failure.getCause()).originalType())
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.getCause().getStackTrace()).isEqualTo(original.getStackTrace());
    }
}
