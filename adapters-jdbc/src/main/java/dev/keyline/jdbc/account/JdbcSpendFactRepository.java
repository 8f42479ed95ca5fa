package dev.keyline.jdbc.account;

import static dev.keyline.jdbc.StoredValues.chunks;
import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.placeholders;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.jdbc.SqlDialect;
import dev.keyline.spi.StorageException;
import dev.keyline.spi.account.SpendFactAppend;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Billing's spend-fact ledger in {@code keyline_spend_fact}: one row per fact, the month as
 * {@code CHAR(7)} {@code YYYY-MM}, the fact it corrects (if any) in {@code corrects}, which a
 * unique constraint and a foreign key keep to at most one correction of an existing fact.
 *
 * <p>An append of originals only (billing's usual call) looks nothing up first: the facts go in
 * with one multi-row INSERT per {@value #BATCH} facts, and the primary key reports a taken id. On
 * PostgreSQL the INSERT skips taken ids ({@code ON CONFLICT DO NOTHING RETURNING fact_id}), so the
 * transaction stays usable; on H2 the failed statement is undone on its own. Either way the facts
 * this call did insert are deleted again, and the checks of {@link SpendFactAppend} then name the
 * taken id in an {@link AlreadyExistsException}: a rejected call writes nothing and leaves the
 * transaction usable. An append with corrections first runs those checks with a few bulk
 * look-ups (the corrected facts must be stored and not yet corrected), then inserts in JDBC
 * batches, each correction after the fact it corrects. Should another transaction correct one of
 * the same facts between the checks and the insert, the database's constraints reject the insert
 * with {@link AlreadyExistsException}, and the transaction can then only roll back. Months must
 * lie in the years 1 to 9999, which their text form can hold; instants are kept to the microsecond.
 */
public final class JdbcSpendFactRepository implements SpendFactRepository {

    /** The SQL state both supported databases report for a violated unique or primary-key constraint. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final int BATCH = 500;
    private static final String TABLE = "keyline_spend_fact";
    private static final String INSERT_ORIGINALS = "INSERT INTO " + TABLE + " (fact_id, account_id, network_id, "
            + "spend_month, amount, currency, recorded_at, corrects) VALUES ";
    private static final String ROW_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * The insert of 1 to {@value #KEPT_TEXTS} facts, by count, built once: the same text at every
     * call of a size, so that the driver's statement cache finds it without hashing a new string.
     */
    private static final int KEPT_TEXTS = 32;
    private static final String[] INSERTS_OF_ORIGINALS = new String[KEPT_TEXTS + 1];

    static {
        for (int rows = 1; rows <= KEPT_TEXTS; rows++) {
            INSERTS_OF_ORIGINALS[rows] = insertOfOriginals(rows);
        }
    }
    private static final String BY_MONTH = " ORDER BY spend_month, recorded_at, fact_id";

    private final JdbcSession session;

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcSpendFactRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public void append(SpendFact fact) {
        Require.nonNull(fact, "fact");
        appendAll(List.of(fact));
    }

    @Override
    public void appendAll(List<SpendFact> facts) {
        List<SpendFact> given = Require.nonNullElements(facts, "facts");
        requireTransaction();
        for (SpendFact fact : given) {
            int year = fact.month().getYear();
            if (year < 1 || year > 9999) {
                throw new InvalidArgumentException("facts", "spend fact " + fact.id() + " is for the month "
                        + fact.month() + "; the JDBC provider stores months of the years 1 to 9999");
            }
        }
        boolean corrections = false;
        for (SpendFact fact : given) {
            corrections |= fact.corrects().isPresent();
        }
        if (!corrections) {
            appendOriginals(given);
            return;
        }
        List<SpendFact> ordered = SpendFactAppend.check(given, this::storedFacts, this::storedCorrections);
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (SpendFact f : ordered) {
            rows.add(new Object[] {f.id(), f.account(), f.network(), f.month(), f.amount().amount(),
                    f.amount().currency().getCurrencyCode(), f.recordedAt(), f.corrects()});
        }
        for (List<Object[]> batch : chunks(rows, BATCH)) {
            try {
                session.batch("INSERT INTO " + TABLE + " (fact_id, account_id, network_id, spend_month, amount, currency, "
                        + "recorded_at, corrects) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch);
            } catch (StorageException e) {
                if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                    throw new AlreadyExistsException("a spend fact of " + ordered.stream().map(f -> f.id().value()).toList()
                            + " was appended, or one of the facts they correct was corrected, by a concurrent transaction", e);
                }
                throw e;
            }
        }
    }

    /** The multi-row insert of {@code rows} facts that correct nothing. */
    private static String insertOfOriginals(int rows) {
        return INSERT_ORIGINALS + String.join(", ", Collections.nCopies(rows, ROW_PLACEHOLDERS));
    }

    /**
     * Inserts facts that correct nothing without looking their ids up first; a taken id is found
     * by the primary key, and then nothing of the call stays written.
     */
    private void appendOriginals(List<SpendFact> given) {
        // duplicates within the call are rejected before anything is sent; nothing is stored to look up
        SpendFactAppend.check(given, ids -> Map.of(), ids -> Map.of());
        boolean postgres = session.dialect() == SqlDialect.POSTGRESQL;
        List<SpendFactId> inserted = new ArrayList<>(given.size());
        boolean taken = false;
        for (List<SpendFact> chunk : chunks(given, BATCH)) {
            List<Object> params = new ArrayList<>(chunk.size() * 8);
            for (SpendFact f : chunk) {
                params.addAll(Arrays.asList(f.id(), f.account(), f.network(), f.month(), f.amount().amount(),
                        f.amount().currency().getCurrencyCode(), f.recordedAt(), null));
            }
            String sql = chunk.size() <= KEPT_TEXTS ? INSERTS_OF_ORIGINALS[chunk.size()] : insertOfOriginals(chunk.size());
            if (postgres) {
                List<SpendFactId> ids = session.query(sql + " ON CONFLICT DO NOTHING RETURNING fact_id",
                        row -> required(row, "fact_id", SpendFactId::new), params.toArray());
                inserted.addAll(ids);
                if (ids.size() < chunk.size()) {
                    taken = true;
                    break;
                }
            } else {
                if (!session.insertUnlessTaken(sql, params.toArray())) {
                    taken = true;
                    break;
                }
                chunk.forEach(f -> inserted.add(f.id()));
            }
        }
        if (!taken) {
            return;
        }
        for (List<SpendFactId> chunk : chunks(inserted, BATCH)) {
            session.update("DELETE FROM " + TABLE + " WHERE fact_id IN (" + placeholders(chunk.size()) + ")", chunk.toArray());
        }
        Set<SpendFactId> ids = new LinkedHashSet<>();
        given.forEach(f -> ids.add(f.id()));
        Map<SpendFactId, SpendFact> stored = storedFacts(ids);
        List<String> takenIds = ids.stream().filter(stored::containsKey).map(SpendFactId::value).toList();
        throw new AlreadyExistsException("spend fact " + (takenIds.isEmpty() ? "of " + ids : String.join(", ", takenIds))
                + " already exists, stored before or appended by a concurrent transaction that committed first; "
                + "facts are never overwritten, a correction is a new fact");
    }

    @Override
    public Optional<SpendFact> find(SpendFactId id) {
        Require.nonNull(id, "id");
        return session.queryOne("SELECT * FROM " + TABLE + " WHERE fact_id = ?", JdbcSpendFactRepository::fact, id);
    }

    @Override
    public List<SpendFact> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return session.query("SELECT * FROM " + TABLE + " WHERE account_id = ?" + BY_MONTH, JdbcSpendFactRepository::fact,
                account);
    }

    @Override
    public List<SpendFact> byAccountAndMonths(AccountId account, YearMonth from, YearMonth to) {
        Require.nonNull(account, "account");
        checkRange(from, to);
        return session.query("SELECT * FROM " + TABLE + " WHERE account_id = ? AND spend_month BETWEEN ? AND ?" + BY_MONTH,
                JdbcSpendFactRepository::fact, account, from, to);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The rows stream from the database as the caller consumes them: a forward-only, read-only
     * statement with a fetch size ({@link JdbcSession#stream}), inside the provider's transaction
     * with auto-commit off, which is what PostgreSQL's driver needs to fetch through a cursor
     * instead of reading the whole result. So a reclassification folds a network's facts without
     * the population's rows ever being in memory together.
     */
    @Override
    public Stream<SpendFact> byNetworkAndMonths(LocalNetworkId network, YearMonth from, YearMonth to) {
        Require.nonNull(network, "network");
        checkRange(from, to);
        return session.stream("SELECT * FROM " + TABLE + " WHERE network_id = ? AND spend_month BETWEEN ? AND ? "
                + "ORDER BY account_id, spend_month, recorded_at, fact_id", JdbcSpendFactRepository::fact, network, from, to);
    }

    private Map<SpendFactId, SpendFact> storedFacts(Set<SpendFactId> ids) {
        Map<SpendFactId, SpendFact> found = new HashMap<>();
        for (List<SpendFactId> chunk : chunks(ids, BATCH)) {
            session.query("SELECT * FROM " + TABLE + " WHERE fact_id IN (" + placeholders(chunk.size()) + ")",
                    JdbcSpendFactRepository::fact, chunk.toArray()).forEach(f -> found.put(f.id(), f));
        }
        return found;
    }

    private Map<SpendFactId, SpendFactId> storedCorrections(Set<SpendFactId> targets) {
        Map<SpendFactId, SpendFactId> found = new HashMap<>();
        for (List<SpendFactId> chunk : chunks(targets, BATCH)) {
            session.query("SELECT fact_id, corrects FROM " + TABLE + " WHERE corrects IN (" + placeholders(chunk.size()) + ")",
                    row -> Map.entry(required(row, "corrects", SpendFactId::new), required(row, "fact_id", SpendFactId::new)),
                    chunk.toArray()).forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    private void requireTransaction() {
        if (!session.transactions().isActive()) {
            throw new dev.keyline.domain.common.InvalidStateException("appending spend facts needs an active transaction; "
                    + "run it inside Transactions.execute of the same provider");
        }
    }

    private static SpendFact fact(Row row) {
        SpendFactId id = required(row, "fact_id", SpendFactId::new);
        YearMonth month = row.yearMonth("spend_month");
        if (month == null) {
            throw new CorruptStateException("spend fact " + id + ": column spend_month is NULL");
        }
        return stored(() -> "spend fact " + id, () -> new SpendFact(id, required(row, "account_id", AccountId::new),
                required(row, "network_id", LocalNetworkId::new), month, money(row, "amount", "currency"),
                row.instant("recorded_at"), Optional.ofNullable(row.identifier("corrects", SpendFactId::new))));
    }

    private static void checkRange(YearMonth from, YearMonth to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidArgumentException("to", "must not be before from (" + from + "), was " + to);
        }
    }
}
