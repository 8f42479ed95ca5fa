package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;

/**
 * One product's agreed (forecast) and actual volume for one month, as forecast accuracy sees it.
 *
 * @param product the product code, 1 to {@value Limits#ID_LENGTH} characters
 * @param month the month
 * @param agreed the agreed volume, not negative
 * @param actual the actual volume, not negative
 */
public record ForecastFact(String product, YearMonth month, long agreed, long actual) {

    /**
     * Validates the fact.
     *
     * @param product the product code, 1 to {@value Limits#ID_LENGTH} characters
     * @param month the month
     * @param agreed the agreed volume, not negative
     * @param actual the actual volume, not negative
     * @throws InvalidArgumentException when an argument is null, the product is blank or too long,
     *     the month is outside the supported years or a volume is negative
     */
    public ForecastFact {
        Require.text(product, "product", Limits.ID_LENGTH);
        Limits.month(month, "month");
        Require.nonNegative(agreed, "agreed");
        Require.nonNegative(actual, "actual");
    }

    /**
     * The absolute deviation of the actual from the agreed volume.
     *
     * @return {@code |actual − agreed|}
     */
    public long deviation() {
        return Math.abs(actual - agreed);
    }
}
