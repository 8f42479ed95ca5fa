package dev.keyline.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The column labels of a query's result and their positions, so that a {@link Row} reads a
 * column by label with one hash lookup instead of the driver's search (H2 upper-cases the label
 * on every read, for instance).
 *
 * <p>Labels match as the drivers match them, ignoring case (by the lower-case form, and by the
 * label exactly as the driver gives it); when several columns share a label the first one wins,
 * as JDBC specifies. A label not found here is left to the driver's own lookup.
 */
final class ColumnLabels {

    private final String[] labels;
    private final Map<String, Integer> positions;
    /** The reads a result of the query made on its first row; null until one kept them. */
    private volatile Reads kept;

    /**
     * The labels a row mapper read on the first row of a result, in order, and their positions,
     * which predict the reads of the first row of the query's next results.
     *
     * @param labels the labels, as the mapper gave them
     * @param positions their positions
     */
    record Reads(String[] labels, int[] positions) {
    }

    private ColumnLabels(String[] labels) {
        this.labels = labels;
        this.positions = new HashMap<>(labels.length * 4);
        for (int i = 0; i < labels.length; i++) {
            // interned, so that a lookup by a column-name constant of the code matches by identity
            positions.putIfAbsent(labels[i].toLowerCase(Locale.ROOT).intern(), i + 1);
        }
        for (int i = 0; i < labels.length; i++) {
            positions.putIfAbsent(labels[i], i + 1);
        }
    }

    /**
     * The labels of a result.
     *
     * @param metaData the result's metadata
     * @return its labels
     * @throws SQLException when the driver fails
     */
    static ColumnLabels of(ResultSetMetaData metaData) throws SQLException {
        String[] labels = new String[metaData.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = String.valueOf(metaData.getColumnLabel(i + 1));
        }
        return new ColumnLabels(labels);
    }

    /**
     * The reads kept by {@link #keepReads}, or null.
     *
     * @return the reads; their arrays must not be written
     */
    Reads keptReads() {
        return kept;
    }

    /**
     * Keeps the reads of a result's first row, unless reads are kept already.
     *
     * @param labels the labels read, from index 0
     * @param positions their positions
     * @param count how many
     */
    void keepReads(String[] labels, int[] positions, int count) {
        if (kept == null) {
            kept = new Reads(java.util.Arrays.copyOf(labels, count), java.util.Arrays.copyOf(positions, count));
        }
    }

    /**
     * The position of a column.
     *
     * @param label the label, in any case
     * @return its 1-based position, or 0 when no column has this label
     */
    int indexOf(String label) {
        Integer position = positions.get(label);
        if (position == null) {
            position = positions.get(label.toLowerCase(Locale.ROOT));
        }
        return position == null ? 0 : position;
    }

    /** Whether a result has exactly these labels, in this order. */
    private boolean describes(ResultSetMetaData metaData) throws SQLException {
        if (metaData.getColumnCount() != labels.length) {
            return false;
        }
        for (int i = 0; i < labels.length; i++) {
            if (!labels[i].equals(metaData.getColumnLabel(i + 1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The labels of the results of recent queries, by SQL text, bounded. An entry is used only
     * while the result still has its labels in its order (a {@code SELECT *} after a column was
     * added, for instance, gets a new entry), so what is kept is never trusted blindly.
     */
    static final class Cache {

        /** How many queries' labels are kept at most. */
        static final int QUERIES = 1_000;

        // a plain concurrent map, emptied when it is full: the queries of a schema's repositories
        // are far fewer than QUERIES, and a lookup is on every query's path, where a cache that
        // records each access for its eviction order cost more than the lookup
        private final ConcurrentHashMap<String, ColumnLabels> bySql = new ConcurrentHashMap<>();

        /**
         * The labels of a result of {@code sql}.
         *
         * @param sql the query's text
         * @param metaData the result's metadata
         * @return its labels, as kept when they are still these
         * @throws SQLException when the driver fails
         */
        ColumnLabels of(String sql, ResultSetMetaData metaData) throws SQLException {
            ColumnLabels kept = bySql.get(sql);
            if (kept != null && kept.describes(metaData)) {
                return kept;
            }
            ColumnLabels read = ColumnLabels.of(metaData);
            if (bySql.size() >= QUERIES) {
                bySql.clear();
            }
            bySql.put(sql, read);
            return read;
        }

        /** How many queries' labels are kept now. */
        int size() {
            return bySql.size();
        }
    }
}
