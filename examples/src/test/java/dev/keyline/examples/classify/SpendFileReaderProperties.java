package dev.keyline.examples.classify;

import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.common.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The parallel byte-level reader ({@link SpendFileReader}, then the rules over folded averages)
 * against the whole-file reader ({@link SpendCsv}, {@link SpendSheet}, the rules over maps) on
 * random files, good and bad: the same JSON for a good file, the same message (line included) for
 * a bad one, however the file is split into parts and blocks.
 */
class SpendFileReaderProperties {

    private static final String[] NETWORKS = {"KM", "SZ", "XA"};
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    @TempDir
    Path dir;

    /** A random file: mostly plain rows, now and then a row written another legal way, and with {@code errors} a chance of a bad line. */
    static byte[] file(long seed, boolean errors) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String end = LINE_ENDS[random.nextInt(LINE_ENDS.length)];
        write(out, (random.nextInt(5) == 0 ? "\uFEFF" : "") + "customer,network,month,spend" + end);
        int rows = random.nextInt(60);
        for (int r = 0; r < rows; r++) {
            int customer = random.nextInt(15);
            String network = NETWORKS[customer % NETWORKS.length];
            String month = String.format("2024-%02d", 1 + random.nextInt(4));
            String spend = random.nextInt(6) * 50 + (random.nextBoolean() ? "" : "." + random.nextInt(10)
                    + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(10))));
            String line = "C" + customer + "," + network + "," + month + "," + spend;
            switch (random.nextInt(12)) {
                case 0 -> line = " \"C" + customer + "\" ,\t" + network + " ," + month + ", \"" + spend + "\"";
                case 1 -> line = "C" + customer + "," + network + "," + month + ",00" + spend;
                default -> { }
            }
            if (errors && random.nextInt(25) == 0) {
                line = switch (random.nextInt(11)) {
                    case 0 -> "C" + customer + "," + network + ",2024-13," + spend;
                    case 1 -> "C" + customer + "," + network + "," + month + ",-" + spend;
                    case 2 -> "C" + customer + "," + network + "," + month + ",1.234";
                    case 3 -> "C" + customer + "," + NETWORKS[(customer + 1) % NETWORKS.length] + "," + month + "," + spend;
                    case 4 -> "";
                    case 5 -> "C\u00e9" + customer + "," + network + "," + month + "," + spend;
                    case 6 -> "\"C" + customer + "," + network + "," + month + "," + spend;
                    case 7 -> "C" + customer + "," + network + "," + month;
                    case 8 -> "  \t";
                    case 9 -> "C" + customer + "," + network + "," + month + "," + spend + ",";
                    default -> "C" + customer + "," + network + "," + month + "," + spend + ".";
                };
            }
            write(out, line);
            if (errors && random.nextInt(40) == 0) {
                out.write(0xC3); // a lone lead byte: not UTF-8
            }
            if (r < rows - 1 || random.nextBoolean()) {
                write(out, end);
            }
        }
        if (random.nextInt(4) == 0) {
            write(out, end + "  " + end);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<LocalNetworkId, ClassificationRule> rules(long seed) {
        return seed % 3 == 0 ? Map.of(new LocalNetworkId("SZ"), new MonthlyMinimumRule(Money.cny("100"))) : Map.of();
    }

    /** The whole-file reader's answer: the JSON, or the problem. */
    private static String wholeFile(byte[] bytes, Map<LocalNetworkId, ClassificationRule> rules) {
        try {
            SpendSheet sheet = SpendCsv.read(new ByteArrayInputStream(bytes));
            return ClassificationJson.write(ClassifyCommand.classify(sheet, RevenueShareRule.standard(), rules, Instant.EPOCH));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits into {@code parts} parts read in blocks of 1 to 64 bytes, so lines cross block ends. */
    private String streamed(byte[] bytes, Map<LocalNetworkId, ClassificationRule> rules, int parts) {
        try {
            Path file = Files.write(dir.resolve("spend.csv"), bytes);
            SpendFileReader.Contents contents = SpendFileReader.read(file, b -> { }, parts, 0, 1 + (int) (Integer.toUnsignedLong(java.util.Arrays.hashCode(bytes)) % 64));
            return ClassificationJson.write(ClassifyCommand.classify(contents.averages(), RevenueShareRule.standard(), rules));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void goodFilesGiveTheWholeFileResultHoweverTheyAreSplit() {
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 7)).checkAssert((seed, parts) -> {
            byte[] bytes = file(seed, false);
            String expected = wholeFile(bytes, rules(seed));
            assertThat(expected).doesNotStartWith(SpendFileException.class.getSimpleName());
            assertThat(streamed(bytes, rules(seed), parts)).isEqualTo(expected);
        });
    }

    @Test
    void badFilesGiveTheWholeFileErrorHoweverTheyAreSplit() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 7)).checkAssert((seed, parts) -> {
            byte[] bytes = file(seed, true);
            assertThat(streamed(bytes, rules(seed), parts)).isEqualTo(wholeFile(bytes, rules(seed)));
        });
    }
}
