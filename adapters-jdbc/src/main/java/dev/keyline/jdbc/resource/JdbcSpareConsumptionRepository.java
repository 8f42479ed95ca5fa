package dev.keyline.jdbc.resource;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.SpareConsumption;
import dev.keyline.domain.resource.SpareMonthlyIssues;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The consumption history in {@code keyline_spare_consumption} (migration
 * {@code V350__spare_parts.sql}): one row per issue, inserted and never changed, keyed by the
 * issue event's id; the monthly totals are summed by the database.
 */
final class JdbcSpareConsumptionRepository implements SpareConsumptionRepository {

    private static final String TABLE = "keyline_spare_consumption";

    private final JdbcSession session;

    JdbcSpareConsumptionRepository(JdbcSession session) {
        this.session = session;
    }

    @Override
    public void append(SpareConsumption entry) {
        Require.nonNull(entry, "entry");
        session.insertStatement("spare consumption " + entry.issue(), "INSERT INTO " + TABLE
                + " (issue_id, stock_id, issue_day, issue_month, quantity) VALUES (?, ?, ?, ?, ?)",
                entry.issue().value().toString(), entry.stock(), entry.day(), entry.month(), entry.quantity());
    }

    @Override
    public List<SpareConsumption> byStock(SpareStockId stock, LocalDate from, LocalDate to) {
        Require.nonNull(stock, "stock");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
        return session.query("SELECT issue_id, stock_id, issue_day, quantity FROM " + TABLE
                + " WHERE stock_id = ? AND issue_day >= ? AND issue_day <= ? ORDER BY issue_day, issue_id",
                JdbcSpareConsumptionRepository::entry, stock, from, to);
    }

    @Override
    public List<SpareMonthlyIssues> monthlyIssues(SpareStockId stock, YearMonth from, YearMonth to) {
        Require.nonNull(stock, "stock");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
        return session.query("SELECT issue_month, SUM(quantity) AS issued FROM " + TABLE
                + " WHERE stock_id = ? AND issue_month >= ? AND issue_month <= ? GROUP BY issue_month ORDER BY issue_month",
                row -> {
                    BigDecimal issued = row.bigDecimal("issued");
                    return new SpareMonthlyIssues(row.yearMonth("issue_month"), issued.longValueExact());
                }, stock, from, to);
    }

    private static SpareConsumption entry(Row row) {
        try {
            return new SpareConsumption(EventId.parse(row.requiredString("issue_id").trim()),
                    row.identifier("stock_id", SpareStockId::new), row.localDate("issue_day"), row.longValue("quantity"));
        } catch (CorruptStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptStateException(TABLE + " row " + row.string("issue_id") + " is not a valid entry: "
                    + e.getMessage(), e);
        }
    }
}
