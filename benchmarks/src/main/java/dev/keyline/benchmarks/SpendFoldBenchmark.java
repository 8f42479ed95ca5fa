package dev.keyline.benchmarks;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NetworkAverages;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendFold;
import dev.keyline.domain.common.Money;
import java.time.YearMonth;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The streaming classification path at a province's scale: folding 12 months of spend per
 * customer into per-customer totals ({@link SpendFold}), and classifying the folded averages of
 * four networks by the share rule and by a monthly minimum. Run with
 * {@code java -jar benchmarks/target/keyline-benchmarks.jar SpendFoldBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SpendFoldBenchmark {

    private static final int MONTHS = 12;

    /** Number of customers, over four networks. */
    @Param({"100000", "1000000"})
    public int customers;

    private AccountId[] accounts;
    private LocalNetworkId[] networkOf;
    private long[] cents;
    private YearMonth[] months;
    private Map<LocalNetworkId, NetworkAverages> averages;
    private final RevenueShareRule share = RevenueShareRule.standard();
    private final MonthlyMinimumRule minimum = new MonthlyMinimumRule(Money.cny("10000"));

    /** Builds the customers and their monthly amounts with a fixed seed, and folds them once for the rule benchmarks. */
    @Setup
    public void populate() {
        SplittableRandom random = new SplittableRandom(42);
        LocalNetworkId[] networks = {new LocalNetworkId("KM"), new LocalNetworkId("SZ"), new LocalNetworkId("XA"),
            new LocalNetworkId("YX")};
        accounts = new AccountId[customers];
        networkOf = new LocalNetworkId[customers];
        cents = new long[customers * MONTHS];
        for (int c = 0; c < customers; c++) {
            accounts[c] = new AccountId("C" + c);
            networkOf[c] = networks[random.nextInt(networks.length)];
            for (int m = 0; m < MONTHS; m++) {
                double r = random.nextDouble();
                cents[c * MONTHS + m] = (long) (r * r * r * r * 5_000_000L);
            }
        }
        months = new YearMonth[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            months[m] = YearMonth.of(2024, m + 1);
        }
        averages = fold();
    }

    /** Folds every customer's 12 months (rows month by month, as a billing export comes) into averages. */
    @Benchmark
    public Map<LocalNetworkId, NetworkAverages> fold() {
        SpendFold fold = SpendFold.overMonthsSeen();
        for (int m = 0; m < MONTHS; m++) {
            for (int c = 0; c < customers; c++) {
                fold.add(accounts[c], networkOf[c], months[m], cents[c * MONTHS + m]);
            }
        }
        return fold.averages();
    }

    /** Classifies the four networks' folded averages by the 30 % share rule. */
    @Benchmark
    public int shareRule() {
        int keyAccounts = 0;
        for (NetworkAverages network : averages.values()) {
            Classification c = share.classify(network);
            keyAccounts += c.keyAccounts().size();
        }
        return keyAccounts;
    }

    /** Classifies the four networks' folded averages by a monthly minimum of 10,000 CNY. */
    @Benchmark
    public int minimumRule() {
        int keyAccounts = 0;
        for (NetworkAverages network : averages.values()) {
            keyAccounts += minimum.classify(network).keyAccounts().size();
        }
        return keyAccounts;
    }
}
