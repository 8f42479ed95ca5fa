package dev.keyline.examples.classify;

import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Properties of {@code classify} over generated spend files: the result does not depend on the
 * order of the rows, nor on how one customer's spend in a month is split over rows.
 */
class ClassifyProperties {

    private static final String[] NETWORKS = {"KM", "SZ", "XA"};

    @TempDir
    Path dir;

    /** One row: customer {@code C<n>} (its network follows from n), a month of 2024, an amount in cents. */
    record Row(int customer, int month, long cents) {
        String csv() {
            return "C" + customer + "," + NETWORKS[customer % NETWORKS.length] + ",2024-"
                    + String.format("%02d", month) + "," + BigDecimal.valueOf(cents, 2).toPlainString();
        }
    }

    private static Gen<Row> rows() {
        return integers().between(0, 11).zip(integers().between(1, 6), longs().between(0, 3_000_000), Row::new);
    }

    private static Gen<List<Row>> files() {
        return lists().of(rows()).ofSizeBetween(1, 40);
    }

    /** Options for the run: the default share, another share, or a minimum for one network. */
    private static Gen<List<String>> options() {
        return integers().between(0, 3).zip(integers().between(1, 100), (kind, n) -> switch (kind) {
            case 0 -> List.<String>of();
            case 1 -> List.of("--share", BigDecimal.valueOf(n, 2).toPlainString());
            default -> List.of("--minimum", NETWORKS[n % NETWORKS.length] + "=" + (n * 500));
        });
    }

    private CliRun classify(String name, List<Row> rows, List<String> options) {
        try {
            Path file = dir.resolve(name);
            StringBuilder text = new StringBuilder("customer,network,month,spend\n");
            rows.forEach(r -> text.append(r.csv()).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("classify", "--spend", file.toString()));
            args.addAll(options);
            return CliRun.of(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean namesEveryMinimumNetwork(List<Row> rows, List<String> options) {
        if (options.isEmpty() || !options.get(0).equals("--minimum")) {
            return true;
        }
        String network = options.get(1).substring(0, 2);
        return rows.stream().anyMatch(r -> NETWORKS[r.customer() % NETWORKS.length].equals(network));
    }

    @Test
    void resultDoesNotDependOnRowOrder() {
        qt().withExamples(150).forAll(files(), longs().all(), options())
                .assuming((rows, seed, options) -> namesEveryMinimumNetwork(rows, options))
                .checkAssert((rows, seed, options) -> {
                    List<Row> shuffled = new ArrayList<>(rows);
                    Collections.shuffle(shuffled, new Random(seed));

                    CliRun original = classify("original.csv", rows, options);
                    CliRun reordered = classify("shuffled.csv", shuffled, options);

                    assertThat(original.status()).as(original.err()).isEqualTo(ExitStatus.OK);
                    assertThat(reordered.out()).isEqualTo(original.out());
                });
    }

    @Test
    void splittingARowIntoSeveralRowsOfTheSameCustomerAndMonthChangesNothing() {
        qt().withExamples(150).forAll(files(), longs().all(), options())
                .assuming((rows, seed, options) -> namesEveryMinimumNetwork(rows, options))
                .checkAssert((rows, seed, options) -> {
                    Random random = new Random(seed);
                    List<Row> split = new ArrayList<>();
                    for (Row row : rows) {
                        int parts = 1 + random.nextInt(3);
                        long left = row.cents();
                        for (int i = 1; i < parts; i++) {
                            long part = left == 0 ? 0 : (long) (random.nextDouble() * (left + 1));
                            split.add(new Row(row.customer(), row.month(), part));
                            left -= part;
                        }
                        split.add(new Row(row.customer(), row.month(), left));
                    }
                    Collections.shuffle(split, random);

                    CliRun whole = classify("whole.csv", rows, options);
                    CliRun parts = classify("split.csv", split, options);

                    assertThat(whole.status()).as(whole.err()).isEqualTo(ExitStatus.OK);
                    assertThat(parts.out()).isEqualTo(whole.out());
                });
    }
}
