package dev.keyline.examples.classify;

import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NetworkAverages;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.CliCommand;
import dev.keyline.examples.KeylineCli;
import dev.keyline.examples.ExitStatus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classify --spend FILE.csv [--share 0.30] [--minimum NETWORK=AMOUNT]... [--quiet]}: draws every
 * local network's key-account list (大客户名单) from a file of monthly spend and prints it as JSON
 * (see {@link ClassificationJson}).
 *
 * <p>The assessment window is the set of distinct months in the whole file; a customer's average
 * monthly spend is its total over the window divided by the number of months in the window,
 * half-even to the cent. A network named by {@code --minimum} uses the {@link MonthlyMinimumRule}
 * with that minimum; every other network the {@link RevenueShareRule} with {@code --share}
 * (default 0.30). The file format is described by {@link SpendCsv}.
 *
 * <p>The file is read by {@link SpendFileReader}: in parallel, straight into each customer's total,
 * so a file of millions of rows takes seconds and a heap that grows with the number of customers,
 * not rows. When stderr is a terminal, progress and a summary (rows, customers, time) are shown
 * there; {@code --quiet} turns them off.
 *
 * <p>picocli parses the options. Bad arguments or input end with exit status 2, a message on stderr that names the option or
 * the line and the problem, and nothing on stdout.
 */
@Command(name = "classify", sortOptions = false,
        customSynopsis = {KeylineCli.PROGRAM + " classify --spend FILE.csv [--share 0.30]",
            "        [--minimum NETWORK=AMOUNT]... [--quiet]"},
        description = {"Find each local network's key accounts in a monthly spend CSV file and print them as JSON",
            "",
            "Finds each local network's key accounts by average monthly spend and prints them as JSON. Reads "
                    + "millions of rows in seconds using every core; memory grows with the number of customers, "
                    + "not rows.",
            ""},
        footer = {"%nExit status: 0 done; 1 the file exists but cannot be read; 2 bad arguments or input (a missing "
                + "file included; message on stderr naming the file and line, nothing on stdout)."})
public final class ClassifyCommand implements CliCommand {

    private static final String SPEND = "--spend";
    private static final String SHARE = "--share";
    private static final String MINIMUM = "--minimum";
    private static final String QUIET = "--quiet";
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");

    private final BooleanSupplier stderrIsTerminal;

    @Option(names = SPEND, paramLabel = "FILE.csv", required = true, description = {
        "UTF-8 CSV with the header customer,network,month,spend (month YYYY-MM; spend in CNY, not negative, "
                + "at most 2 decimals); rows of the same customer and month add up"})
    private String spend;

    @Option(names = SHARE, paramLabel = "S", defaultValue = "0.30", description = {
        "the share of a network's spend its key accounts make up, greater than 0 and at most 1; default 0.30"})
    private String share;

    @Option(names = MINIMUM, paramLabel = "NETWORK=AMOUNT", description = {
        "classify NETWORK by an absolute monthly minimum in CNY instead of the share rule; may be repeated, "
                + "once per network"})
    private List<String> minimums;

    @Option(names = QUIET, arity = "0", description = "no progress on stderr (shown only when stderr is a terminal)")
    private boolean quiet;

    /** A classify command that shows progress when this process's stderr is a terminal. */
    public ClassifyCommand() {
        this(ClassifyProgress::stderrIsTerminal);
    }

    /**
     * A classify command that shows progress when {@code stderrIsTerminal} says so.
     *
     * @param stderrIsTerminal whether the stderr given to {@link #execute} is a terminal
     */
    public ClassifyCommand(BooleanSupplier stderrIsTerminal) {
        this.stderrIsTerminal = Require.nonNull(stderrIsTerminal, "stderrIsTerminal");
    }

