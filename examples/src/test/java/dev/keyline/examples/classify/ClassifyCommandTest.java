package dev.keyline.examples.classify;

import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code classify} command run in-process on files in a temporary directory. Expected results
 * are worked out by hand in each test from the rules: average = total over the window / months in
 * the window, half-even to the cent; the share rule takes the shortest prefix of the ranking that
 * reaches share × the network's total, with ties kept together.
 */
class ClassifyCommandTest {

    private static final String HEADER = "customer,network,month,spend";

    @TempDir
    Path dir;

    private Path csv(String... rows) throws IOException {
        Path file = dir.resolve("spend.csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static CliRun classify(Path file, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "classify";
        args[1] = "--spend";
        args[2] = file.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.of(args);
    }

    private static void assertOk(CliRun run, String json) {
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).isEqualTo(json + System.lineSeparator());
    }

    @Test
    void shareRuleTakesTheShortestPrefixReachingThirtyPercent() throws IOException {
        // window 2024-01..02; averages C1 20000, C2 10000, C3 5000 (one month of 10000), C4 0;
        // total 35000, 30 % = 10500, reached by C1 alone
        Path file = csv("C1,KM,2024-01,20000", "C1,KM,2024-02,20000", "C2,KM,2024-01,10000", "C2,KM,2024-02,10000",
                "C3,KM,2024-01,10000", "C4,KM,2024-02,0");

        assertOk(classify(file), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":\"20000.00\","
                + "\"keyAccounts\":[{\"customer\":\"C1\",\"averageMonthlySpend\":\"20000.00\"}]}]}");
    }

    @Test
    void aLargerShareTakesMoreAccountsRankedByAverage() throws IOException {
        // same averages; 60 % of 35000 = 21000: C1 (20000) is short, C1 + C2 (30000) reach it
        Path file = csv("C2,KM,2024-01,10000", "C1,KM,2024-01,20000", "C3,KM,2024-01,10000", "C1,KM,2024-02,20000",
                "C2,KM,2024-02,10000", "C4,KM,2024-02,0");

        assertOk(classify(file, "--share", "0.6"), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"share\","
                + "\"threshold\":\"10000.00\",\"keyAccounts\":[{\"customer\":\"C1\",\"averageMonthlySpend\":\"20000.00\"},"
                + "{\"customer\":\"C2\",\"averageMonthlySpend\":\"10000.00\"}]}]}");
    }

    @Test
    void tiesAreNeverSplitAndRankByCustomerId() throws IOException {
        // three customers at 100: 30 % of 300 is reached by the first, the equal ones come along
        Path file = csv("C3,SZ,2024-05,100", "C1,SZ,2024-05,100", "C2,SZ,2024-05,100");

        assertOk(classify(file), "{\"networks\":[{\"network\":\"SZ\",\"rule\":\"share\",\"threshold\":\"100.00\","
                + "\"keyAccounts\":[{\"customer\":\"C1\",\"averageMonthlySpend\":\"100.00\"},"
                + "{\"customer\":\"C2\",\"averageMonthlySpend\":\"100.00\"},"
                + "{\"customer\":\"C3\",\"averageMonthlySpend\":\"100.00\"}]}]}");
    }

    @Test
    void thresholdIsNullWhenNobodySpends() throws IOException {
        Path file = csv("C1,KM,2024-01,0", "C2,KM,2024-02,0.00");

        assertOk(classify(file), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":null,\"keyAccounts\":[]}]}");
    }

    @Test
    void rowsOfTheSameCustomerAndMonthAddUp() throws IOException {
        // one month: C1 spends 100 + 50.25 = 150.25, C2 150; 30 % of 300.25 is reached by C1
        Path file = csv("C1,KM,2024-01,100", "C2,KM,2024-01,150", "C1,KM,2024-01,50.25");

        assertOk(classify(file), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":\"150.25\","
                + "\"keyAccounts\":[{\"customer\":\"C1\",\"averageMonthlySpend\":\"150.25\"}]}]}");
    }

