package dev.keyline.benchmarks;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * How long the revenue-share rule takes for one local network's population, and how long an
 * exact largest-remainder cost allocation takes, so regressions in the two population-wide rules
 * show up as figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassificationBenchmark {

    /** Number of customers in the local network. */
    @Param({"1000", "100000"})
    public int customers;

    private Map<AccountId, Money> averages;
    private List<BigDecimal> weights;
    private final RevenueShareRule rule = RevenueShareRule.standard();
    private final LocalNetworkId network = new LocalNetworkId("SZ");

    /** Builds a skewed population with a fixed seed: a few large customers, many small ones. */
    @Setup
    public void populate() {
        SplittableRandom random = new SplittableRandom(42);
        averages = new HashMap<>();
        weights = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            long cents = (long) (Math.pow(random.nextDouble(), 4) * 5_000_000L);
            averages.put(new AccountId("C" + i), Money.ofCents(cents, Money.CNY));
            weights.add(BigDecimal.valueOf(cents + 1));
        }
    }

    /** Classifies the whole population under the 30 % share rule. */
    @Benchmark
    public Classification revenueShareRule() {
        return rule.classify(network, averages);
    }

    /** Splits a cost over every customer by spend, exactly to the cent. */
    @Benchmark
    public List<Money> allocateCostBySpend() {
        return Money.cny("1234567.89").allocate(weights);
    }
}