    @Override
    public int execute(PrintStream out, PrintStream err) {
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        String file = spend;
        try {
            RevenueShareRule shareRule = new RevenueShareRule(share(share));
            Map<LocalNetworkId, ClassificationRule> minimumRules = minimumRules(minimums == null ? List.of() : minimums);
            Path path = path(file);
            ClassifyProgress progress = !quiet && stderrIsTerminal.getAsBoolean()
                    ? new ClassifyProgress(err, file, size(path)) : null;
            SpendFileReader.Contents contents = read(path, progress);
            List<Classification> classifications = classify(contents.averages(), shareRule, minimumRules);
            Writer json = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            ClassificationJson.write(classifications, json); // ASCII only: ids, codes and amounts
            out.println();
            if (progress != null) {
                progress.done(contents);
            }
            return ExitStatus.OK;
        } catch (SpendFileException e) {
            err.println("keyline classify: " + file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (KeylineException e) {
            err.println("keyline classify: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println("keyline classify: cannot read " + file + ": " + e);
            return ExitStatus.FAILURE;
        }
    }

    /**
     * Classifies every network of the sheet: those with a rule of their own by it, every other
     * network by {@code shareRule}.
     *
     * @param sheet the spend rows
     * @param shareRule the rule for networks without a rule of their own
     * @param networkRules the rules of particular networks; each must occur in the sheet
     * @param recordedAt when the spend was recorded (stamped on the facts handed to the domain)
     * @return one classification per network of the sheet, by network code
     * @throws InvalidArgumentException naming {@code --minimum} when a network with its own rule has no rows
     */
    public static List<Classification> classify(SpendSheet sheet, ClassificationRule shareRule,
            Map<LocalNetworkId, ClassificationRule> networkRules, Instant recordedAt) {
        Require.nonNull(sheet, "sheet");
        Require.nonNull(shareRule, "shareRule");
        Require.nonNull(networkRules, "networkRules");
        Require.nonNull(recordedAt, "recordedAt");
        for (LocalNetworkId network : networkRules.keySet()) {
            Require.that(sheet.networks().contains(network), MINIMUM,
                    () -> "network " + network + " has no rows in the spend file");
        }
        Map<LocalNetworkId, List<SpendFact>> factsByNetwork = new LinkedHashMap<>();
        sheet.networks().forEach(network -> factsByNetwork.put(network, new ArrayList<>()));
        for (SpendFact fact : sheet.facts(recordedAt)) {
            factsByNetwork.get(fact.network()).add(fact);
        }
        List<Classification> classifications = new ArrayList<>();
        factsByNetwork.forEach((network, facts) -> classifications.add(networkRules.getOrDefault(network, shareRule)
                .classify(network, SpendAverages.over(facts, sheet.window()))));
        return List.copyOf(classifications);
    }

    /**
     * Classifies every network from its folded averages: those with a rule of their own by it,
     * every other network by {@code shareRule}.
     *
     * @param averages per network (in output order) its customers' averages, ranked
     * @param shareRule the rule for networks without a rule of their own
     * @param networkRules the rules of particular networks; each must have averages
     * @return one classification per network, in the order of {@code averages}
     * @throws InvalidArgumentException naming {@code --minimum} when a network with its own rule has no rows
     */
    public static List<Classification> classify(Map<LocalNetworkId, NetworkAverages> averages,
            ClassificationRule shareRule, Map<LocalNetworkId, ClassificationRule> networkRules) {
        Require.nonNull(averages, "averages");
        Require.nonNull(shareRule, "shareRule");
        Require.nonNull(networkRules, "networkRules");
        for (LocalNetworkId network : networkRules.keySet()) {
            Require.that(averages.containsKey(network), MINIMUM, () -> "network " + network + " has no rows in the spend file");
        }
        List<Classification> classifications = new ArrayList<>(averages.size());
        averages.forEach((network, ranked) -> classifications.add(networkRules.getOrDefault(network, shareRule)
                .classify(ranked)));
        return List.copyOf(classifications);
    }

    private static BigDecimal share(String text) {
        if (DECIMAL.matcher(text).matches()) {
            BigDecimal share = new BigDecimal(text);
            if (share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0) {
                return share;
            }
        }
        throw new InvalidArgumentException(SHARE, "must be a number greater than 0 and at most 1, such as 0.30, but was '"
                + text + "'");
    }

    private static Map<LocalNetworkId, ClassificationRule> minimumRules(List<String> values) {
        Map<LocalNetworkId, ClassificationRule> rules = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals < 0) {
                throw new InvalidArgumentException(MINIMUM, "must be NETWORK=AMOUNT, such as KM=10000, but was '" + value + "'");
            }
            String code = value.substring(0, equals).strip();
            String amount = value.substring(equals + 1).strip();
            LocalNetworkId network;
            try {
                network = new LocalNetworkId(code);
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(MINIMUM, "network '" + code
                        + "' is not a valid code: 1 to 64 letters, digits and - _ . : (in '" + value + "')");
            }
            if (!AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() == 0) {
                throw new InvalidArgumentException(MINIMUM, "amount '" + amount
                        + "' must be a positive CNY amount with at most 2 decimals, such as 10000 (in '" + value + "')");
            }
            if (rules.put(network, new MonthlyMinimumRule(Money.cny(new BigDecimal(amount)))) != null) {
                throw new InvalidArgumentException(MINIMUM, "network " + network + " is given more than once");
            }
        }
        return rules;
    }

    private static Path path(String file) {
        try {
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new InvalidArgumentException(SPEND, "'" + file + "' is a directory, not a file");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new InvalidArgumentException(SPEND, "'" + file + "' is not a valid path: " + e.getReason());
        }
    }

    private static long size(Path path) throws IOException {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            return 0; // reported by read below, with the option named
        }
    }

    private static SpendFileReader.Contents read(Path path, ClassifyProgress progress) throws IOException {
        try {
            return SpendFileReader.read(path, progress == null ? bytes -> { } : progress);
        } catch (NoSuchFileException e) {
            throw new InvalidArgumentException(SPEND, "file '" + path + "' does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidArgumentException(SPEND, "file '" + path + "' cannot be read: permission denied");
        }
    }
}
