package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Market forecast accuracy, the marketing departments' KPI:
 * {@code max(0, 1 − Σ|actual − agreed| / Σ agreed)} over the months of a period; 1 when both sums
 * are 0, 0 when only the agreed sum is 0. The result has {@value #SCALE} decimals, rounded
 * half-even; it lies in [0, 1] and is exactly 1 when every actual equals its agreed volume.
 */
public final class ForecastAccuracy {

    /** The decimals of an accuracy. */
    public static final int SCALE = 6;

    private ForecastAccuracy() {
    }

    /**
     * The accuracy of a forecast.
     *
     * @param actual the actual volume per month
     * @param agreed the agreed volume per month, as many as {@code actual}
     * @return the accuracy, 0 to 1 with {@value #SCALE} decimals
     * @throws InvalidArgumentException when a list or element is null, a volume is negative or the
     *     lists differ in length
     */
    public static BigDecimal of(List<Integer> actual, List<Integer> agreed) {
        List<Integer> a = Require.nonNullElements(actual, "actual");
        List<Integer> g = Require.nonNullElements(agreed, "agreed");
        Require.that(a.size() == g.size(), "actual", () -> "must hold as many months as agreed (" + g.size() + ") but held " + a.size());
        long deviation = 0;
        long agreedSum = 0;
        long actualSum = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) < 0) {
                throw new InvalidArgumentException("actual[" + i + "]", "must not be negative, was " + a.get(i));
            }
            if (g.get(i) < 0) {
                throw new InvalidArgumentException("agreed[" + i + "]", "must not be negative, was " + g.get(i));
            }
            deviation += Math.abs((long) a.get(i) - g.get(i));
            agreedSum += g.get(i);
            actualSum += a.get(i);
        }
        if (agreedSum == 0) {
            return actualSum == 0 ? BigDecimal.ONE.setScale(SCALE) : BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal share = BigDecimal.valueOf(deviation).divide(BigDecimal.valueOf(agreedSum), SCALE, RoundingMode.HALF_EVEN);
        BigDecimal accuracy = BigDecimal.ONE.subtract(share);
        return accuracy.signum() < 0 ? BigDecimal.ZERO.setScale(SCALE) : accuracy.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
