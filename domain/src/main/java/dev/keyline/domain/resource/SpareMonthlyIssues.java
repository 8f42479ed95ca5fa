package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;

/**
 * The units a spare-part (备品备件) stock issued in one month: the sum of its {@link SpareConsumption} entries of that
 * month.
 *
 * @param month the month
 * @param quantity the units issued, not negative
 */
public record SpareMonthlyIssues(YearMonth month, long quantity) {

    /**
     * Validates the total.
     *
     * @param month the month
     * @param quantity the units issued, not negative
     * @throws InvalidArgumentException when {@code month} is null or {@code quantity} is negative
     */
    public SpareMonthlyIssues {
        Require.nonNull(month, "month");
        Require.nonNegative(quantity, "quantity");
    }
}
