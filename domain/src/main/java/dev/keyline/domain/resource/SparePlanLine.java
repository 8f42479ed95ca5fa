package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;

/**
 * One stock's line of the monthly spare-parts plan (备件月计划), as {@link SparePlanRule} draws it.
 *
 * @param stock the stock
 * @param month the month planned for
 * @param need the units expected to be issued in the month, not negative
 * @param minimum the stock's minimum level, not negative
 * @param available the units on hand and not reserved when the plan was drawn, not negative
 * @param underRepair the units under repair, expected back, not negative
 * @param order the units to order: {@code max(0, need + minimum - (available + underRepair))}
 */
public record SparePlanLine(SpareStockId stock, YearMonth month, long need, long minimum, long available,
        long underRepair, long order) {

    /**
     * Validates the line.
     *
     * @param stock the stock
     * @param month the month planned for
     * @param need the units expected to be issued in the month, not negative
     * @param minimum the stock's minimum level, not negative
     * @param available the units on hand and not reserved when the plan was drawn, not negative
     * @param underRepair the units under repair, expected back, not negative
     * @param order the units to order: {@code max(0, need + minimum - (available + underRepair))}
     * @throws InvalidArgumentException when a component is null or negative
     */
    public SparePlanLine {
        Require.nonNull(stock, "stock");
        Require.nonNull(month, "month");
        Require.nonNegative(need, "need");
        Require.nonNegative(minimum, "minimum");
        Require.nonNegative(available, "available");
        Require.nonNegative(underRepair, "underRepair");
        Require.nonNegative(order, "order");
    }
}
