package dev.keyline.examples.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code classify} on a generated file of 2,000,000 rows in a separate JVM whose heap is capped at
 * 256 MB, far less than the file: the reader must fold rows as they pass. The expected output is
 * worked out here independently, from the generated amounts, with plain arrays and BigDecimal.
 */
class ClassifyAtScaleTest {

    private static final int CUSTOMERS = 200_000;
    private static final int MONTHS = 10;
    private static final String[] NETWORKS = {"KM", "SZ", "XA"};

    @TempDir
    Path dir;

    /** The generated population: each customer's network and total over the file, in cents. */
    private record Population(int[] network, long[] totalCents) {
    }

    /** Writes the rows month by month; now and then a row is quoted and padded, as spreadsheets write. */
    private static Population write(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int[] network = new int[CUSTOMERS];
        long[] total = new long[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            network[c] = random.nextInt(NETWORKS.length);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer,network,month,spend\n");
            for (int m = 1; m <= MONTHS; m++) {
                String month = String.format("2024-%02d", m);
                for (int c = 0; c < CUSTOMERS; c++) {
                    double r = random.nextDouble();
                    long cents = random.nextInt(10) == 0 ? 0 : (long) (r * r * r * 3_000_000L);
                    total[c] += cents;
                    String amount = BigDecimal.valueOf(cents, 2).toPlainString();
                    if (random.nextInt(1000) == 0) {
                        out.write(" \"K" + c + "\" , " + NETWORKS[network[c]] + " ," + month + ",\"" + amount + "\"\r\n");
                    } else {
                        out.write("K" + c + "," + NETWORKS[network[c]] + "," + month + "," + amount + "\n");
                    }
                }
            }
        }
        return new Population(network, total);
    }

    /** The expected JSON by the 30 % share rule, computed from the population directly. */
    private static String expected(Population p) {
        StringBuilder json = new StringBuilder("{\"networks\":[");
        List<String> codes = new ArrayList<>(List.of(NETWORKS));
        codes.sort(Comparator.naturalOrder());
        for (int n = 0; n < codes.size(); n++) {
            int network = List.of(NETWORKS).indexOf(codes.get(n));
            record Customer(String id, BigDecimal average) {
            }
            List<Customer> customers = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int c = 0; c < CUSTOMERS; c++) {
                if (p.network()[c] == network) {
                    BigDecimal average = BigDecimal.valueOf(p.totalCents()[c], 2)
                            .divide(BigDecimal.valueOf(MONTHS), 2, RoundingMode.HALF_EVEN);
                    customers.add(new Customer("K" + c, average));
                    total = total.add(average);
                }
            }
            customers.sort(Comparator.comparing(Customer::average).reversed().thenComparing(Customer::id));
            BigDecimal target = new BigDecimal("0.30").multiply(total);
            BigDecimal cumulative = BigDecimal.ZERO;
            int last = 0;
            while (cumulative.add(customers.get(last).average()).compareTo(target) < 0) {
                cumulative = cumulative.add(customers.get(last).average());
                last++;
            }
            BigDecimal threshold = customers.get(last).average();
            json.append(n == 0 ? "" : ",").append("{\"network\":\"").append(codes.get(n))
                    .append("\",\"rule\":\"share\",\"threshold\":\"").append(threshold.toPlainString())
                    .append("\",\"keyAccounts\":[");
            for (int i = 0; i < customers.size() && customers.get(i).average().compareTo(threshold) >= 0; i++) {
                json.append(i == 0 ? "" : ",").append("{\"customer\":\"").append(customers.get(i).id())
                        .append("\",\"averageMonthlySpend\":\"").append(customers.get(i).average().toPlainString())
                        .append("\"}");
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    @Test
    void twoMillionRowsClassifyCorrectlyInA256MegabyteHeap() throws Exception {
        Path file = dir.resolve("spend.csv");
        Population population = write(file, 20240607L);
        assertThat(Files.size(file)).as("the file is far larger than a quarter of the heap").isGreaterThan(40L << 20);

        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.keyline.examples.KeylineCli",
                "classify", "--spend", file.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a safety net against a hung process, not a speed requirement
        if (!java.waitFor(5, TimeUnit.MINUTES)) {
            java.destroyForcibly();
            throw new AssertionError("classify did not finish");
        }

        assertThat(Files.readString(err)).isEmpty();
        assertThat(java.exitValue()).isZero();
        assertThat(Files.readString(out).strip()).isEqualTo(expected(population));
    }
}
