package dev.userprofile.adapters.cognito.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine parse(String... args) {
        return CommandLine.parse("backfill", List.of(args), Set.of("--table", "--rate"), Set.of("--dry-run"));
    }

    @Test
    void readsValuesAndFlags() {
        CommandLine line = parse("--table", "t", "--dry-run", "--rate", "2.5");

        assertThat(line.required("--table")).isEqualTo("t");
        assertThat(line.flag("--dry-run")).isTrue();
        assertThat(line.positiveNumber("--rate", 5)).isEqualTo(2.5);
        assertThat(parse().positiveNumber("--rate", 5)).isEqualTo(5);
        assertThat(parse().optional("--table")).isEmpty();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> parse("--colour")).hasMessage("backfill: unknown option --colour");
        assertThatThrownBy(() -> parse("--table")).hasMessage("backfill: --table needs a value");
        assertThatThrownBy(() -> parse("--table", "--dry-run")).hasMessage("backfill: --table needs a value");
        assertThatThrownBy(() -> parse("--table", "a", "--table", "b")).hasMessage("backfill: --table given twice");
        assertThatThrownBy(() -> parse().required("--table")).hasMessage("backfill: --table is required");
        assertThatThrownBy(() -> parse("--rate", "0").positiveNumber("--rate", 5))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--rate must be a number");
    }
}
