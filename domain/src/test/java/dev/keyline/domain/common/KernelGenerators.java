package dev.keyline.domain.common;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the kernel's values, shared with other modules through the domain
 * test-jar so that every area draws money, dates, zones and periods the same way.
 */
public final class KernelGenerators {

    private KernelGenerators() {
    }

    /**
     * Amounts of cents between {@code -maxCents} and {@code maxCents}, biased toward small values
     * and the edges by QuickTheories' shrinking.
     *
     * @param maxCents the largest absolute number of cents
     * @return a generator of cent counts
     */
    public static Gen<Long> cents(long maxCents) {
        return longs().between(-maxCents, maxCents);
    }

    /**
     * CNY amounts between -10,000,000.00 and 10,000,000.00.
     *
     * @return a generator of money
     */
    public static Gen<Money> money() {
        return cents(1_000_000_000L).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * CNY amounts between 0.00 and 10,000,000.00.
     *
     * @return a generator of non-negative money
     */
    public static Gen<Money> nonNegativeMoney() {
        return longs().between(0, 1_000_000_000L).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * Small CNY amounts between -100.00 and 100.00, where rounding and allocation edge cases are
     * densest.
     *
     * @return a generator of money
     */
    public static Gen<Money> smallMoney() {
        return cents(10_000L).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * A few currencies other than CNY, for mismatch tests.
     *
     * @return a generator of currencies that are not CNY
     */
    public static Gen<Currency> otherCurrencies() {
        return Generate.pick(List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"),
                Currency.getInstance("HKD"), Currency.getInstance("JPY")));
    }

    /**
     * One non-negative weight with 0 to 4 decimals, between 0 and 1000, zero about one time in
     * eight.
     *
     * @return a generator of weights
     */
    public static Gen<BigDecimal> weight() {
        Gen<BigDecimal> positive = integers().between(0, 10_000_000)
                .zip(integers().between(0, 4), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
        return Generate.frequency(
                org.quicktheories.api.Pair.of(1, Generate.constant(BigDecimal.ZERO)),
                org.quicktheories.api.Pair.of(7, positive));
    }

    /**
     * Lists of 1 to 12 non-negative weights whose sum is positive.
     *
     * @return a generator of weight lists
     */
    public static Gen<List<BigDecimal>> weights() {
        return lists().of(weight()).ofSizeBetween(1, 12)
                .assuming(ws -> ws.stream().anyMatch(w -> w.signum() > 0));
    }
}
