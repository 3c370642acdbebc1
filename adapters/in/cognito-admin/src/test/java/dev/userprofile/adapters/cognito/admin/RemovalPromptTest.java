package dev.userprofile.adapters.cognito.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemovalPromptTest {

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    private boolean answer(String input) {
        return new RemovalPrompt(
                        new BufferedReader(new StringReader(input)),
                        new PrintStream(shown, true, StandardCharsets.UTF_8))
                .confirm(3, "eu-west-1_Pool", "profiles");
    }

    @Test
    void onlyTheWordYesRemoves() {
        assertThat(answer("yes\n")).isTrue();
        assertThat(answer("  yes  \n")).as("surrounding blanks are forgiven").isTrue();
        assertThat(shown.toString(StandardCharsets.UTF_8))
                .contains("Remove 3 profiles from table profiles whose users are not in pool eu-west-1_Pool?");
    }

    @Test
    void theEndOfInputKeepsEverything() {
        assertThat(answer("")).as("a cron job fed from /dev/null").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "y\n", "Y\n", "YES\n", "yes please\n", "no\n", "\nyes\n"})
    void anyOtherAnswerKeepsEverything(String input) {
        assertThat(answer(input)).isFalse();
    }

    @Test
    void aFailedReadKeepsEverything() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("terminal gone");
            }

            @Override
            public void close() {}
        };

        assertThat(new RemovalPrompt(new BufferedReader(broken), new PrintStream(shown, true, StandardCharsets.UTF_8))
                        .confirm(1, "p", "t"))
                .isFalse();
    }
}
