package dev.keyline.spi.resource;

import dev.keyline.domain.resource.SpareConsumption;
import dev.keyline.domain.resource.SpareMonthlyIssues;
import dev.keyline.domain.resource.SpareStockId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The consumption history of spare parts (消耗记录): every issue, append-only, the input of the
 * monthly plan. An entry is never changed or removed; there is deliberately no update and no
 * delete. Appending an entry whose issue id is already recorded fails with
 * {@code AlreadyExistsException} and writes nothing, so an issue is never counted twice.
 */
public interface SpareConsumptionRepository {

    /**
     * Appends an entry.
     *
     * @param entry the entry
     */
    void append(SpareConsumption entry);

    /**
     * The entries of a stock on a range of days.
     *
     * @param stock the stock
     * @param from the first day, inclusive
     * @param to the last day, inclusive; not before {@code from}
     * @return the entries ordered by day, then by the issue id's text
     */
    List<SpareConsumption> byStock(SpareStockId stock, LocalDate from, LocalDate to);

    /**
     * The units a stock issued in each month of a range.
     *
     * @param stock the stock
     * @param from the first month, inclusive
     * @param to the last month, inclusive; not before {@code from}
     * @return one total per month with at least one issue, ordered by month
     */
    List<SpareMonthlyIssues> monthlyIssues(SpareStockId stock, YearMonth from, YearMonth to);
}
