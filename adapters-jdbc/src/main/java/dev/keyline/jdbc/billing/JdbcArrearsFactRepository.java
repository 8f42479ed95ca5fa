package dev.keyline.jdbc.billing;

import static dev.keyline.jdbc.StoredValues.chunks;
import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.placeholders;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.StorageException;
import dev.keyline.spi.billing.ArrearsFactAppend;
import dev.keyline.spi.billing.ArrearsFactAppend.BillKey;
import dev.keyline.spi.billing.ArrearsFactRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Billing's arrears-fact ledger in {@code keyline_billing_arrears_fact}, with one row per bill in
 * {@code keyline_billing_bill}: its primary key lets only one fact bill a bill, and its version,
 * moved by every payment or write-off, lets only one of two concurrent settlements of a bill
 * commit (the other gets {@link StaleVersionException}, which the runtime retries, and then sees
 * the first).
 *
 * <p>An append reads the versions of its bills, runs the checks of {@link ArrearsFactAppend}
 * (so a rejected call has written nothing), then inserts the new facts and writes the bill rows.
 */
final class JdbcArrearsFactRepository implements ArrearsFactRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int BATCH = 200;
    private static final String TABLE = "keyline_billing_arrears_fact";
    private static final String BILLS = "keyline_billing_bill";

    private final JdbcSession session;

    JdbcArrearsFactRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public boolean append(ArrearsFact fact) {
        Require.nonNull(fact, "fact");
        return appendAll(List.of(fact)) == 1;
    }

    @Override
    public int appendAll(List<ArrearsFact> facts) {
        List<ArrearsFact> given = Require.nonNullElements(facts, "facts");
        if (!session.transactions().isActive()) {
            throw new InvalidStateException("appending arrears facts needs an active transaction; run it inside "
                    + "Transactions.execute of the same provider");
        }
        if (given.isEmpty()) {
            return 0;
        }
        Set<BillKey> keys = new java.util.HashSet<>();
        given.forEach(f -> keys.add(BillKey.of(f)));
        Map<BillKey, Long> versions = billVersions(keys);
        List<ArrearsFact> fresh = ArrearsFactAppend.check(given, this::storedFacts, this::storedFactsOfBills);
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> bills = new ArrayList<>();
        Map<BillKey, Money> settled = new LinkedHashMap<>();
        for (ArrearsFact f : fresh) {
            rows.add(new Object[] {f.id(), f.account(), f.bill(), f.kind(), f.amount().amount(),
                    f.amount().currency().getCurrencyCode(), f.on(), f.due(), f.recordedAt()});
            if (f.kind() == ArrearsFactKind.BILLED) {
                bills.add(new Object[] {f.account(), f.bill(), f.id(), BigDecimal.ZERO, 1L});
            } else {
                settled.merge(BillKey.of(f), f.amount(), Money::plus);
            }
        }
        try {
            for (List<Object[]> batch : chunks(rows, BATCH)) {
                session.batch("INSERT INTO " + TABLE + " (fact_id, account_id, bill_id, fact_kind, amount, currency, "
                        + "fact_date, due_date, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
            }
            for (List<Object[]> batch : chunks(bills, BATCH)) {
                session.batch("INSERT INTO " + BILLS + " (account_id, bill_id, billed_fact_id, settled, version) "
                        + "VALUES (?, ?, ?, ?, ?)", batch);
            }
        } catch (StorageException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new AlreadyExistsException("an arrears fact of " + fresh.stream().map(f -> f.id().value()).toList()
                        + ", or a bill they bill, was appended by a concurrent transaction", e);
            }
            throw e;
        }
        for (Map.Entry<BillKey, Money> e : settled.entrySet()) {
            BillKey key = e.getKey();
            Long version = versions.get(key);
            int changed = version == null
                    ? session.update("UPDATE " + BILLS + " SET settled = settled + ?, version = version + 1 "
                            + "WHERE account_id = ? AND bill_id = ?", e.getValue().amount(), key.account(), key.bill())
                    : session.update("UPDATE " + BILLS + " SET settled = settled + ?, version = version + 1 "
                            + "WHERE account_id = ? AND bill_id = ? AND version = ?", e.getValue().amount(), key.account(),
                            key.bill(), version);
            if (changed != 1) {
                throw new StaleVersionException("bill " + key.bill() + " of " + key.account() + " was settled by a "
                        + "concurrent transaction since its facts were checked");
            }
        }
        return fresh.size();
    }

    @Override
    public Optional<ArrearsFact> find(ArrearsFactId id) {
        Require.nonNull(id, "id");
        return session.queryOne("SELECT * FROM " + TABLE + " WHERE fact_id = ?", JdbcArrearsFactRepository::fact, id);
    }

    @Override
    public List<ArrearsFact> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return session.query("SELECT * FROM " + TABLE + " WHERE account_id = ? ORDER BY fact_date, fact_id",
                JdbcArrearsFactRepository::fact, account);
    }

    private Map<BillKey, Long> billVersions(Set<BillKey> keys) {
        Map<BillKey, Long> found = new HashMap<>();
        for (List<BillKey> chunk : chunks(keys, BATCH)) {
            List<Object> params = new ArrayList<>();
            List<String> conditions = new ArrayList<>();
            for (BillKey k : chunk) {
                conditions.add("(account_id = ? AND bill_id = ?)");
                params.add(k.account());
                params.add(k.bill());
            }
            session.query("SELECT account_id, bill_id, version FROM " + BILLS + " WHERE " + String.join(" OR ", conditions),
                    row -> Map.entry(new BillKey(required(row, "account_id", AccountId::new), required(row, "bill_id", BillId::new)),
                            row.longValue("version")), params.toArray()).forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    private Map<ArrearsFactId, ArrearsFact> storedFacts(Set<ArrearsFactId> ids) {
        Map<ArrearsFactId, ArrearsFact> found = new HashMap<>();
        for (List<ArrearsFactId> chunk : chunks(ids, BATCH)) {
            session.query("SELECT * FROM " + TABLE + " WHERE fact_id IN (" + placeholders(chunk.size()) + ")",
                    JdbcArrearsFactRepository::fact, chunk.toArray()).forEach(f -> found.put(f.id(), f));
        }
        return found;
    }

    private List<ArrearsFact> storedFactsOfBills(Set<BillKey> keys) {
        List<ArrearsFact> found = new ArrayList<>();
        for (List<BillKey> chunk : chunks(keys, BATCH)) {
            List<Object> params = new ArrayList<>();
            List<String> conditions = new ArrayList<>();
            for (BillKey k : chunk) {
                conditions.add("(account_id = ? AND bill_id = ?)");
                params.add(k.account());
                params.add(k.bill());
            }
            found.addAll(session.query("SELECT * FROM " + TABLE + " WHERE " + String.join(" OR ", conditions),
                    JdbcArrearsFactRepository::fact, params.toArray()));
        }
        return found;
    }

    private static ArrearsFact fact(Row row) {
        ArrearsFactId id = required(row, "fact_id", ArrearsFactId::new);
        LocalDate on = row.localDate("fact_date");
        if (on == null) {
            throw new CorruptStateException("arrears fact " + id + ": column fact_date is NULL");
        }
        return stored(() -> "arrears fact " + id, () -> new ArrearsFact(id, required(row, "account_id", AccountId::new),
                required(row, "bill_id", BillId::new), requiredEnum(row, "fact_kind", ArrearsFactKind.class),
                money(row, "amount", "currency"), on, Optional.ofNullable(row.localDate("due_date")), row.instant("recorded_at")));
    }
}
