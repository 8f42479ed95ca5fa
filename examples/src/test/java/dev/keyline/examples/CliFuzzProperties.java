package dev.keyline.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Fuzz" reliability suite for the command line: random and mutated CSV and JSON files and
 * arguments for every command (classify, allocate, plan, kpi). Whatever the input, the command
 * exits with a documented status: {@link ExitStatus#OK} with nothing on stderr, or
 * {@link ExitStatus#BAD_INPUT} with nothing on stdout and one message on stderr that starts with
 * the command's name, never a stack trace. The seed is fixed; {@code -Dkeyline.fuzz.examples=N}
 * raises the count (default 2,000 / 4 = 500 inputs per command).
 */
class CliFuzzProperties {

    private static final int EXAMPLES = Integer.getInteger("keyline.fuzz.examples", 2_000) / 4;
    private static final AtomicLong FUZZED = new AtomicLong();
    private static final String[] TOKENS = {"\"", ",", ",,", "\n", "\r\n", "{", "}", "[", "]", ":", "null", "-1", "0",
        "1e400", "99999999999999999999999", "2024-13", "\uFEFF", "\uD83D\uDE00", "中", "'", "\\", "NaN", "true", " "};

    @TempDir
    Path dir;

    /** A command's valid input and how to run it on a (mutated) input text. */
    private record Command(String name, String valid, BiFunction<Path, String, CliRun> run) {
    }

    private List<Command> commands() {
        String csv = "customer,network,month,spend\nC1,KM,2024-01,6000.00\nC2,KM,2024-01,12.5\nC1,KM,2024-02,7000\n";
        String stages = "{\"stages\":[{\"id\":\"order\",\"days\":0.5,\"after\":[]},"
                + "{\"id\":\"local\",\"days\":1,\"after\":[\"order\"]}]}";
        return List.of(
                new Command("classify", csv, (d, text) -> CliRun.of("classify", "--spend", write(d, "spend.csv", text).toString())),
                new Command("plan", stages, (d, text) -> CliRun.of("plan", "--stages", write(d, "stages.json", text).toString(),
                        "--start", "2026-03-02T09:00:00Z")),
                new Command("kpi", march(), (d, text) -> CliRun.of("kpi", "--facts", write(d, "facts.json", text).toString())),
                new Command("allocate", "100.00|group=1,branch=2,shop=3", (d, text) -> {
                    String[] parts = text.split("\\|", 2);
                    return CliRun.of("allocate", "--amount", parts[0], "--shares", parts.length > 1 ? parts[1] : "");
                }));
    }

    @Test
    void everyCommandAnswersHostileInputWithADocumentedStatus() {
        List<Command> commands = commands();
        qt().withFixedSeed(20261203L).withExamples(EXAMPLES * commands.size())
                .forAll(integers().between(0, commands.size() - 1), longs().all())
                .checkAssert((index, seed) -> {
                    Command command = commands.get(index);
                    Random random = new Random(seed);
                    String text = random.nextInt(8) == 0 ? random(random) : mutate(command.valid(), random);
                    CliRun run = command.run().apply(dir, text);
                    FUZZED.incrementAndGet();
                    assertThat(run.status()).as("%s on %s: %s", command.name(), text, run.err())
                            .isIn(ExitStatus.OK, ExitStatus.BAD_INPUT);
                    assertThat(run.err()).as(command.name()).doesNotContain("\tat ", "Exception");
                    if (run.status() == ExitStatus.BAD_INPUT) {
                        assertThat(run.out()).as("%s: nothing on stdout for bad input %s", command.name(), text).isEmpty();
                        assertThat(run.err()).as(command.name()).startsWith("keyline " + command.name() + ": ");
                    } else {
                        assertThat(run.err()).as("%s: nothing on stderr when it succeeds", command.name()).isEmpty();
                    }
                });
    }

    /** One to three edits: a cut, a doubled piece, or a stray token. */
    private static String mutate(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        for (int i = 0, edits = 1 + random.nextInt(3); i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(16))));
                default -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return text.toString();
    }

    private static String random(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    private static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String march() {
        try (InputStream in = CliFuzzProperties.class.getResourceAsStream("kpi/march.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("CLI fuzz: " + FUZZED.get() + " inputs fuzzed");
    }
}
