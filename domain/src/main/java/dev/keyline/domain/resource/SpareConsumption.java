package dev.keyline.domain.resource;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One issue of spare parts in the consumption history (消耗记录), the input of the monthly plan: the
 * units a stock issued on a day. The history is append-only; an entry is keyed by the id of the
 * {@link SpareIssued} event it records, so the same issue is never counted twice.
 *
 * @param issue the id of the {@link SpareIssued} event
 * @param stock the stock that issued the units
 * @param day the day of the issue, in the host's time zone
 * @param quantity the units issued, above zero
 */
public record SpareConsumption(EventId issue, SpareStockId stock, LocalDate day, long quantity) {

    /**
     * Validates the entry.
     *
     * @param issue the id of the {@link SpareIssued} event
     * @param stock the stock that issued the units
     * @param day the day of the issue, in the host's time zone
     * @param quantity the units issued, above zero
     * @throws InvalidArgumentException naming the component that is null, out of range or not
     *     above zero
     */
    public SpareConsumption {
        Require.nonNull(issue, "issue");
        Require.nonNull(stock, "stock");
        Require.nonNull(day, "day");
        Require.that(day.getYear() >= 1 && day.getYear() <= 9999, "day", () -> "must lie in the years 1 to 9999, was " + day);
        Require.positive(quantity, "quantity");
        Require.that(quantity <= SpareStock.MAX_QUANTITY, "quantity", () -> "must be at most " + SpareStock.MAX_QUANTITY
                + ", was " + quantity);
    }

    /**
     * The history's entry for an issue event, on the day it happened.
     *
     * @param issued the event
     * @param day its day in the host's time zone
     * @return the entry
     */
    public static SpareConsumption of(SpareIssued issued, LocalDate day) {
        Require.nonNull(issued, "issued");
        return new SpareConsumption(issued.eventId(), issued.stock(), day, issued.quantity());
    }

    /**
     * The month of the issue.
     *
     * @return the month of {@link #day()}
     */
    public YearMonth month() {
        return YearMonth.from(day);
    }
}
