package dev.keyline.jdbc.priority;

import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.priority.AccountResultRepository;

import java.util.List;
import java.util.Optional;

/**
 * Billing's result facts in {@code keyline_priority_result_fact}, one row per fact, the period in
 * its text form. An append first reads the stored fact of the same id and one fact of the same
 * account and period (so a refused append has written nothing and leaves the transaction usable),
 * then inserts; should a concurrent transaction insert the same id in between, the primary key
 * rejects the insert with {@link AlreadyExistsException}.
 */
public final class JdbcAccountResultRepository implements AccountResultRepository {

    private static final String TABLE = "keyline_priority_result_fact";
    private static final String BY_TIME = " ORDER BY recorded_at, fact_id";

    private final JdbcSession session;

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcAccountResultRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public boolean append(AccountResultFact fact) {
        Require.nonNull(fact, "fact");
        if (!session.transactions().isActive()) {
            throw new InvalidStateException("appending account result facts needs an active transaction; "
                    + "run it inside Transactions.execute of the same provider");
        }
        Optional<AccountResultFact> stored = find(fact.id());
        if (stored.isPresent()) {
            if (stored.get().equals(fact)) {
                return false;
            }
            throw new AlreadyExistsException("account result fact " + fact.id()
                    + " is already stored with other content; a fact is never changed, send a correcting fact under a new id");
        }
        Optional<AccountResultFact> other = session.queryOne("SELECT * FROM " + TABLE
                + " WHERE period = ? AND account_id = ? AND industry <> ? ORDER BY fact_id FETCH FIRST 1 ROWS ONLY",
                JdbcAccountResultRepository::fact, fact.period().toString(), fact.account(), fact.industry());
        if (other.isPresent()) {
            throw new InvalidStateException("account result fact " + fact.id() + " names industry " + fact.industry()
                    + " but account " + fact.account() + " is in " + other.get().industry() + " in " + fact.period()
                    + " (fact " + other.get().id() + ")");
        }
        session.insertStatement("account result fact " + fact.id(), "INSERT INTO " + TABLE
                + " (fact_id, account_id, period, product, industry, revenue, profit, currency, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fact.id(), fact.account(), fact.period().toString(), fact.product(),
                fact.industry(), fact.revenue().amount(), fact.profit().amount(), fact.revenue().currency().getCurrencyCode(),
                fact.recordedAt());
        return true;
    }

    @Override
    public Optional<AccountResultFact> find(AccountResultFactId id) {
        Require.nonNull(id, "id");
        return session.queryOne("SELECT * FROM " + TABLE + " WHERE fact_id = ?", JdbcAccountResultRepository::fact, id);
    }

    @Override
    public List<AccountResultFact> inPeriod(Period period) {
        Require.nonNull(period, "period");
        return session.query("SELECT * FROM " + TABLE + " WHERE period = ? ORDER BY account_id, recorded_at, fact_id",
                JdbcAccountResultRepository::fact, period.toString());
    }

    @Override
    public List<AccountResultFact> ofAccount(AccountId account, Period period) {
        Require.nonNull(account, "account");
        Require.nonNull(period, "period");
        return session.query("SELECT * FROM " + TABLE + " WHERE period = ? AND account_id = ?" + BY_TIME,
                JdbcAccountResultRepository::fact, period.toString(), account);
    }

    private static AccountResultFact fact(Row row) {
        AccountResultFactId id = required(row, "fact_id", AccountResultFactId::new);
        return stored(() -> "account result fact " + id, () -> new AccountResultFact(id, required(row, "account_id", AccountId::new),
                required(row, "period", Period::parse), required(row, "product", ProductCode::new),
                requiredEnum(row, "industry", Industry.class), money(row, "revenue", "currency"),
                money(row, "profit", "currency"), row.instant("recorded_at")));
    }
}
