package dev.keyline.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a spend file for {@code classify} at a province's scale, the same bytes for the same
 * arguments: {@code customers} customers over {@code months} months of 2024–2025 and four local
 * networks, one row per customer and month, month by month (as monthly billing exports are
 * concatenated). Spend is skewed, a few large customers and many small ones, with some zeros.
 *
 * <p>Usage: {@code SpendFileGenerator FILE [customers=1000000] [months=12] [seed=20240101]}.
 */
public final class SpendFileGenerator {

    /** The networks of the file. */
    static final String[] NETWORKS = {"KM", "SZ", "XA", "YX"};

    private SpendFileGenerator() {
    }

    /**
     * Writes the file.
     *
     * @param args FILE [customers] [months] [seed]
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SpendFileGenerator FILE [customers] [months] [seed]");
            System.exit(2);
        }
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20240101L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 20)) {
            write(out, customers, months, seed);
        }
    }

    /**
     * Writes the rows.
     *
     * @param out where to
     * @param customers the number of customers
     * @param months the number of months, 1 to 24
     * @param seed the seed
     * @throws IOException when writing fails
     */
    public static void write(OutputStream out, int customers, int months, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] network = new byte[NETWORKS.length][];
        for (int n = 0; n < NETWORKS.length; n++) {
            network[n] = NETWORKS[n].getBytes(StandardCharsets.US_ASCII);
        }
        out.write("customer,network,month,spend\n".getBytes(StandardCharsets.US_ASCII));
        byte[] line = new byte[64];
        for (int m = 0; m < months; m++) {
            String month = String.format("%04d-%02d,", 2024 + m / 12, 1 + m % 12);
            byte[] monthBytes = month.getBytes(StandardCharsets.US_ASCII);
            for (int c = 0; c < customers; c++) {
                int p = 0;
                line[p++] = 'C';
                p = digits(line, p, c, 7);
                line[p++] = ',';
                byte[] net = network[mix(c) & 3];
                System.arraycopy(net, 0, line, p, net.length);
                p += net.length;
                line[p++] = ',';
                System.arraycopy(monthBytes, 0, line, p, monthBytes.length);
                p += monthBytes.length;
                double r = random.nextDouble();
                long cents = random.nextInt(20) == 0 ? 0 : (long) (r * r * r * r * 5_000_000L);
                p = amount(line, p, cents);
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
    }

    /** A customer's network: fixed per customer, spread evenly. */
    private static int mix(int c) {
        int h = c * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private static int digits(byte[] line, int p, long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            line[p + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return p + width;
    }

    private static int amount(byte[] line, int p, long cents) {
        String whole = Long.toString(cents / 100);
        for (int i = 0; i < whole.length(); i++) {
            line[p++] = (byte) whole.charAt(i);
        }
        line[p++] = '.';
        line[p++] = (byte) ('0' + cents / 10 % 10);
        line[p++] = (byte) ('0' + cents % 10);
        return p;
    }
}
