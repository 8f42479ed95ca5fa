package dev.keyline.jdbc;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.spi.AggregateRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The common part of every JDBC aggregate repository: one row per aggregate in a table with an
 * id column and a BIGINT {@code version} column, loaded through the aggregate's
 * {@code restore(...)} and saved with the optimistic version check of {@link AggregateRepository}.
 *
 * <p>A subclass names the table and says how a row maps to the aggregate and back:
 * <pre>{@code
 * final class JdbcKeyAccountRepository extends JdbcAggregateRepository<KeyAccount, AccountId>
 *         implements KeyAccountRepository {
 *     JdbcKeyAccountRepository(JdbcSession session) {
 *         super(session, "key account", "keyline_key_account", "account_id");
 *     }
 *     protected KeyAccount restore(Row row) {
 *         return KeyAccount.restore(new KeyAccountSnapshot(row.identifier("account_id", AccountId::new),
 *                 row.longValue("version"), row.string("name"), ...));
 *     }
 *     protected Columns columns(KeyAccount account) {
 *         return Columns.create().set("name", account.name()).set(...);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #save(AggregateRoot)}: an aggregate at version 0 is inserted at version 1
 * ({@link AlreadyExistsException} naming it when the id is taken); otherwise the row is updated
 * with {@code ... version = version + 1 WHERE id = ? AND version = ?}, and no row changed means
 * {@link StaleVersionException} naming the aggregate and the version. Both are queued in the
 * transaction's write-behind (see {@link JdbcTransactions}): they are sent, batched with the other
 * saves' rows of the same statement, before the next statement on the connection or before the
 * commit, and raise those exceptions then, so a caller meets a taken key or a stale version at the
 * latest when the transaction commits, and nothing of the transaction is written; the aggregates
 * whose writes were being sent then go back to their versions before those saves
 * ({@link AggregateRoot#markUnsaved(long)}). Child tables are written by
 * overriding {@link #saveChildren(AggregateRoot, boolean)}, which runs after the main row was
 * written (and so, on an update, while its row lock is held). Only when everything succeeded is
 * {@link AggregateRoot#markSaved(long)} called; the pending events are left to the runtime.
 * Every method needs an active transaction of the provider ({@link InvalidStateException}
 * otherwise).
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 */
public abstract class JdbcAggregateRepository<A extends AggregateRoot<I>, I extends Identifier>
        implements AggregateRepository<A, I> {

    /**
     * How many aggregates a repository keeps per transaction; beyond that the least recently used
     * is forgotten (and read again if needed), so a long transaction's memory stays bounded.
     */
    static final int IDENTITY_MAP_SIZE = 1_000;

    private final Object identityKey = new Object();
    private final JdbcSession session;
    private final String aggregateName;
    private final String table;
    private final String idColumn;
    /** The statement that reads a row by id, built once (see {@link #read}). */
    private final String rowById;

    /**
     * A repository over one table.
     *
     * @param session the provider's session
     * @param aggregateName the business name used in messages, for example {@code "key account"}
     * @param table the aggregate's table, a plain SQL identifier
     * @param idColumn its key column, a plain SQL identifier, holding {@link Identifier#value()}
     */
    protected JdbcAggregateRepository(JdbcSession session, String aggregateName, String table, String idColumn) {
        this.session = Require.nonNull(session, "session");
        this.aggregateName = Require.nonBlank(aggregateName, "aggregateName");
        this.table = Columns.checkIdentifier(table, "table");
        this.idColumn = Columns.checkIdentifier(idColumn, "idColumn");
        this.rowById = "SELECT * FROM " + table + " WHERE " + idColumn + " = ?";
    }

    /**
     * Restores the aggregate from its row, through its static {@code restore(snapshot)} so that
     * the stored state is validated again. May read child tables through {@link #session()}.
     *
     * @param row the aggregate's row, all columns of the table
     * @return the aggregate at the row's version
     */
    protected abstract A restore(Row row);

    /**
     * The aggregate's columns of the main row, except the id column and {@code version}, which the
     * repository writes itself.
     *
     * @param aggregate the aggregate being saved
     * @return the column values
     */
    protected abstract Columns columns(A aggregate);

    /**
     * Writes the aggregate's child tables after its main row; does nothing unless overridden.
     *
     * @param aggregate the aggregate being saved, still at its old version
     * @param inserted true when the main row was just inserted, false when it was updated
     */
    protected void saveChildren(A aggregate, boolean inserted) {
    }

    /**
     * The session the repository's statements run on.
     *
     * @return the session
     */
    protected final JdbcSession session() {
        return session;
    }

    /**
     * The aggregate's table.
     *
     * @return the table name
     */
    protected final String table() {
        return table;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Within one transaction the repository is an identity map: the first find of an id reads
     * the database, and later finds of that id (and finds after a save of it) return the same
     * instance, at the version it was last loaded or saved at, without another statement. So a
     * command's access check and its change share one load, and several commands in one
     * transaction load an aggregate once. A failed save forgets the aggregate again.
     */
    @Override
    public Optional<A> find(I id) {
        Require.nonNull(id, "id");
        Map<String, A> loaded = loaded();
        A known = loaded == null ? null : loaded.get(id.value());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<A> found = read(id);
        if (loaded != null) {
            found.ifPresent(a -> loaded.put(id.value(), a));
        }
        return found;
    }

    /**
     * Reads the aggregate from the database, for {@link #find}, which keeps what it returns for the
     * rest of the transaction.
     *
     * @param id the aggregate's id
     * @return the stored aggregate, or empty when there is none
     */
    protected Optional<A> read(I id) {
        return session.queryOne(rowById, this::restore, id.value());
    }

    /** The text of the statement that reads this repository's row by id, built once. */
    final String rowById() {
        return rowById;
    }

    /** The aggregates loaded or saved in the current transaction, by id; null outside a transaction. */
    private Map<String, A> loaded() {
        return session.transactions().attachment(identityKey, () -> new LinkedHashMap<String, A>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, A> eldest) {
                return size() > IDENTITY_MAP_SIZE;
            }
        });
    }

    @Override
    public void save(A aggregate) {
        Require.nonNull(aggregate, "aggregate");
        Map<String, A> loaded = loaded();
        try {
            write(aggregate);
        } catch (RuntimeException | Error e) {
            if (loaded != null) {
                loaded.remove(aggregate.id().value());
            }
            throw e;
        }
        if (loaded != null) {
            loaded.put(aggregate.id().value(), aggregate);
        }
    }

    private void write(A aggregate) {
        String name = aggregateName + " " + aggregate.id().value();
        Columns values = columns(aggregate);
        Require.nonNull(values, "columns(aggregate)");
        long newVersion = aggregate.version() + 1;
        boolean inserted = aggregate.version() == 0;
        // when the queued write fails as it is sent, the aggregate goes back to its version before this save
        long saved = newVersion;
        Runnable undo = () -> {
            if (aggregate.version() == saved) {
                aggregate.markUnsaved(saved - 1);
            }
        };
        if (inserted) {
            session.queueInsert(name, aggregate.id().value(), table, values.around(idColumn, aggregate.id().value(),
                    "version", 1L), undo);
        } else {
            session.queueUpdateVersioned(name, table, idColumn, aggregate.id().value(), aggregate.version(), values, undo);
        }
        saveChildren(aggregate, inserted);
        aggregate.markSaved(newVersion);
    }

    @Override
    public String aggregateName() {
        return aggregateName;
    }
}
