package dev.keyline.examples.classify;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.Require;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rows of a spend file, in file order.
 *
 * <p>Every customer appears under one network only; a row that puts a customer under a second
 * network is rejected with a {@link SpendFileException} naming both lines.
 *
 * @param rows the rows
 */
public record SpendSheet(List<SpendRow> rows) {

    /** Validates the rows and copies them. */
    public SpendSheet {
        rows = Require.nonNullElements(rows, "rows");
        Map<AccountId, SpendRow> firstRowOf = new HashMap<>();
        for (SpendRow row : rows) {
            SpendRow first = firstRowOf.putIfAbsent(row.customer(), row);
            if (first != null && !first.network().equals(row.network())) {
                throw new SpendFileException(row.line(), "customer " + row.customer() + " is under network "
                        + row.network() + " here but under " + first.network() + " on line " + first.line()
                        + "; a customer belongs to one network");
            }
        }
    }

    /**
     * The rows as billing facts for the domain: one original fact per row, with the id
     * {@code line-N} after the row's line number, so rows of the same customer and month add up.
     *
     * @param recordedAt when the spend was recorded
     * @return the facts, in row order
     */
    public List<SpendFact> facts(Instant recordedAt) {
        Require.nonNull(recordedAt, "recordedAt");
        List<SpendFact> facts = new ArrayList<>(rows.size());
        for (SpendRow row : rows) {
            facts.add(SpendFact.original(new SpendFactId("line-" + row.line()), row.customer(), row.network(),
                    row.month(), row.spend(), recordedAt));
        }
        return List.copyOf(facts);
    }

    /** The assessment window: every month that occurs in the file, earliest first. */
    public SortedSet<YearMonth> window() {
        SortedSet<YearMonth> months = new TreeSet<>();
        rows.forEach(row -> months.add(row.month()));
        return months;
    }

    /** Every network that occurs in the file, by code. */
    public SortedSet<LocalNetworkId> networks() {
        SortedSet<LocalNetworkId> networks = new TreeSet<>(Comparator.comparing(LocalNetworkId::value));
        rows.forEach(row -> networks.add(row.network()));
        return networks;
    }
}
