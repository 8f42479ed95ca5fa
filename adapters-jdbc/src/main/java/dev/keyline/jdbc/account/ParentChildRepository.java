package dev.keyline.jdbc.account;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcAggregateRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.StorageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The base of the area's JDBC repositories whose aggregates span a parent row and child rows, and
 * which load them consistently under READ COMMITTED.
 *
 * <p>Reading a parent row and then its child rows takes several statements, and another
 * transaction may commit a save of the same aggregate between them; the parent would then be
 * restored with the children of a later state (or fail validation for no fault of the data).
 * So after reading the children the repository reads the parents' versions again: a version that
 * moved means a save committed in between, and that aggregate is read again (parent, children,
 * version) until the two agree. Saves always raise the version, so equal versions prove that the
 * children belong to the parent that was read.
 *
 * <p>Queries read the parent rows lazily and the children of every {@value #CHUNK} parents in one
 * statement per child table, so a large result needs a few statements per chunk, not one per row.
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 * @param <P> what the subclass reads from a parent row; carries the id and the version
 * @param <C> what the subclass reads from the child rows of several parents
 */
abstract class ParentChildRepository<A extends AggregateRoot<I>, I extends Identifier, P, C>
        extends JdbcAggregateRepository<A, I> {

    /** Parents whose children are read together. */
    static final int CHUNK = 100;

    /** How often one aggregate is read again while it keeps changing, before giving up. */
    static final int MAX_ATTEMPTS = 100;

    private final String table;
    private final String idColumn;

    /**
     * A repository over one parent table.
     *
     * @param session the provider's session
     * @param aggregateName the business name for messages
     * @param table the parent table, a plain SQL identifier
     * @param idColumn its key column
     */
    ParentChildRepository(JdbcSession session, String aggregateName, String table, String idColumn) {
        super(session, aggregateName, table, idColumn);
        this.table = table;
        this.idColumn = idColumn;
    }

    /** Reads the parent row; nothing is validated yet. */
    abstract P parent(Row row);

    /** The id text of a parent read by {@link #parent(Row)}. */
    abstract String idOf(P parent);

    /** The version of a parent read by {@link #parent(Row)}. */
    abstract long versionOf(P parent);

    /** Reads the child rows of the parents with these ids, in a few statements. */
    abstract C children(List<String> ids);

    /** Restores one aggregate from its parent and the children read for it, through its {@code restore}. */
    abstract A assemble(P parent, C children);

    /** Restores the aggregate of one parent row, reading its children consistently. */
    @Override
    protected final A restore(Row row) {
        P parent = parent(row);
        return loadConsistent(idColumn + " = ?", new Object[] {idOf(parent)}, List.of(parent)).stream().findFirst()
                .orElseThrow(() -> new StorageException(aggregateName() + " " + idOf(parent)
                        + " disappeared while it was being read", null));
    }

    @Override
    public Optional<A> find(I id) {
        Require.nonNull(id, "id");
        String condition = idColumn + " = ?";
        Object[] params = {id.value()};
        List<P> parents = session().query("SELECT * FROM " + table + " WHERE " + condition, this::parent, params);
        return loadConsistent(condition, params, parents).stream().findFirst();
    }

    /**
     * The aggregates whose parent rows match a condition, read lazily in chunks.
     *
     * @param condition an SQL condition on the parent table with {@code ?} placeholders
     * @param orderBy the ORDER BY list
     * @param params the placeholder values
     * @return a stream that must be closed
     */
    final Stream<A> streamWhere(String condition, String orderBy, Object... params) {
        Stream<P> parents = session().stream("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY " + orderBy,
                this::parent, params);
        Iterator<P> rows = parents.iterator();
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
                    current = loadConsistent(condition, params, chunk).iterator();
                }
                action.accept(current.next());
                return true;
            }
        };
        return StreamSupport.stream(chunked, false).onClose(parents::close);
    }

    /** {@link #streamWhere} read into a list. */
    final List<A> listWhere(String condition, String orderBy, Object... params) {
        try (Stream<A> found = streamWhere(condition, orderBy, params)) {
            return found.toList();
        }
    }

    /** Deletes the rows of a child table that belong to the aggregate, before they are written again. */
    final void deleteChildren(String childTable, String parentColumn, I id) {
        session().update("DELETE FROM " + childTable + " WHERE " + parentColumn + " = ?", id.value());
    }

    /** Runs an INSERT for every row, batched; does nothing for no rows. */
    final void insertChildren(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            session().batch(sql, rows);
        }
    }

    /**
     * Restores the aggregates of the given parents (in their order), reading their children and
     * checking their versions; an aggregate saved meanwhile is read again, and dropped when its
     * parent no longer matches {@code condition}.
     */
    private List<A> loadConsistent(String condition, Object[] params, List<P> parents) {
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
            C children = children(ids);
            Map<String, Long> versions = versions(ids);
            List<String> changed = new ArrayList<>();
            for (P parent : pending) {
                Long now = versions.get(idOf(parent));
                if (now != null && now == versionOf(parent)) {
                    loaded.put(idOf(parent), assemble(parent, children));
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
}