    @Test
    void averagesDivideByEveryMonthOfTheFileAndRoundHalfEven() throws IOException {
        // the window is 2024-01..02 (from C9's row), so A = 0.05 / 2 = 0.025 -> 0.02 and
        // B = 0.15 / 2 = 0.075 -> 0.08 (half-even); C = 100 / 2 = 50.00
        Path file = csv("A,KM,2024-01,0.05", "B,KM,2024-01,0.15", "C,KM,2024-01,100", "C9,KM,2024-02,0");

        assertOk(classify(file, "--minimum", "KM=0.01"), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"minimum\","
                + "\"threshold\":\"0.01\",\"keyAccounts\":[{\"customer\":\"C\",\"averageMonthlySpend\":\"50.00\"},"
                + "{\"customer\":\"B\",\"averageMonthlySpend\":\"0.08\"},{\"customer\":\"A\",\"averageMonthlySpend\":\"0.02\"}]}]}");
    }

    @Test
    void networksComeByCodeAndEachUsesItsOwnRule() throws IOException {
        // SZ by minimum 5000: S1 (5000, equal counts) and S2 (7000.50), not S3 (4999.99);
        // KM by share: K1 alone makes up more than 30 % of 12000
        Path file = csv("S1,SZ,2024-03,5000", "S2,SZ,2024-03,7000.50", "S3,SZ,2024-03,4999.99",
                "K1,KM,2024-03,10000", "K2,KM,2024-03,2000");

        assertOk(classify(file, "--minimum", "SZ=5000"), "{\"networks\":["
                + "{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":\"10000.00\","
                + "\"keyAccounts\":[{\"customer\":\"K1\",\"averageMonthlySpend\":\"10000.00\"}]},"
                + "{\"network\":\"SZ\",\"rule\":\"minimum\",\"threshold\":\"5000.00\","
                + "\"keyAccounts\":[{\"customer\":\"S2\",\"averageMonthlySpend\":\"7000.50\"},"
                + "{\"customer\":\"S1\",\"averageMonthlySpend\":\"5000.00\"}]}]}");
    }

    @Test
    void aMinimumNobodyReachesKeepsItsThreshold() throws IOException {
        Path file = csv("K1,KM,2024-03,9999.99");

        assertOk(classify(file, "--minimum=KM=10000"),
                "{\"networks\":[{\"network\":\"KM\",\"rule\":\"minimum\",\"threshold\":\"10000.00\",\"keyAccounts\":[]}]}");
    }

    @Test
    void shareOfOneTakesEveryoneWhoSpends() throws IOException {
        Path file = csv("A,KM,2024-01,1", "B,KM,2024-01,2", "Z,KM,2024-01,0");

        assertOk(classify(file, "--share", "1"), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":\"1.00\","
                + "\"keyAccounts\":[{\"customer\":\"B\",\"averageMonthlySpend\":\"2.00\"},"
                + "{\"customer\":\"A\",\"averageMonthlySpend\":\"1.00\"}]}]}");
    }

