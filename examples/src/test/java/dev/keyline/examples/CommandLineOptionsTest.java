package dev.keyline.examples;

import dev.keyline.domain.common.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineOptionsTest {

    private static CommandLineOptions parse(String... args) {
        return CommandLineOptions.parse(List.of(args), Set.of("--spend", "--share"), Set.of("--minimum"));
    }

    @Test
    void readsSeparateAndJoinedValues() {
        CommandLineOptions options = parse("--spend", "a.csv", "--share=0.5", "--minimum", "KM=1", "--minimum=SZ=2");

        assertThat(options.required("--spend")).isEqualTo("a.csv");
        assertThat(options.value("--share")).contains("0.5");
        assertThat(options.values("--minimum")).containsExactly("KM=1", "SZ=2");
        assertThat(options.values("--share")).containsExactly("0.5");
    }

    @Test
    void absentOptionsAreEmpty() {
        CommandLineOptions options = parse();

        assertThat(options.value("--share")).isEmpty();
        assertThat(options.values("--minimum")).isEmpty();
        assertThatThrownBy(() -> options.required("--spend"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--spend: is required");
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> parse("--spnd", "a.csv"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("--spnd"))
                .hasMessageContaining("unknown option");
    }

    @Test
    void rejectsAMissingValue() {
        assertThatThrownBy(() -> parse("--spend"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--spend: needs a value");
        assertThatThrownBy(() -> parse("--spend", "--share", "0.3"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--spend: needs a value");
    }

    @Test
    void rejectsASingleOptionGivenTwice() {
        assertThatThrownBy(() -> parse("--share", "0.3", "--share", "0.4"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--share: may be given only once");
    }

    @Test
    void rejectsStrayWords() {
        assertThatThrownBy(() -> parse("a.csv"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("a.csv: unexpected argument");
    }
}
