package dev.keyline.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The base of a JDBC repository whose aggregate spans a parent row and child rows (its owned
 * collections), and which loads it consistently under READ COMMITTED.
 *
 * <p>Reading a parent row and then its child rows takes several statements, and another
 * transaction may commit a save of the same aggregate between them; the parent would then be
 * restored with the children of a later state (or fail validation for no fault of the data).
 * So the last statement that reads a child table ({@link #childrenAndVersionsOf}) also reads the
 * parents' versions, in the same statement and so from the same snapshot ({@code parent LEFT JOIN
 * child}, by primary key). Under READ COMMITTED each statement sees what was committed before it
 * began, and saves always raise the version: a version equal to the parent row's proves that no
 * save committed between the parent's statement and this one, so the child statements between
 * them ({@link #childrenOf}, which read the child table alone) read the children of the parent
 * that was read. A version that differs means a save committed in between, and that aggregate
 * is read again (parent, children) until they agree. A find thus reads each child table once
 * and the parent table twice (its row, then its version with the last child table), with no
 * separate re-read of the version. A child read that no {@code childrenAndVersionsOf} follows is
 * confirmed by one more statement that reads the versions, so a subclass that reads its tables in
 * another order stays correct, at a statement's cost.
 *
 * <p>A query in a read on PostgreSQL ({@link JdbcTransactions#read}) needs none of this: its stream
 * starts the read's transaction at {@code REPEATABLE READ}, where every statement reads from the
 * snapshot the parent rows came from, so the children read belong to those rows as they are; the
 * last child table is then read alone ({@code childrenAndVersionsOf} reads as {@code childrenOf}
 * does), and nothing is read twice. Such a query returns every aggregate as it was when its parent
 * rows were read, where one in a transaction ({@link JdbcTransactions#execute}, at
 * {@code READ COMMITTED}) or on H2 (whose reads run in auto-commit) returns each aggregate as some
 * save committed it, the ones saved while it ran at their later states.
 *
 * <p>Queries ({@link #streamWhere}, {@link #listWhere}) read the parent rows lazily and the children
 * of up to {@value #CHUNK} parents at a time, one statement per child table, so a large result
 * needs a few statements per chunk, not one per row.
 *
 * <p>A subclass reads a parent row into a value {@code P} that knows its id and version
 * ({@link #parent(Row)}, {@link #idOf(Object)}, {@link #versionOf(Object)}), reads the children of
 * several parents at once and returns how to restore each of them ({@link #readChildren(List)}),
 * writes the parent's columns ({@link #columns(AggregateRoot)}) and its child rows
 * ({@link #saveChildren(AggregateRoot, boolean)}): an append-only collection (a history) through
 * {@link #appendChildren}, which inserts only the rows not stored yet; a collection whose rows
 * change through {@link #deleteChildren} on an update, then {@link #insertChildren}.
 *
 * <p>Appending relies on the version check: the parent row was updated from the version the
 * aggregate was loaded at, under its row lock, so the stored rows are the ones the aggregate was
 * loaded with, and its own list starts with them.
 *
 * <p>A subclass that passes its aggregate's {@code snapshot()} and {@code restore(snapshot)} to the
 * constructor has its saved aggregates kept after their transaction commits, up to the session's
 * {@link JdbcSession#cachedAggregateRows() bound}. A find of an id then reads the parent row only
 * and, when its version is the version kept, restores the kept snapshot (validated again by
 * {@code restore}) instead of reading the child tables: one statement instead of one per table.
 * The version is what proves the kept state current, as it proves a child read consistent above:
 * every save raises it, and only a committed save is kept (and never over the state of a later
 * commit, whose transaction may end first), so a version that matches names the state kept. A
 * version that differs (another process saved; the aggregate was deleted and created again) means
 * a full read. Queries ({@link #streamWhere}) always read the tables.
 *
 * <p>Inside a transaction that may write ({@code Transactions.execute}), and unless the session
 * says otherwise ({@link JdbcSession#trustsKeptStates()}), a load of an aggregate kept does not
 * read even the parent row: it trusts the kept state, and the transaction checks it later. A save
 * of the aggregate checks it by its versioned update; before the commit, the versions of the
 * trusted aggregates no save checked are read in one statement per table; and when the
 * transaction fails, all of them are, after the rollback. An outdated state is dropped and the
 * transaction fails with {@link dev.keyline.spi.KeptStateOutdatedException}, which the runtime
 * runs again; the next load reads the tables. A transaction that failed on a state a rival
 * transaction of this storage moved after the load trusted it fails as a race, with a
 * {@link dev.keyline.domain.common.StaleVersionException}, and its next attempt reads the tables
 * too. A command that loads an aggregate and saves it thus sends the statements of its writes only.
 *
 * <p>A transaction that saves a stored aggregate marks its kept state as being saved before it
 * commits, and replaces the mark with the state it wrote once it has committed. A mark its commit
 * does not replace (the transaction rolled back, or did not keep that save) stays until the last
 * transaction of this storage that saved the aggregate has ended, so a state an earlier commit
 * keeps late never takes the place of a later commit's; marks weigh nothing in the bound, so no
 * other save pushes them out. While a mark stands, loads read the tables: a load never trusts a
 * state older than a commit it could already see, so one transaction cannot read one aggregate of
 * a rival's commit from its row and another aggregate of the same commit from the state kept
 * before it. A trusted load is thus what a read of the row at that moment would have returned.
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 * @param <P> what the subclass reads from a parent row, before the children are known
 */
public abstract class JdbcParentChildRepository<A extends AggregateRoot<I>, I extends Identifier, P>
        extends JdbcAggregateRepository<A, I> {

    /** How many parents' children are read together. */
    public static final int CHUNK = 100;

    /** How many aggregates one transaction's saves keep at most, per repository (see {@link JdbcSession#cachedAggregateRows()}). */
    public static final int KEPT_PER_TRANSACTION = 100;

    /** How often one aggregate is read again while it keeps changing, before giving up. */
    public static final int MAX_ATTEMPTS = 100;

    private static final String PARENT_KEY = "keyline_parent_key";
    private static final String PARENT_VERSION = "keyline_parent_version";
    /** The table of parent ids a child statement of several parents joins on H2, and its column. */
    private static final String ID_LIST = "keyline_parent_ids";
    private static final String ID_LIST_COLUMN = "keyline_parent_id";

    private final String table;
    private final String idColumn;
    /** The condition of a load by id. */
    private final String byId;
    /**
     * The texts of the child statements, by table, columns, number of parents and whether they
     * read the versions: built once, so a load neither concatenates them again nor makes the
     * database's and the labels' caches hash a new string (at most a few hundred per repository:
     * its child tables, times {@value #CHUNK} sizes, times two; on H2 two sizes, one parent or several).
     */
    private final ConcurrentHashMap<ChildStatement, String> childStatements = new ConcurrentHashMap<>();
    /** The aggregate's snapshot, kept in {@link #committed}; null when the subclass does not keep them. */
    private final Function<A, Object> snapshotter;
    /** Restores a kept snapshot; null when the subclass does not keep them. */
    private final Function<Object, A> restorer;
    /** The committed saves' snapshots by id, bounded in rows; null when none are kept. */
    private final Cache<String, Kept> committed;
    private final long keptRows;
    private final Object publishKey = new Object();
    private final Object trustKey = new Object();
    /**
     * The ids this storage's open transactions have saved, with how many of them each; an id stays
     * until its transaction has ended and published what it kept. A trusted load whose stored
     * version moved while its id is here, or while a newer state is kept, was overtaken by this
     * storage's own save, not outdated by another process's.
     */
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
    /** The parent versions the child statements of the load running on this thread saw. */
    private final ThreadLocal<VersionCheck> reading = new ThreadLocal<>();
    /** The child reads of the read of one parent in progress on this thread, see {@link #readChildrenOf}. */
    private final ThreadLocal<ChildReads> childReads = new ThreadLocal<>();
    /** The parent row and child statements a find sent together, on this thread, see {@link #read}. */
    private final ThreadLocal<Prefetched> prefetched = new ThreadLocal<>();
    /** The child statements learned for a read of one parent; null until learned, see {@link #readChildrenOf}. */
    private volatile OneParentRead oneParentRead;
    /** The save running on this thread, with what is known to be stored of its children. */
    private final ThreadLocal<Saving> saving = new ThreadLocal<>();
    private final Object childStateKey = new Object();

    /**
     * A repository over one parent table.
     *
     * @param session the provider's session
     * @param aggregateName the business name for messages
     * @param table the parent table, a plain SQL identifier
     * @param idColumn its key column
     */
    protected JdbcParentChildRepository(JdbcSession session, String aggregateName, String table, String idColumn) {
        super(session, aggregateName, table, idColumn);
        this.table = table;
        this.idColumn = idColumn;
        this.byId = idColumn + " = ?";
        this.snapshotter = null;
        this.restorer = null;
        this.committed = null;
        this.keptRows = 0;
    }

    /**
     * A repository over one parent table that keeps its committed saves, up to the session's
     * {@link JdbcSession#cachedAggregateRows() bound}, so that loading one of them again at the
     * version saved reads the parent row only (see the type's description).
     *
     * @param session the provider's session
     * @param aggregateName the business name for messages
     * @param table the parent table, a plain SQL identifier
     * @param idColumn its key column
     * @param snapshot the aggregate's immutable snapshot, as its {@code snapshot()} returns it,
     *     at its current version
     * @param restore restores a snapshot, validating it, as the aggregate's {@code restore(snapshot)}
     * @param <S> the snapshot type
     */
    @SuppressWarnings("unchecked")
    protected <S> JdbcParentChildRepository(JdbcSession session, String aggregateName, String table, String idColumn,
            Function<? super A, ? extends S> snapshot, Function<? super S, ? extends A> restore) {
        super(session, aggregateName, table, idColumn);
        this.table = table;
        this.idColumn = idColumn;
        this.byId = idColumn + " = ?";
        Require.nonNull(snapshot, "snapshot");
        Require.nonNull(restore, "restore");
        this.keptRows = session.cachedAggregateRows();
        boolean keeping = keptRows > 0;
        this.snapshotter = keeping ? a -> snapshot.apply(a) : null;
        this.restorer = keeping ? s -> restore.apply((S) s) : null;
        this.committed = keeping
                ? CacheBuilder.newBuilder().maximumWeight(keptRows).weigher((String id, Kept kept) -> kept.rows()).build()
                : null;
    }

    /**
     * Whether the aggregate has child tables; true unless overridden. An aggregate of one row (a
     * subclass whose {@link #readChildren} reads nothing) returns false, so that its load is the
     * parent row alone, with no second read of the versions, while it still gains the kept states.
     *
     * @return false when the parent row is the whole aggregate
     */
    protected boolean hasChildTables() {
        return true;
    }

    /**
     * Reads the parent row; nothing is validated yet.
     *
     * @param row a row of the parent table, all columns
     * @return what the row holds
     */
    protected abstract P parent(Row row);

    /**
     * The id text of a parent.
     *
     * @param parent a parent read by {@link #parent(Row)}
     * @return its id, as stored in the id column
     */
    protected abstract String idOf(P parent);

    /**
     * The version of a parent.
     *
     * @param parent a parent read by {@link #parent(Row)}
     * @return its version column
     */
    protected abstract long versionOf(P parent);

    /**
     * Reads the child rows of the given parents, in a few statements (for example one
     * {@code WHERE parent_id IN (...)} per child table), and says how to restore each parent with
     * them. The function is applied only to parents whose version was confirmed after this read;
     * it restores through the aggregate's {@code restore(snapshot)}, which validates.
     *
     * @param parents up to {@value #CHUNK} parents
     * @return restores the aggregate of one of {@code parents}
     */
    protected abstract Function<P, A> readChildren(List<P> parents);

    /**
     * Restores the aggregate of one parent row, reading its children consistently.
     *
     * @param row a row of the parent table, all columns
     * @return the aggregate
     */
    @Override
    protected final A restore(Row row) {
        P parent = parent(row);
        return loadConsistent(byId, new Object[] {idOf(parent)}, List.of(parent), false).stream().findFirst()
                .orElseThrow(() -> new StorageException(aggregateName() + " " + idOf(parent)
                        + " disappeared while it was being read", null));
    }

    @Override
    protected Optional<A> read(I id) {
        Optional<A> trusted = trustedKept(id.value());
        if (trusted.isPresent()) {
            return trusted;
        }
        Object[] params = {id.value()};
        OneParentRead learned = oneParentRead;
        if (learned != null && session().sendsQueriesTogether() && hasChildTables()
                && (committed == null || !isKept(committed.getIfPresent(id.value())))) {
            return readTogether(id.value(), params, learned);
        }
        List<P> parents = session().query(rowById(), this::parent, params);
        if (committed != null && parents.size() == 1) {
            Optional<A> restored = restoreKept(id.value(), versionOf(parents.get(0)));
            if (restored.isPresent()) {
                return restored;
            }
        }
        return loadConsistent(byId, params, parents, false).stream().findFirst();
    }

    /**
     * A find with no kept state to consult, on a database that takes several queries in one round
     * trip: the parent row's statement and the learned child statements sent together, the child
     * reads served from their results (see {@link #readChildrenOf}). The versions read with the
     * last child table confirm the parent row as when the statements go one by one; an aggregate
     * saved in between is read again.
     */
    private Optional<A> readTogether(String id, Object[] params, OneParentRead learned) {
        Object[] all = new Object[learned.withRow().size()];
        java.util.Arrays.fill(all, id);
        return session().queries(learned.combinedWithRow(), learned.withRow(), all, results -> {
            List<P> parents = results.take(this::parent);
            if (parents.isEmpty()) {
                return Optional.<A>empty();
            }
            Prefetched outer = prefetched.get();
            prefetched.set(new Prefetched(id, results));
            try {
                return loadConsistent(byId, params, parents, false).stream().findFirst();
            } finally {
                prefetched.set(outer);
            }
        });
    }

    /**
     * Inside a transaction that may write, and when the session trusts kept states: the kept state
     * of {@code id}, restored without reading its row, and recorded as trusted for the transaction
     * to check (see {@link JdbcTransactions}); otherwise empty.
     */
    private Optional<A> trustedKept(String id) {
        if (committed == null || !session().trustsKeptStates() || !session().transactions().checksTrustedLoads()) {
            return Optional.empty();
        }
        Kept kept = committed.getIfPresent(id);
        if (!isKept(kept)) {
            return Optional.empty();
        }
        Optional<A> restored = restoreKept(id, kept, kept.version());
        restored.ifPresent(a -> trusted(true).loaded(id, kept.version()));
        return restored;
    }

    /** What the transaction's loads trusted of this repository; made and handed to the transaction when {@code create}, else null when none. */
    private Trusted trusted(boolean create) {
        JdbcTransactions transactions = session().transactions();
        return transactions.attachment(trustKey, create ? () -> {
            Trusted made = new Trusted();
            transactions.trust(made);
            return made;
        } : () -> null);
    }

    /**
     * The kept state of an aggregate whose parent row shows {@code version}, restored; empty when
     * none is kept at that version. A kept state at another version is dropped: another process
     * saved the aggregate since (so a later load need not trust it and fail), or it was deleted
     * and created again.
     */
    private Optional<A> restoreKept(String id, long version) {
        return restoreKept(id, committed.getIfPresent(id), version);
    }

    /** {@link #restoreKept(String, long)} of {@code kept}, what the cache held for {@code id} when just read. */
    private Optional<A> restoreKept(String id, Kept kept, long version) {
        if (!isKept(kept)) {
            return Optional.empty(); // nothing kept, or a save in flight, whose mark stays until it ends
        }
        if (kept.version() != version) {
            // versions only rise, so a kept state at another version never names a stored one
            // again: another process saved since, or the aggregate was deleted and created again
            committed.invalidate(id);
            return Optional.empty();
        }
        A restored;
        try {
            restored = restorer.apply(kept.snapshot());
        } catch (RuntimeException refused) {
            // a kept state that no longer restores is dropped and the tables are read, which decide
            committed.invalidate(id);
            return Optional.empty();
        }
        if (restored.version() != version) {
            committed.invalidate(id); // a snapshot that does not carry its version is never trusted
            return Optional.empty();
        }
        Map<String, ChildState> states = childStates();
        if (states != null) {
            states.put(id, kept.children().copy());
        }
        return Optional.of(restored);
    }

    /**
     * The snapshots this transaction saved, published to {@link #committed} once it commits; null
     * outside a transaction. Bounded like the cache: beyond its rows the earliest saves are dropped.
     */
    private Publishing publishing() {
        JdbcTransactions transactions = session().transactions();
        return transactions.attachment(publishKey, () -> {
            Publishing saved = new Publishing(keptRows);
            transactions.afterCommit(() -> {
                // a save not kept (beyond the transaction's bound) leaves no older state behind: a
                // save of a stored aggregate replaced it with its mark already, which stays until
                // the last transaction saving it has ended (below)
                for (String id : saved.saved) {
                    if (!saved.kept.containsKey(id) && !saved.marked.containsKey(id)) {
                        committed.invalidate(id);
                    }
                }
                saved.kept.forEach((id, state) -> publishCommitted(id, state, saved.marked.get(id)));
            });
            transactions.afterCompletion(() -> saved.saved.forEach(id -> inFlight.computeIfPresent(id, (k, n) -> {
                if (n > 1) {
                    // another transaction saving it may still keep the state of an earlier commit
                    // late: a mark left here (this save rolled back, or was not kept) holds it off
                    return n - 1;
                }
                // the last transaction that saved it has ended, and every commit of this storage
                // has kept its state: a mark left (this one's, or a save's that ended before) goes
                dropMark(id);
                return null;
            })));
            return saved;
        });
    }

    /** Removes the mark kept for {@code id}, if a mark is what is kept; inside the count of {@link #inFlight} for it. */
    private void dropMark(String id) {
        java.util.concurrent.ConcurrentMap<String, Kept> kept = committed.asMap();
        Kept now = kept.get(id);
        if (now != null && now.beingSaved()) {
            kept.remove(id, now);
        }
    }

    /** Whether {@code kept} is a committed state, not null and not a save's mark. */
    private static boolean isKept(Kept kept) {
        return kept != null && !kept.beingSaved();
    }

    /**
     * Keeps the state a committed save wrote, or the mark of a save in flight, unless the state or
     * mark of a later version is kept already: the after-commit hooks of two transactions that
     * committed one after the other may run in either order, and the older state would hand the
     * next loads a version a save of this storage has moved past. (An
     * aggregate deleted outside Keyline and created again at a lower version costs that once: the
     * first load that trusts the old state fails its check, which forgets it.)
     */
    private void publish(String id, Kept saved) {
        // a compare-and-set on the state read: a map merge takes the cache's loading path, several
        // times as slow as this on every commit
        java.util.concurrent.ConcurrentMap<String, Kept> kept = committed.asMap();
        while (true) {
            Kept now = kept.get(id);
            if (now == null ? kept.putIfAbsent(id, saved) == null
                    : !laterThan(saved, now) || kept.replace(id, now, saved)) {
                return;
            }
        }
    }

    /**
     * {@link #publish} of the state a committed save wrote, trying first what the entry most
     * likely holds without reading it: the save's own {@code mark}, which the state (of the same
     * version) replaces; or, for a save that left no mark (one that inserted the aggregate),
     * nothing. Anything else found there goes through {@link #publish}'s comparison.
     */
    private void publishCommitted(String id, Kept saved, Kept mark) {
        java.util.concurrent.ConcurrentMap<String, Kept> kept = committed.asMap();
        if (mark == null ? kept.putIfAbsent(id, saved) == null : kept.replace(id, mark, saved)) {
            return;
        }
        publish(id, saved);
    }

    /**
     * Whether {@code offered} may take the place of {@code now}: a committed state replaces any
     * entry of its version or earlier (its own save's mark among them), a mark only an earlier one.
     * A mark of the version a committed state holds comes from a save that loaded an outdated
     * version and will fail its versioned update; the committed state stays, and tells the failed
     * transaction a rival of this storage moved it.
     */
    private static boolean laterThan(Kept offered, Kept now) {
        return offered.beingSaved() ? offered.version() > now.version() : offered.version() >= now.version();
    }

    /**
     * The aggregates whose parent rows match a condition, read lazily in chunks.
     *
     * @param condition an SQL condition on the parent table with {@code ?} placeholders
     * @param orderBy the ORDER BY list
     * @param params the placeholder values
     * @return a stream that must be closed
     */
    protected final Stream<A> streamWhere(String condition, String orderBy, Object... params) {
        Stream<P> parents = session().stream("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY " + orderBy,
                this::parent, params);
        Iterator<P> rows = parents.iterator();
        // asked once the parents' statement has run: a read on PostgreSQL reads from one snapshot from
        // its first stream on
        boolean oneSnapshot = session().readsOneSnapshot();
        Spliterator<A> chunked = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private Iterator<A> current = Collections.emptyIterator();

            @Override
            public boolean tryAdvance(Consumer<? super A> action) {
                while (!current.hasNext()) {
                    if (!rows.hasNext()) {
                        return false;
                    }
                    List<P> chunk = new ArrayList<>(CHUNK);
                    while (rows.hasNext() && chunk.size() < CHUNK) {
                        chunk.add(rows.next());
                    }
                    current = loadConsistent(condition, params, chunk, oneSnapshot).iterator();
                }
                action.accept(current.next());
                return true;
            }
        };
        return StreamSupport.stream(chunked, false).onClose(parents::close);
    }

    /**
     * {@link #streamWhere} read into a list, for results that stay small.
     *
     * @param condition an SQL condition on the parent table with {@code ?} placeholders
     * @param orderBy the ORDER BY list
     * @param params the placeholder values
     * @return the aggregates in order
     */
    protected final List<A> listWhere(String condition, String orderBy, Object... params) {
        try (Stream<A> found = streamWhere(condition, orderBy, params)) {
            return found.toList();
        }
    }

    /**
     * Maps one child row to a value of the aggregate's owned collection.
     *
     * @param <T> the child type
     */
    @FunctionalInterface
    protected interface ChildMapper<T> {

        /**
         * Maps the current row of a child table; must not move the cursor.
         *
         * @param row the current child row, all columns
         * @param parentId the id of the parent the row belongs to, read from the parent column
         *     (for messages that name the aggregate)
         * @return the child value
         * @throws SQLException when reading the row fails
         */
        T map(Row row, String parentId) throws SQLException;
    }

    /**
     * Reads the rows of one child table that belong to the given parents, in one statement
     * ({@code SELECT * FROM childTable WHERE parentColumn IN (...) ORDER BY parentColumn,
     * orderColumn}; for one parent {@code WHERE parentColumn = ? ORDER BY orderColumn}; on H2, for
     * several parents, their ids as one array read as a table and joined to the child table), and
     * groups them by parent id; meant for {@link #readChildren(List)}, for every child table but
     * the last, which {@link #childrenAndVersionsOf} reads. The parents' versions
     * read with that last table confirm this read too (see the type's description).
     * A parent without rows has no entry in the result.
     *
     * @param <T> the child type
     * @param childTable the child table, a plain SQL identifier
     * @param parentColumn its column holding the parent's id, a plain SQL identifier
     * @param parentIds the ids of one or more parents
     * @param orderColumn the column that orders the rows of one parent (their position in the
     *     collection), a plain SQL identifier
     * @param mapper maps one row, given the parent id it belongs to; a row it cannot restore
     *     fails the read with the mapper's exception
     * @return the mapped rows of each parent that has any, in {@code orderColumn} order
     */
    protected final <T> Map<String, List<T>> childrenOf(String childTable, String parentColumn, List<String> parentIds,
            String orderColumn, ChildMapper<T> mapper) {
        return childRows(childTable, parentColumn, parentIds, orderColumn, mapper, false);
    }

    /**
     * Reads the rows of one child table that belong to the given parents together with the
     * parents' versions, in one statement ({@code SELECT c.*, p.version ... FROM parent p LEFT JOIN
     * childTable c ON c.parentColumn = p.id WHERE p.id IN (...) ORDER BY p.id, c.orderColumn}; on H2,
     * for several parents, their ids as one array read as a table and joined to the parent table),
     * and groups them by parent id; meant for the last child table {@link #readChildren(List)} reads.
     * The versions, read in the same statement as these rows, confirm that they and every
     * {@link #childrenOf} read before them belong to the parent rows being restored. In a query
     * whose statements all read from one snapshot (a read's query on PostgreSQL; see the type's
     * description) the rows are read as {@link #childrenOf} reads them, without the versions.
     * A parent without rows has no entry in the result.
     *
     * @param <T> the child type
     * @param childTable the child table, a plain SQL identifier
     * @param parentColumn its column holding the parent's id, a plain SQL identifier; a row where
     *     it is NULL fails with a {@link dev.keyline.domain.common.CorruptStateException}
     * @param parentIds the ids of one or more parents
     * @param orderColumn the column that orders the rows of one parent (their position in the
     *     collection), a plain SQL identifier
     * @param mapper maps one row, given the parent id it belongs to; a row it cannot restore
     *     fails the read with the mapper's exception
     * @return the mapped rows of each parent that has any, in {@code orderColumn} order
     */
    protected final <T> Map<String, List<T>> childrenAndVersionsOf(String childTable, String parentColumn,
            List<String> parentIds, String orderColumn, ChildMapper<T> mapper) {
        return childRows(childTable, parentColumn, parentIds, orderColumn, mapper, true);
    }

    private <T> Map<String, List<T>> childRows(String childTable, String parentColumn, List<String> parentIds,
            String orderColumn, ChildMapper<T> mapper, boolean withVersions) {
        Require.nonNull(childTable, "childTable");
        Require.nonNull(parentColumn, "parentColumn");
        Require.nonNull(parentIds, "parentIds");
        Require.that(!parentIds.isEmpty(), "parentIds", "must name at least one parent");
        Require.nonNull(orderColumn, "orderColumn");
        Require.nonNull(mapper, "mapper");
        // on H2, the ids of several parents go as one array, read as a table and joined to the child
        // table by its index: H2 checks every row an IN list finds against each value of the list
        // in turn, which for a chunk of parents took half of the statement's time
        boolean asTable = parentIds.size() > 1 && session().dialect() == SqlDialect.H2;
        VersionCheck check = reading.get();
        // rows read from the snapshot the parents were read from need no versions to prove it
        boolean joined = withVersions && (check == null || !check.oneSnapshot);
        String sql = childStatements.computeIfAbsent(
                new ChildStatement(childTable, parentColumn, orderColumn, asTable ? 0 : parentIds.size(), joined),
                this::childStatement);
        Map<String, List<T>> children = new HashMap<>();
        Map<String, Long> parentVersions = new HashMap<>();
        // the rows come grouped by parent: the group being read, so that a row of the same parent
        // as the one before adds to its list without a map lookup
        Object[] group = new Object[2]; // the parent id, its list of children (null while it has none)
        String parentKey = joined ? PARENT_KEY : parentColumn;
        RowMapper<Boolean> rows = row -> {
            String parent = row.requiredString(parentKey);
            if (!parent.equals(group[0])) {
                if (joined) {
                    // every row of one parent joins the same parent row, so its first row has the version
                    parentVersions.put(parent, row.longValue(PARENT_VERSION));
                }
                group[0] = parent;
                group[1] = null;
            }
            if (joined && row.string(parentColumn) == null) {
                return null; // the parent has no row in this table
            }
            T child = mapper.map(row, parent);
            @SuppressWarnings("unchecked")
            List<T> list = (List<T>) group[1];
            if (list == null) {
                list = children.computeIfAbsent(parent, p -> new ArrayList<>());
                group[1] = list;
            }
            return list.add(child);
        };
        ChildReads reads = childReads.get();
        if (reads != null && reads.serves(sql, parentIds)) {
            reads.results.take(rows);
        } else {
            session().query(sql, rows, asTable
                    ? new Object[] {session().textArray(new LinkedHashSet<>(parentIds).toArray(String[]::new))}
                    : parentIds.toArray());
        }
        if (check != null) {
            if (joined) {
                check.saw(parentIds, parentVersions);
            } else if (!check.oneSnapshot) {
                check.unconfirmed.addAll(parentIds);
            }
            check.children.put(childTable, children);
        }
        return children;
    }

    /**
     * A child statement's shape: what its text depends on. {@code parents} is the number of
     * placeholders of its IN list, or 0 for the ids as one array read as a table (H2).
     */
    private record ChildStatement(String childTable, String parentColumn, String orderColumn, int parents,
            boolean withVersions) {
    }

    /** The text of a child statement, its identifiers checked. */
    private String childStatement(ChildStatement shape) {
        Columns.checkIdentifier(shape.childTable(), "childTable");
        Columns.checkIdentifier(shape.parentColumn(), "parentColumn");
        Columns.checkIdentifier(shape.orderColumn(), "orderColumn");
        // on H2 with several parents (parents == 0), the ids come as one array read as a table
        boolean asTable = shape.parents() == 0;
        String ids = "TABLE(" + ID_LIST_COLUMN + " VARCHAR = ?) " + ID_LIST;
        String placeholders = asTable ? "" : StoredValues.placeholders(shape.parents());
        if (shape.withVersions()) {
            // the parent's version is read in the same statement as its children, so one snapshot
            // holds both: a version equal to the parent row's proves these children (and those read
            // before them) belong to it
            String parents = asTable
                    ? ids + " JOIN " + table + " p ON p." + idColumn + " = " + ID_LIST + "." + ID_LIST_COLUMN
                    : table + " p";
            String where = asTable ? "" : " WHERE p." + idColumn + " IN (" + placeholders + ")";
            return "SELECT c.*, p." + idColumn + " AS " + PARENT_KEY + ", p.version AS " + PARENT_VERSION + " FROM "
                    + parents + " LEFT JOIN " + shape.childTable() + " c ON c." + shape.parentColumn() + " = p."
                    + idColumn + where + " ORDER BY p." + idColumn + ", c." + shape.orderColumn();
        }
        if (asTable) {
            return "SELECT c.* FROM " + ids + " JOIN " + shape.childTable() + " c ON c." + shape.parentColumn() + " = "
                    + ID_LIST + "." + ID_LIST_COLUMN + " ORDER BY c." + shape.parentColumn() + ", c."
                    + shape.orderColumn();
        }
        if (shape.parents() == 1) {
            // one parent's rows need no order by parent: ordered by both columns, H2 reads them by
            // the primary key's index (parent, position), which saves it a sort but took about
            // 0.9 µs more for six rows than the parent column's own index and a sort
            return "SELECT * FROM " + shape.childTable() + " WHERE " + shape.parentColumn() + " = ? ORDER BY "
                    + shape.orderColumn();
        }
        return "SELECT * FROM " + shape.childTable() + " WHERE " + shape.parentColumn() + " IN (" + placeholders
                + ") ORDER BY " + shape.parentColumn() + ", " + shape.orderColumn();
    }

    /**
     * Deletes the rows of a child table that belong to an aggregate, before they are written again.
     *
     * @param childTable the child table, a plain SQL identifier
     * @param parentColumn its column holding the parent's id
     * @param id the aggregate's id
     */
    protected final void deleteChildren(String childTable, String parentColumn, I id) {
        Columns.checkIdentifier(childTable, "childTable");
        Columns.checkIdentifier(parentColumn, "parentColumn");
        Require.nonNull(id, "id");
        session().queueDelete("DELETE FROM " + childTable + " WHERE " + parentColumn + " = ?", childTable, List.of(table),
                id.value());
        ChildState known = knownChildren(id);
        if (known != null) {
            known.values.remove(childTable);
            known.counts.remove(childTable);
        }
    }

    /**
     * Deletes rows of a child table chosen by the statement, with the transaction's other writes:
     * before the next statement on the connection or the commit, after the parent row's and the
     * child table's writes queued before it (see {@link #deleteChildren}).
     *
     * @param childTable the child table, a plain SQL identifier
     * @param sql the DELETE with {@code ?} placeholders
     * @param params the placeholder values
     */
    protected final void deleteChildRows(String childTable, String sql, Object... params) {
        Columns.checkIdentifier(childTable, "childTable");
        session().queueDelete(sql, childTable, List.of(table), params);
    }

    /**
     * Updates child rows by their key, with the transaction's other writes: before the next
     * statement on the connection or the commit, after the parent row's and the child table's
     * writes queued before them, as one batch of their statement (on PostgreSQL, in one round
     * trip with the rest of the transaction's writes). Each must change exactly one row; a flush
     * that finds otherwise raises a {@link StorageException} naming the statement.
     *
     * @param childTable the child table, a plain SQL identifier
     * @param sql the UPDATE with {@code ?} placeholders, whose WHERE names one row by its key
     * @param rows one array of placeholder values per row
     */
    protected final void updateChildren(String childTable, String sql, List<Object[]> rows) {
        Columns.checkIdentifier(childTable, "childTable");
        Require.nonNull(rows, "rows");
        if (!rows.isEmpty()) {
            session().queueUpdates(sql, childTable, List.of(table), rows);
        }
    }

    /**
     * Writes an append-only child collection (a history whose entries never change): inserts only
     * the rows after those already stored, found with one {@code COUNT(*)} on an update. The rows
     * are numbered from 1 in the aggregate's order, so the stored ones are the first rows.
     *
     * @param childTable the child table, a plain SQL identifier
     * @param parentColumn its column holding the parent's id
     * @param id the aggregate's id
     * @param inserted true when the parent row was just inserted (nothing is stored yet)
     * @param sql the INSERT with {@code ?} placeholders
     * @param rows one array of placeholder values per entry of the whole collection, in order
     * @throws StorageException when more rows are stored than the aggregate holds: its history
     *     would have shrunk, which an append-only collection never does
     */
    protected final void appendChildren(String childTable, String parentColumn, I id, boolean inserted, String sql,
            List<Object[]> rows) {
        Columns.checkIdentifier(childTable, "childTable");
        Columns.checkIdentifier(parentColumn, "parentColumn");
        Require.nonNull(id, "id");
        Require.nonNull(rows, "rows");
        ChildState known = knownChildren(id);
        Integer counted = known == null ? null : known.counts.get(childTable);
        int stored = inserted ? 0 : counted != null ? counted : session().queryOne("SELECT COUNT(*) AS stored_rows FROM "
                + childTable + " WHERE " + parentColumn + " = ?", row -> row.intValue("stored_rows"), id.value()).orElse(0);
        if (stored > rows.size()) {
            throw new StorageException(aggregateName() + " " + id.value() + " holds " + rows.size() + " rows of "
                    + childTable + " but " + stored + " are stored; an append-only collection never shrinks", null);
        }
        insertChildren(sql, rows.subList(stored, rows.size()));
        if (known != null) {
            known.values.remove(childTable);
            known.counts.put(childTable, rows.size());
        }
    }

    /**
     * The rows of an append-only collection for {@link #appendChildren}, each built only when it is
     * read: a save inserts only the entries after those already stored, so the stored ones are not
     * turned into rows again at every save, however long the history grows.
     *
     * @param entries the collection, in the aggregate's order
     * @param row builds the placeholder values of one entry, given its position (from 0)
     * @param <T> the entry type
     * @return a read-only list of the rows, one per entry
     */
    protected static <T> List<Object[]> appendRows(List<T> entries, EntryRow<T> row) {
        Require.nonNull(entries, "entries");
        Require.nonNull(row, "row");
        return new AppendRows<>(entries, row);
    }

    /**
     * The placeholder values of one entry of an append-only collection.
     *
     * @param <T> the entry type
     */
    @FunctionalInterface
    protected interface EntryRow<T> {

        /**
         * The values of the entry's row.
         *
         * @param position the entry's position in the collection, from 0
         * @param entry the entry
         * @return the placeholder values, in the INSERT's column order
         */
        Object[] row(int position, T entry);
    }

    /** The rows of {@link #appendRows}: a view that builds a row when it is read. */
    private static final class AppendRows<T> extends java.util.AbstractList<Object[]> implements java.util.RandomAccess {

        private final List<T> entries;
        private final EntryRow<T> row;

        AppendRows(List<T> entries, EntryRow<T> row) {
            this.entries = entries;
            this.row = row;
        }

        @Override
        public Object[] get(int index) {
            return row.row(index, entries.get(index));
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /**
     * The rows of a child table stored for the aggregate being saved, as {@link #childrenOf} (or
     * {@link #childrenAndVersionsOf}) mapped them when the aggregate was loaded in this transaction (or as
     * {@link #storedChildrenAre} last recorded them): the save's version check proves they are
     * still what the database holds, so a save can compare with them instead of reading them again.
     *
     * @param childTable the child table
     * @param id the aggregate's id; call only from {@link #saveChildren(AggregateRoot, boolean)}
     * @param <T> the child type the table's mapper returns
     * @return the stored rows, or empty when this transaction does not know them (then read them)
     */
    @SuppressWarnings("unchecked")
    protected final <T> Optional<List<T>> storedChildren(String childTable, I id) {
        Require.nonNull(childTable, "childTable");
        Require.nonNull(id, "id");
        ChildState known = knownChildren(id);
        return known == null ? Optional.empty() : Optional.ofNullable((List<T>) known.values.get(childTable));
    }

    /**
     * Records what a save wrote to a child table that it rewrites, so that a later save of the
     * aggregate in the same transaction can compare with it through {@link #storedChildren}.
     *
     * @param childTable the child table
     * @param id the aggregate's id; call only from {@link #saveChildren(AggregateRoot, boolean)}
     * @param children the rows now stored, as the table's mapper would return them
     */
    protected final void storedChildrenAre(String childTable, I id, List<?> children) {
        Require.nonNull(childTable, "childTable");
        Require.nonNull(id, "id");
        Require.nonNull(children, "children");
        ChildState known = knownChildren(id);
        if (known != null) {
            known.values.put(childTable, List.copyOf(children));
            known.counts.put(childTable, children.size());
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The children are compared with what this transaction knows is stored (read when the
     * aggregate was loaded, or written by its last save), so an append-only collection inserts its
     * new rows without counting the stored ones first.
     */
    @Override
    public void save(A aggregate) {
        Require.nonNull(aggregate, "aggregate");
        Map<String, ChildState> states = childStates();
        String id = aggregate.id().value();
        long from = aggregate.version();
        ChildState known = states == null ? null : states.get(id);
        ChildState state = from == 0 ? new ChildState(0) : known != null && known.version == from ? known : null;
        Saving outer = saving.get();
        saving.set(new Saving(id, state));
        Publishing publishing = committed == null ? null : publishing();
        // while its own versioned update may be sent, a query must not check the trusted load
        // against the version that update writes
        Trusted saver = committed == null ? null : trusted(false);
        boolean marked = saver != null && saver.beingSaved.add(id);
        try {
            super.save(aggregate);
        } catch (RuntimeException | Error e) {
            if (states != null) {
                states.remove(id);
            }
            if (publishing != null) {
                publishing.remove(id);
            }
            throw e;
        } finally {
            saving.set(outer);
            if (marked) {
                saver.beingSaved.remove(id);
            }
        }
        if (states != null) {
            if (state == null) {
                states.remove(id);
            } else {
                state.version = aggregate.version();
                states.put(id, state);
            }
        }
        Trusted trusted = committed == null ? null : trusted(false);
        if (trusted != null) {
            trusted.saved(id);
        }
        if (publishing != null && publishing.saved.add(id)) {
            inFlight.merge(id, 1, Integer::sum);
            if (from > 0) {
                // until this transaction ends, loads read the row: after its commit, the state
                // kept before it is outdated, though its own state is not kept yet
                Kept mark = Kept.beingSaved(aggregate.version());
                publishing.marked.put(id, mark);
                publish(id, mark);
            }
        }
        if (publishing != null && publishing.accepts(id)) {
            Object snapshot = snapshotter.apply(aggregate);
            ChildState children = state == null ? new ChildState(aggregate.version()) : state.copy();
            publishing.put(id, new Kept(aggregate.version(), snapshot, children, rowsOf(snapshot)));
        }
    }

    /**
     * The rows an aggregate's snapshot stands for: one, plus the entries of each of its
     * collection components (a snapshot is a record of the aggregate's fields and owned lists).
     */
    static int rowsOf(Object snapshot) {
        int rows = 1;
        for (java.lang.reflect.Method accessor : COLLECTIONS.get(snapshot.getClass())) {
            Object value;
            try {
                value = accessor.invoke(snapshot);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + accessor + " of a snapshot", e);
            }
            if (value instanceof java.util.Collection<?> c) {
                rows += c.size();
            } else if (value instanceof Map<?, ?> m) {
                rows += m.size();
            }
        }
        return rows;
    }

    /** The accessors of a record's collection and map components; none for a class that is not a record. */
    private static final ClassValue<List<java.lang.reflect.Method>> COLLECTIONS = new ClassValue<>() {
        @Override
        protected List<java.lang.reflect.Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<java.lang.reflect.Method> accessors = new ArrayList<>();
            for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
                if (java.util.Collection.class.isAssignableFrom(component.getType())
                        || Map.class.isAssignableFrom(component.getType())) {
                    accessors.add(component.getAccessor());
                }
            }
            return List.copyOf(accessors);
        }
    };

    /** What is known of the children of the aggregate being saved on this thread; null when nothing. */
    private ChildState knownChildren(I id) {
        Saving current = saving.get();
        return current != null && current.id.equals(id.value()) ? current.state : null;
    }

    /** The children of the aggregates loaded or saved in the current transaction; null outside one. */
    private Map<String, ChildState> childStates() {
        return session().transactions().attachment(childStateKey, () -> new LinkedHashMap<String, ChildState>(16, 0.75f,
                true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ChildState> eldest) {
                return size() > JdbcAggregateRepository.IDENTITY_MAP_SIZE;
            }
        });
    }

    private void remember(String id, long version, Map<String, Map<String, ? extends List<?>>> children) {
        Map<String, ChildState> states = childStates();
        if (states == null) {
            return;
        }
        ChildState state = new ChildState(version);
        children.forEach((table, byParent) -> {
            List<?> rows = byParent.containsKey(id) ? byParent.get(id) : List.of();
            state.values.put(table, rows);
            state.counts.put(table, rows.size());
        });
        states.put(id, state);
    }

    /**
     * Queues an INSERT for every row in the transaction's write-behind, after the queued rows of
     * the parent table (see {@link JdbcTransactions}): the rows of all saves in the transaction
     * that use the same statement go as one JDBC batch, before the next statement on the connection
     * or before the commit. Does nothing for no rows; an INSERT that does not start with
     * {@code INSERT INTO table (} runs at once as a batch of its own.
     *
     * @param sql the INSERT with {@code ?} placeholders
     * @param rows one array of placeholder values per child row
     */
    protected final void insertChildren(String sql, List<Object[]> rows) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(rows, "rows");
        if (rows.isEmpty()) {
            return;
        }
        String into = insertedTable(sql);
        if (!into.isEmpty()) {
            session().queueInserts(sql, into, List.of(table), rows, null, null);
        } else {
            session().batch(sql, rows);
        }
    }

    /**
     * The table an {@code INSERT INTO table (} writes, in lower case; empty for any other
     * statement. A text seen before is looked up instead of matched again: the child INSERTs of the
     * code's saves are a few constant texts, matched on every save otherwise.
     */
    static String insertedTable(String sql) {
        return INSERTED_TABLES.get(sql);
    }

    private static final java.util.regex.Pattern INSERT_INTO = java.util.regex.Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** The tables of the INSERT texts matched so far, by text; at most 1,024, the rest matched each time. */
    private static final BoundedMemo<String, String> INSERTED_TABLES = new BoundedMemo<>(1_024, sql -> {
        java.util.regex.Matcher into = INSERT_INTO.matcher(sql);
        return into.lookingAt() ? into.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    });

    /**
     * Restores the aggregates of the given parents (in their order), reading their children and
     * checking their versions; an aggregate saved meanwhile is read again, and dropped when its
     * parent no longer matches {@code condition}. With {@code oneSnapshot} the parents were read from
     * the snapshot every statement of the transaction reads from, so their children belong to them
     * as read: no versions are read or compared.
     */
    private List<A> loadConsistent(String condition, Object[] params, List<P> parents, boolean oneSnapshot) {
        Map<String, A> loaded = new LinkedHashMap<>();
        for (P parent : parents) {
            loaded.put(idOf(parent), null);
        }
        List<P> pending = parents;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<String> ids = pending.stream().map(this::idOf).toList();
            if (attempt > MAX_ATTEMPTS) {
                throw new StorageException(aggregateName() + " " + ids + " kept changing while being read; gave up after "
                        + MAX_ATTEMPTS + " attempts", null);
            }
            VersionCheck check = new VersionCheck(oneSnapshot);
            VersionCheck outer = reading.get();
            reading.set(check);
            Function<P, A> restore;
            try {
                restore = oneSnapshot ? readChildren(pending) : readChildrenOf(pending);
            } finally {
                reading.set(outer);
            }
            List<String> unconfirmed = oneSnapshot ? List.of() : ids.stream().filter(id -> !check.confirms(id)).toList();
            if (!unconfirmed.isEmpty() && hasChildTables()) {
                // a child read that no read with the versions followed: the versions read now, after
                // it, confirm it as that read would have
                check.saw(unconfirmed, versions(unconfirmed));
            }
            Map<String, Long> versions = check.agreed();
            if (oneSnapshot || !hasChildTables()) {
                // one snapshot, or the parent row is the whole aggregate: what was read is consistent as it stands
                pending.forEach(p -> versions.put(idOf(p), versionOf(p)));
            }
            List<String> changed = new ArrayList<>();
            for (P parent : pending) {
                Long now = versions.get(idOf(parent));
                if (now != null && now == versionOf(parent)) {
                    loaded.put(idOf(parent), restore.apply(parent));
                    remember(idOf(parent), versionOf(parent), check.children);
                } else {
                    changed.add(idOf(parent));
                }
            }
            pending = changed.isEmpty() ? List.of() : reread(condition, params, changed);
            Set<String> stillMatching = new HashSet<>();
            pending.forEach(p -> stillMatching.add(idOf(p)));
            for (String id : changed) {
                if (!stillMatching.contains(id)) {
                    loaded.remove(id);
                }
            }
        }
        List<A> result = new ArrayList<>(loaded.size());
        loaded.values().forEach(result::add);
        return result;
    }

    /**
     * {@link #readChildren} of the pending parents. On a database that takes several queries in one
     * round trip ({@link JdbcSession#sendsQueriesTogether()}), a read of one parent sends the child
     * statements the last read of one parent ran, in one statement, and serves
     * {@link #readChildren}'s reads from their results while it asks for them in that order: the
     * statements run in the order they would have run one by one, so the versions read with the
     * last child table confirm them as before. From the first read that asks for another statement
     * (a subclass whose reads depend on the parent row, say) on, the reads run one by one, and the
     * statements this read asked for are learned for the next.
     */
    private Function<P, A> readChildrenOf(List<P> pending) {
        if (pending.size() != 1 || !session().sendsQueriesTogether() || !hasChildTables()) {
            return readChildren(pending);
        }
        String id = idOf(pending.get(0));
        Prefetched sent = prefetched.get();
        if (sent != null && !sent.used && sent.id.equals(id)) {
            sent.used = true; // the first read only: a read again after a save overtook it sends its own
            return readChildrenLearning(pending, new ChildReads(id, sent.results));
        }
        OneParentRead learned = oneParentRead;
        if (learned == null) {
            return readChildrenLearning(pending, new ChildReads(id, null));
        }
        Object[] params = new Object[learned.queries().size()];
        java.util.Arrays.fill(params, id);
        return session().queries(learned.combined(), learned.queries(), params,
                results -> readChildrenLearning(pending, new ChildReads(id, results)));
    }

    /** {@link #readChildren} of one parent with its reads recorded, then learned unless they were the ones learned. */
    private Function<P, A> readChildrenLearning(List<P> pending, ChildReads reads) {
        ChildReads outer = childReads.get();
        childReads.set(reads);
        try {
            Function<P, A> restore = readChildren(pending);
            OneParentRead learned = oneParentRead;
            if (!reads.learnable || reads.asked.isEmpty()) {
                oneParentRead = null;
            } else if (learned == null || !learned.queries().equals(reads.asked)) {
                oneParentRead = new OneParentRead(List.copyOf(reads.asked), rowById());
            }
            return restore;
        } finally {
            childReads.set(outer);
        }
    }

    /** The child statements of a read of one parent, each taking the parent's id, and their text as one statement. */
    private record OneParentRead(List<String> queries, String combined, List<String> withRow, String combinedWithRow) {
        /** The child statements, and the same after the parent row's statement {@code rowById}. */
        OneParentRead(List<String> queries, String rowById) {
            this(queries, JdbcSession.combined(queries), withRow(rowById, queries),
                    JdbcSession.combined(withRow(rowById, queries)));
        }

        private static List<String> withRow(String rowById, List<String> queries) {
            List<String> all = new ArrayList<>(queries.size() + 1);
            all.add(rowById);
            all.addAll(queries);
            return List.copyOf(all);
        }
    }

    /** The results of a find's parent row and learned child statements, sent together, for its first child read. */
    private static final class Prefetched {
        private final String id;
        private final JdbcSession.QueryResults results;
        private boolean used;

        Prefetched(String id, JdbcSession.QueryResults results) {
            this.id = id;
            this.results = results;
        }
    }

    /**
     * The child reads of one read of one parent, recorded in order; with {@code results}, the
     * results of the statements learned, served in order until a read asks for another.
     */
    private static final class ChildReads {
        private final String id;
        private final JdbcSession.QueryResults results;
        private final List<String> asked = new ArrayList<>();
        /** False once a read did not take the parent's id alone. */
        private boolean learnable = true;
        /** True once a read was not the next result: none is served after it. */
        private boolean diverged;

        ChildReads(String id, JdbcSession.QueryResults results) {
            this.id = id;
            this.results = results;
        }

        /** Records a read; whether the next result served is its own. */
        boolean serves(String sql, List<String> parentIds) {
            boolean alone = parentIds.size() == 1 && parentIds.get(0).equals(id);
            if (!alone) {
                learnable = false;
            } else {
                asked.add(sql);
            }
            if (results == null || diverged) {
                return false;
            }
            diverged = !alone || !results.nextIs(sql);
            return !diverged;
        }
    }

    private Map<String, Long> versions(List<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        session().query("SELECT " + idColumn + ", version FROM " + table + " WHERE " + idColumn + " IN ("
                        + StoredValues.placeholders(ids.size()) + ")",
                row -> Map.entry(row.requiredString(idColumn), row.longValue("version")), ids.toArray())
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        return versions;
    }

    private List<P> reread(String condition, Object[] params, List<String> ids) {
        List<Object> all = new ArrayList<>(List.of(params));
        all.addAll(ids);
        return session().query("SELECT * FROM " + table + " WHERE (" + condition + ") AND " + idColumn + " IN ("
                + StoredValues.placeholders(ids.size()) + ")", this::parent, all.toArray());
    }

    /**
     * The parent versions seen by the child statements of one read: a parent is confirmed when
     * every statement that read its version saw it at one version, and one of them ran after every
     * statement that read its children.
     */
    private static final class VersionCheck {
        /** Whether every statement of the load reads from the snapshot the parents were read from. */
        private final boolean oneSnapshot;
        private final Map<String, Map<String, ? extends List<?>>> children = new HashMap<>();
        private final Map<String, Long> seen = new HashMap<>();
        private final Set<String> disagreeing = new HashSet<>();
        /** Parents whose children a statement without the versions read after the last version seen. */
        private final Set<String> unconfirmed = new HashSet<>();

        VersionCheck(boolean oneSnapshot) {
            this.oneSnapshot = oneSnapshot;
        }

        void saw(List<String> requested, Map<String, Long> versions) {
            for (String id : requested) {
                Long version = versions.get(id);
                Long before = seen.putIfAbsent(id, version == null ? -1L : version);
                if (version == null || (before != null && !before.equals(version))) {
                    disagreeing.add(id);
                }
                unconfirmed.remove(id);
            }
        }

        /** Whether a version was seen for the parent after its last child read. */
        boolean confirms(String id) {
            return seen.containsKey(id) && !unconfirmed.contains(id);
        }

        /** The confirmed parents' versions; a parent that disappeared or moved between statements is absent. */
        Map<String, Long> agreed() {
            Map<String, Long> agreed = new HashMap<>(seen);
            agreed.keySet().removeAll(disagreeing);
            return agreed;
        }
    }

    /** The child rows known to be stored for one aggregate at one version, per child table. */
    private static final class ChildState {
        private long version;
        private final Map<String, List<?>> values = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();

        private ChildState(long version) {
            this.version = version;
        }

        /** A copy to change on its own; the row lists themselves are not changed once recorded. */
        ChildState copy() {
            ChildState copy = new ChildState(version);
            copy.values.putAll(values);
            copy.counts.putAll(counts);
            return copy;
        }
    }

    /**
     * A committed save: its version, snapshot, what is known of its child rows, and its weight in
     * rows. Equal only to itself, so that {@link #publish} replaces exactly the state it read.
     */
    private static final class Kept {
        private final long version;
        private final Object snapshot;
        private final ChildState children;
        private final int rows;

        Kept(long version, Object snapshot, ChildState children, int rows) {
            this.version = version;
            this.snapshot = snapshot;
            this.children = children;
            this.rows = rows;
        }

        /**
         * The mark of a save in flight that writes {@code version}: no state, so no load trusts or
         * restores it, and a state kept late of an earlier version does not replace it. It weighs
         * nothing, so the cache's bound never evicts it: it goes when a committed state replaces
         * it or the last transaction saving its aggregate ends, whatever else is kept meanwhile.
         */
        static Kept beingSaved(long version) {
            return new Kept(version, null, null, 0);
        }

        boolean beingSaved() {
            return snapshot == null;
        }

        long version() {
            return version;
        }

        Object snapshot() {
            return snapshot;
        }

        ChildState children() {
            return children;
        }

        int rows() {
            return rows;
        }
    }

    /**
     * The saves of one transaction waiting for its commit, the latest save of each id; bounded
     * in rows like the cache, dropping the earliest saves first, and to the first
     * {@value #KEPT_PER_TRANSACTION} aggregates saved, so that a bulk transaction does not pay a
     * snapshot for each of its thousands of saves.
     */
    private static final class Publishing {
        private final long bound;
        private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();
        /** Every id the transaction saved, kept or not. */
        private final Set<String> saved = new HashSet<>();
        /** The ids whose saves (of stored aggregates) marked their kept states as being saved, with the marks. */
        private final Map<String, Kept> marked = new HashMap<>();
        private long rows;

        Publishing(long bound) {
            this.bound = bound;
        }

        /** Whether a save of {@code id} is kept: it is kept already, or fewer than the limit are. */
        boolean accepts(String id) {
            return kept.size() < KEPT_PER_TRANSACTION || kept.containsKey(id);
        }

        void put(String id, Kept save) {
            remove(id);
            kept.put(id, save);
            rows += save.rows();
            Iterator<Map.Entry<String, Kept>> eldest = kept.entrySet().iterator();
            while (rows > bound && eldest.hasNext()) {
                rows -= eldest.next().getValue().rows();
                eldest.remove();
            }
        }

        void remove(String id) {
            Kept gone = kept.remove(id);
            if (gone != null) {
                rows -= gone.rows();
            }
        }
    }

    /**
     * The kept states one transaction's loads trusted, with the versions trusted, and which of them
     * no save has checked yet: a save's versioned update checks the version it was loaded at.
     */
    private final class Trusted implements JdbcTransactions.TrustedLoads {
        private final Map<String, Long> versions = new LinkedHashMap<>();
        private final Set<String> unsaved = new HashSet<>();
        /** The unsaved ids whose versions a check sent with a statement of the transaction found current. */
        private final Set<String> checked = new HashSet<>();
        /** The ids a save of this transaction is writing now, which no check may read until it ends. */
        private final Set<String> beingSaved = new HashSet<>();
        /** The ids this transaction saved, which it counts in {@link #inFlight} itself. */
        private final Set<String> savedHere = new HashSet<>();

        void loaded(String id, long version) {
            versions.put(id, version);
            unsaved.add(id);
            checked.remove(id);
        }

        /** The unsaved ids no check found current yet, and no save is writing. */
        private List<String> unchecked() {
            if (unsaved.isEmpty()) {
                return List.of();
            }
            List<String> ids = new ArrayList<>(unsaved.size());
            for (String id : unsaved) {
                if (!checked.contains(id) && !beingSaved.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }

        void saved(String id) {
            unsaved.remove(id);
            savedHere.add(id);
        }

        @Override
        public String outdated(Connection connection) throws SQLException {
            JdbcTransactions.Outdated found = firstOutdated(connection, unchecked(), false);
            return found == null ? null : found.description();
        }

        @Override
        public JdbcTransactions.Outdated outdatedAfterFailure(Connection connection) throws SQLException {
            return firstOutdated(connection, new ArrayList<>(versions.keySet()), true);
        }

        /**
         * Reads the stored versions of {@code ids} and returns the first outdated by another
         * process; failing that, when {@code movedHere} counts, the first a save of this storage
         * moved; else null.
         */
        private JdbcTransactions.Outdated firstOutdated(Connection connection, List<String> ids, boolean movedHere)
                throws SQLException {
            JdbcTransactions.Outdated overtaken = null;
            for (int from = 0; from < ids.size(); from += CHECKED_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHECKED_PER_QUERY));
                Map<String, Long> stored = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement(versionQuery(chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        readVersions(rows, stored);
                    }
                }
                String outdated = outdatedIn(chunk, stored);
                if (outdated != null) {
                    return new JdbcTransactions.Outdated(outdated, false);
                }
                if (movedHere && overtaken == null) {
                    String moved = movedIn(chunk, stored);
                    overtaken = moved == null ? null : new JdbcTransactions.Outdated(moved, true);
                }
            }
            return overtaken;
        }

        @Override
        public JdbcTransactions.VersionCheck unsavedCheck() {
            List<String> ids = unchecked();
            if (ids.isEmpty()) {
                return JdbcTransactions.VersionCheck.NONE;
            }
            if (ids.size() > CHECKED_PER_QUERY) {
                return null;
            }
            Map<String, Long> stored = new HashMap<>();
            return new JdbcTransactions.VersionCheck(versionQuery(ids.size()), ids.toArray(),
                    rows -> readVersions(rows, stored), () -> {
                        String outdated = outdatedIn(ids, stored);
                        if (outdated == null) {
                            checked.addAll(ids);
                        }
                        return outdated;
                    });
        }

        private String versionQuery(int ids) {
            return "SELECT " + idColumn + ", version FROM " + table + " WHERE " + idColumn + " IN ("
                    + String.join(", ", Collections.nCopies(ids, "?")) + ")";
        }

        private static void readVersions(ResultSet rows, Map<String, Long> stored) throws SQLException {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }

        /** The first of the ids outdated by the stored versions read, described, or null. */
        private String outdatedIn(List<String> ids, Map<String, Long> stored) {
            return firstMoved(ids, stored, false);
        }

        /** The first of the ids whose stored version is not the one trusted, whoever moved it, described, or null. */
        private String movedIn(List<String> ids, Map<String, Long> stored) {
            return firstMoved(ids, stored, true);
        }

        /**
         * The first of the ids whose stored version is not the one trusted, described, or null;
         * unless {@code anyone}, one a save of this storage moved does not count.
         */
        private String firstMoved(List<String> ids, Map<String, Long> stored, boolean anyone) {
            for (String id : ids) {
                long trusted = versions.get(id);
                Long now = stored.get(id);
                if ((now == null || now != trusted) && (anyone || !overtakenHere(id, trusted))) {
                    return describe(id, trusted, now);
                }
            }
            return null;
        }

        private String describe(String id, long trusted, Long now) {
            return aggregateName() + " " + id + " at version " + trusted + " is outdated (the database holds "
                    + (now == null ? "no such row" : "version " + now) + ")";
        }

        /**
         * Whether a save of this storage moved the version since the load trusted it: another
         * transaction is saving the aggregate, or a state other than the trusted one is kept. An
         * aggregate no longer kept at all counts as outdated, since nothing says who moved it.
         */
        private boolean overtakenHere(String id, long trusted) {
            if (inFlight.getOrDefault(id, 0) > (savedHere.contains(id) ? 1 : 0)) {
                return true;
            }
            // a mark is this transaction's own, or that of another counted above
            Kept now = committed.getIfPresent(id);
            return isKept(now) && now.version() != trusted;
        }

        @Override
        public void forget() {
            versions.forEach((id, version) -> {
                Kept now = committed.getIfPresent(id);
                if (isKept(now) && now.version() == version) {
                    committed.invalidate(id);
                }
            });
        }
    }

    /** How many trusted loads one query checks. */
    private static final int CHECKED_PER_QUERY = 500;

    /** The save running on a thread: the aggregate's id and what is known of its stored children. */
    private record Saving(String id, ChildState state) {
    }
}