    @Test
    void aHeaderOnlyFileHasNoNetworks() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, HEADER + "\n\n");

        assertOk(classify(file), "{\"networks\":[]}");
    }

    @Test
    void readsAByteOrderMarkQuotesAndBlankSpace() throws IOException {
        Path file = dir.resolve("excel.csv");
        Files.writeString(file, "\uFEFF" + HEADER + "\r\n\"C1\" , KM ,2024-01, \"12.5\"\r\n\r\n", StandardCharsets.UTF_8);

        assertOk(classify(file), "{\"networks\":[{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":\"12.50\","
                + "\"keyAccounts\":[{\"customer\":\"C1\",\"averageMonthlySpend\":\"12.50\"}]}]}");
    }

    private static void assertBadInput(CliRun run, String... fragments) {
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("keyline classify: ").contains(fragments);
    }

    @Test
    void badHeaderNamesLineOne() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "client,network,month,spend\nC1,KM,2024-01,1\n");

        assertBadInput(classify(file), "bad.csv", "line 1: the header must be customer,network,month,spend");
    }

    @Test
    void badMonthNamesItsLine() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1", "C2,KM,2024-13,1")), "line 3: month '2024-13' is not a month");
    }

    @Test
    void negativeSpendNamesItsLine() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,-1")), "line 2: spend '-1' is negative");
    }

    @Test
    void malformedSpendNamesItsLine() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1", "C1,KM,2024-02,12.345")), "line 3: spend '12.345' has more than 2 decimals");
        assertBadInput(classify(csv("C1,KM,2024-01,12k")), "line 2: spend '12k' is not a plain decimal number");
    }

    @Test
    void aCustomerUnderTwoNetworksNamesBothLines() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1", "C2,KM,2024-01,1", "C1,SZ,2024-02,1")),
                "line 4: customer C1 is under network SZ here but under KM on line 2");
    }

    @Test
    void unknownOptionIsNamed() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "--shares", "0.3"), "Unknown option", "'--shares'");
    }

    @Test
    void strayArgumentIsNamed() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "extra.csv"), "Unmatched argument", "'extra.csv'");
    }

    @Test
    void missingFileIsNamed() {
        assertBadInput(classify(dir.resolve("nowhere.csv")), "--spend: file '", "nowhere.csv' does not exist");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertBadInput(classify(dir), "--spend: '", "is a directory");
    }

    @Test
    void missingSpendOptionIsNamed() {
        assertBadInput(CliRun.of("classify", "--share", "0.3"), "Missing required option: '--spend=FILE.csv'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "1.01", "2", "-0.3", "abc", "30%", "1e-1", ""})
    void shareOutsideZeroToOneIsRejected(String share) throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "--share=" + share),
                "--share: must be a number greater than 0 and at most 1", "'" + share + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KM", "KM=", "=100", "KM=abc", "KM=-5", "KM=0", "KM=1.001", "K M=5"})
    void badMinimumSyntaxIsRejected(String minimum) throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "--minimum", minimum), "--minimum: ", minimum);
    }

    @Test
    void aNetworkGivenTwoMinimumsIsRejected() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "--minimum", "KM=5", "--minimum", "KM=6"),
                "--minimum: network KM is given more than once");
    }

    @Test
    void aMinimumForANetworkWithoutRowsIsRejected() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "--minimum", "SZ=5000"),
                "--minimum: network SZ has no rows in the spend file");
    }

    /** Runs the command directly, telling it whether its stderr is a terminal. */
    private static CliRun classifyOn(boolean terminal, Path file, String... options) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--spend", file.toString()));
        args.addAll(List.of(options));
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new ClassifyCommand(() -> terminal).run(args, o, e);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalASummaryOfTheReadingGoesToStderr() throws IOException {
        Path file = csv("C1,KM,2024-01,100", "C2,SZ,2024-02,50", "C1,KM,2024-02,1");

        CliRun run = classifyOn(true, file);

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).isEqualTo(classify(file).out());
        assertThat(run.err()).startsWith("keyline classify: " + file + ": 3 rows, 2 customers, 2 networks, 2 months in ");
    }

    @Test
    void quietOrNotATerminalPrintsNothingOnStderr() throws IOException {
        Path file = csv("C1,KM,2024-01,100");

        assertOk(classifyOn(true, file, "--quiet"), classify(file).out().strip());
        assertOk(classifyOn(false, file), classify(file).out().strip());
    }

    @Test
    void quietTakesNoValue() throws IOException {
        assertBadInput(classify(csv("C1,KM,2024-01,1"), "--quiet=yes"), "option '--quiet'", "should be specified without 'yes' parameter");
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "\nC1,KM,2024-01,1\nC\u00e9,KM,2024-01,1\n").getBytes(StandardCharsets.ISO_8859_1));

        assertBadInput(classify(file), "line 3: is not valid UTF-8 text");
    }
}
