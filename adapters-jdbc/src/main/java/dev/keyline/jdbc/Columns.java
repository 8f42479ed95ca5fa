package dev.keyline.jdbc;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column names and values, in the order added, for the statements {@link JdbcSession} writes
 * itself ({@link JdbcSession#insert(String, String, Columns)} and
 * {@link JdbcSession#updateVersioned(String, String, String, Object, long, Columns)}). Values are
 * bound like any statement parameter and may be null.
 *
 * <p>Names must be plain SQL identifiers (letters, digits, underscore; not starting with a digit),
 * so a name can never smuggle SQL into a statement.
 */
public final class Columns {

    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    /** The names added, lower case, so a repeated name is found without scanning the list. */
    private final Set<String> taken = new HashSet<>();

    private Columns() {
    }

    /**
     * An empty set of columns to add to.
     *
     * @return a new, empty instance
     */
    public static Columns create() {
        return new Columns();
    }

    /**
     * Adds a column and its value.
     *
     * @param column a plain SQL identifier, not yet added
     * @param value the value to bind, or null
     * @return this instance
     */
    public Columns set(String column, Object value) {
        if (!taken.add(lowerCaseIdentifier(column, "column"))) {
            throw new InvalidArgumentException("column", "'" + column + "' was already set");
        }
        names.add(column);
        values.add(value);
        return this;
    }

    /**
     * These columns with one more before them and one after, as {@link #set} would add them,
     * without checking the columns already added again: an insert's row (its key, the values,
     * its version).
     */
    Columns around(String first, Object firstValue, String last, Object lastValue) {
        Columns row = new Columns();
        row.set(first, firstValue);
        if (taken.contains(lowerCaseIdentifier(first, "column"))) {
            throw new InvalidArgumentException("column", "'" + first + "' was already set");
        }
        row.names.addAll(names);
        row.values.addAll(values);
        row.taken.addAll(taken);
        return row.set(last, lastValue);
    }

    /**
     * The column names in the order added.
     *
     * @return an unmodifiable view
     */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /**
     * The values in the order added.
     *
     * @return an unmodifiable view; may contain nulls
     */
    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    /**
     * Whether no column was added.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** Rejects anything but a plain SQL identifier. */
    static String checkIdentifier(String identifier, String argument) {
        lowerCaseIdentifier(identifier, argument);
        return identifier;
    }

    /**
     * Rejects anything but a plain SQL identifier, in one pass over it, and returns it in lower
     * case: the same instance when it has no capitals (a name of the code's constants, usually).
     */
    private static String lowerCaseIdentifier(String identifier, String argument) {
        Require.nonNull(identifier, argument);
        int length = identifier.length();
        boolean valid = length > 0 && length <= 63 && !Character.isDigit(identifier.charAt(0));
        boolean capitals = false;
        for (int i = 0; valid && i < length; i++) {
            char c = identifier.charAt(i);
            if ((c >= 'A' && c <= 'Z')) {
                capitals = true;
            } else {
                valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            }
        }
        if (!valid) {
            Require.nonBlank(identifier, argument);
            throw new InvalidArgumentException(argument, "must be a plain SQL identifier (letters, digits, _; at most 63), was '"
                    + identifier + "'");
        }
        return capitals ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }
}
