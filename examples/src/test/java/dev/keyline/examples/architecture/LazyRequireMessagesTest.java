package dev.keyline.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source of any Keyline module builds a {@code Require.that} message on every call (see
 * {@link EagerRequireMessages}): the message of a check that holds is never read, and building it
 * anyway once cost the relay more than half of its own CPU time (an outbox entry's check printed
 * its deliveries, instants and all, for every entry built).
 */
class LazyRequireMessagesTest {

    /** The modules whose main sources are scanned, as siblings of this module's directory. */
    private static final List<String> MODULES = List.of("domain", "spi", "adapters-jdbc", "adapters-webhook",
            "adapters-kafka", "examples", "benchmarks");

    @Test
    void noMainSourceBuildsARequireMessageOnEveryCall() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> eager = new ArrayList<>();
        int scanned = 0;
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("the main sources of module %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scanned++;
                    for (String hit : EagerRequireMessages.in(read(file))) {
                        eager.add(root.relativize(file) + ":" + hit);
                    }
                }
            }
        }
        assertThat(scanned).as("Java files scanned").isGreaterThan(500);
        assertThat(eager).as("Require.that calls whose message is built even when the check holds; "
                + "give the message as a lambda, () -> \"...\" + value").isEmpty();
    }

    @Test
    void aMessageBuiltFromAValueIsFoundAndTheLazyFormsAreNot() {
        String source = """
                class C {
                    void m(int count, java.util.List<String> items) {
                        Require.that(count > 0, "count", "must be positive, was " + count);
                        Require.that(count < 9, "count",
                                String.format("must be below %d", 9));
                        Require.that(count > 0, "count", () -> "must be positive, was " + count);
                        Require.that(count > 0, "count", "must be positive");
                        Require.that(count > 0, "count", "must be " + "positive, (a, b)");
                        Require.that(items.contains(","), "items", MESSAGE);
                        Require.that(f(count, ')'), "count", "a ')' or \\"(\\" inside, " + items);
                        Require.that(count > 0, "count", \"""
                                a text block, (with parentheses
                                \""");
                    }
                }
                """;

        assertThat(EagerRequireMessages.in(source)).containsExactly(
                "3: \"must be positive, was \" + count",
                "4: String.format(\"must be below %d\", 9)",
                "10: \"a ')' or \\\"(\\\" inside, \" + items");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
