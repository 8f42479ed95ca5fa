package dev.keyline.jdbc;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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

    /**
     * The identifiers checked already, each with its lower-case form: the names a provider's code
     * writes are its constants, checked once here instead of character by character at every save.
     * Bounded, so that a host that builds names at run time does not grow it without end; beyond
     * the bound a name is checked each time, as it was before.
     */
    private static final BoundedMemo<String, String> CHECKED = new BoundedMemo<>(4_096, Columns::lowerCaseOrEmpty);

    /** Room for an aggregate row's columns without growing: most rows have fewer. */
    private static final int EXPECTED_COLUMNS = 32;

    private final List<String> names;
    private final List<Object> values;
    /**
     * The names added, lower case, in an open-addressing table (linear probing, at most half
     * full), so that a repeated name is found without scanning the list and adding a name
     * allocates nothing: a save builds its row's columns at every command.
     */
    private String[] taken;

    private Columns() {
        this(EXPECTED_COLUMNS);
    }

    private Columns(int expected) {
        names = new ArrayList<>(expected);
        values = new ArrayList<>(expected);
        taken = new String[tableSize(expected)];
    }

    /** The smallest power of two at least twice {@code count}, and at least 16. */
    private static int tableSize(int count) {
        return Math.max(16, Integer.highestOneBit(Math.max(1, count) * 2 - 1) << 1);
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
        if (!take(lowerCaseIdentifier(column, "column"))) {
            throw new InvalidArgumentException("column", "'" + column + "' was already set");
        }
        names.add(column);
        values.add(value);
        return this;
    }

    /** Adds the lower-case name to the table unless it is there; false when it was. */
    private boolean take(String lowerCase) {
        if ((names.size() + 1) * 2 > taken.length) {
            String[] old = taken;
            taken = new String[old.length * 2];
            for (String name : old) {
                if (name != null) {
                    taken[free(taken, name)] = name;
                }
            }
        }
        int slot = free(taken, lowerCase);
        if (slot < 0) {
            return false;
        }
        taken[slot] = lowerCase;
        return true;
    }

    /** The empty slot where the name goes, or -1 when the table has it. */
    private static int free(String[] table, String lowerCase) {
        int mask = table.length - 1;
        int h = lowerCase.hashCode();
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String there = table[i];
            if (there == null) {
                return i;
            }
            if (there.equals(lowerCase)) {
                return -1;
            }
        }
    }

    /** Whether the lower-case name was added. */
    private boolean has(String lowerCase) {
        return free(taken, lowerCase) < 0;
    }

    /**
     * These columns with one more before them and one after, as {@link #set} would add them,
     * without checking the columns already added again: an insert's row (its key, the values,
     * its version).
     */
    Columns around(String first, Object firstValue, String last, Object lastValue) {
        String lowerFirst = lowerCaseIdentifier(first, "column");
        if (has(lowerFirst)) {
            throw new InvalidArgumentException("column", "'" + first + "' was already set");
        }
        Columns row = new Columns(names.size() + 2);
        row.names.add(first);
        row.values.add(firstValue);
        row.names.addAll(names);
        row.values.addAll(values);
        // the names' table as it is, with one more, sized for the row
        if (row.taken.length == taken.length) {
            System.arraycopy(taken, 0, row.taken, 0, taken.length);
        } else {
            for (String name : taken) {
                if (name != null) {
                    row.taken[free(row.taken, name)] = name;
                }
            }
        }
        row.taken[free(row.taken, lowerFirst)] = lowerFirst;
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

    /** How many identifiers are kept as checked; at most 4,096. */
    static int checkedNames() {
        return CHECKED.size();
    }

    /** Rejects anything but a plain SQL identifier. */
    static String checkIdentifier(String identifier, String argument) {
        lowerCaseIdentifier(identifier, argument);
        return identifier;
    }

    /**
     * Rejects anything but a plain SQL identifier and returns it in lower case: the same instance
     * when it has no capitals (a name of the code's constants, usually). A name checked before is
     * looked up instead ({@link #CHECKED}).
     */
    private static String lowerCaseIdentifier(String identifier, String argument) {
        Require.nonNull(identifier, argument);
        String lowerCase = CHECKED.get(identifier);
        if (lowerCase.isEmpty()) {
            Require.nonBlank(identifier, argument);
            throw new InvalidArgumentException(argument, "must be a plain SQL identifier (letters, digits, _; at most 63), was '"
                    + identifier + "'");
        }
        return lowerCase;
    }

    /** The identifier in lower case, checked in one pass over it; empty when it is no plain SQL identifier. */
    private static String lowerCaseOrEmpty(String identifier) {
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
            return "";
        }
        return capitals ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }
}
