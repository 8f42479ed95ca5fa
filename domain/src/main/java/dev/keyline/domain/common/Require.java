package dev.keyline.domain.common;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Argument checks that fail with an {@link InvalidArgumentException} naming the argument.
 * Used by every public constructor and method of the library. The checked value is the subject
 * of each check and is named by {@code name}; a null {@code name} (or {@code message}, or an
 * element's {@code key}) is itself rejected, whatever the value.
 */
public final class Require {

    private Require() {
    }

    /**
     * {@return {@code value}, or fails when it is null}
     *
     * @param <T> the value's type
     * @param value the value
     * @param name the name
     */
    public static <T> T nonNull(T value, String name) {
        named(name);
        if (value == null) {
            throw new InvalidArgumentException(name, "must not be null");
        }
        return value;
    }

    /**
     * {@return {@code value}, an element of a map or list, or fails when it is null, naming it
     * {@code name[key]}}
     * The name is built only when the check fails, so a loop over many elements builds none.
     *
     * @param <T> the value's type
     * @param value the element
     * @param name the name of the map or list
     * @param key the element's key or index, as it appears in the name
     */
    public static <T> T nonNull(T value, String name, Object key) {
        keyed(name, key);
        if (value == null) {
            throw new InvalidArgumentException(element(name, key), "must not be null");
        }
        return value;
    }

    /**
     * {@return {@code value}, or fails when it is null, empty or only white space}
     *
     * @param value the value
     * @param name the name
     */
    public static String nonBlank(String value, String name) {
        nonNull(value, name);
        if (value.isBlank()) {
            throw new InvalidArgumentException(name, "must not be blank");
        }
        return value;
    }

    /**
     * The longest free text (a reason, a note, a description) the library accepts: long enough
     * for any business explanation, short enough for every storage provider to keep whole; the
     * same as {@link Limits#TEXT_LENGTH}.
     */
    public static final int MAX_TEXT_LENGTH = Limits.TEXT_LENGTH;

    /**
     * {@return {@code value}, or fails when it is null, blank or longer than {@link
     * #MAX_TEXT_LENGTH} characters (UTF-16 code units, see {@link Limits})}
     *
     * @param value the value
     * @param name the name
     */
    public static String text(String value, String name) {
        return text(value, name, MAX_TEXT_LENGTH);
    }

    /**
     * {@return {@code value}, or fails when it is null, blank or longer than {@code maxLength}
     * characters (UTF-16 code units, see {@link Limits})}
     *
     * @param value the value
     * @param name the name
     * @param maxLength the max length
     */
    public static String text(String value, String name, int maxLength) {
        return Limits.text(value, name, maxLength);
    }

    /**
     * Fails with {@code message} about {@code name} unless {@code condition} holds.
     *
     * @param condition the condition
     * @param name the name
     * @param message the message
     */
    public static void that(boolean condition, String name, String message) {
        named(name);
        if (message == null) {
            throw new InvalidArgumentException("message", "must not be null");
        }
        if (!condition) {
            throw new InvalidArgumentException(name, message);
        }
    }

    /**
     * {@link #that(boolean, String, String)} with a message built only when the condition fails,
     * for checks on hot paths (restoring many stored aggregates) whose message concatenates values.
     *
     * @param condition the condition
     * @param name the name
     * @param message builds the message
     */
    public static void that(boolean condition, String name, Supplier<String> message) {
        named(name);
        if (message == null) {
            throw new InvalidArgumentException("message", "must not be null");
        }
        if (!condition) {
            throw new InvalidArgumentException(name, message.get());
        }
    }

    /**
     * {@link #that(boolean, String, Supplier)} about an element of a map or list, named
     * {@code name[key]}; the name, like the message, is built only when the condition fails, so a
     * loop over many elements builds none.
     *
     * @param condition the condition
     * @param name the name of the map or list
     * @param key the element's key or index, as it appears in the name
     * @param message builds the message
     */
    public static void that(boolean condition, String name, Object key, Supplier<String> message) {
        keyed(name, key);
        if (message == null) {
            throw new InvalidArgumentException("message", "must not be null");
        }
        if (!condition) {
            throw new InvalidArgumentException(element(name, key), message.get());
        }
    }

    /**
     * {@return {@code value}, or fails when it is negative}
     *
     * @param value the value
     * @param name the name
     */
    public static long nonNegative(long value, String name) {
        named(name);
        if (value < 0) {
            throw new InvalidArgumentException(name, "must not be negative, was " + value);
        }
        return value;
    }

    /**
     * {@return {@code value}, or fails when it is zero or negative}
     *
     * @param value the value
     * @param name the name
     */
    public static long positive(long value, String name) {
        named(name);
        if (value <= 0) {
            throw new InvalidArgumentException(name, "must be positive, was " + value);
        }
        return value;
    }

    /**
     * {@return {@code value}, or fails when it is null or negative}
     *
     * @param value the value
     * @param name the name
     */
    public static BigDecimal nonNegative(BigDecimal value, String name) {
        nonNull(value, name);
        if (value.signum() < 0) {
            throw new InvalidArgumentException(name, "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /**
     * {@return {@code value}, an element of a map or list, or fails when it is null or negative,
     * naming it {@code name[key]}}
     * The name is built only when the check fails.
     *
     * @param value the element
     * @param name the name of the map or list
     * @param key the element's key or index, as it appears in the name
     */
    public static BigDecimal nonNegative(BigDecimal value, String name, Object key) {
        nonNull(value, name, key);
        if (value.signum() < 0) {
            throw new InvalidArgumentException(element(name, key), "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /**
     * {@return {@code value}, an element of a map or list, or fails when it is zero or negative,
     * naming it {@code name[key]}}
     * The name is built only when the check fails.
     *
     * @param value the element
     * @param name the name of the map or list
     * @param key the element's key or index, as it appears in the name
     */
    public static long positive(long value, String name, Object key) {
        keyed(name, key);
        if (value <= 0) {
            throw new InvalidArgumentException(element(name, key), "must be positive, was " + value);
        }
        return value;
    }

    /**
     * {@return an immutable copy of {@code values}, or fails when it or any element is null}
     *
     * @param <T> the value's type
     * @param values the values
     * @param name the name
     */
    public static <T> List<T> nonNullElements(Collection<T> values, String name) {
        nonNull(values, name);
        try {
            // List.copyOf rejects a null element itself, and hands back a list of its own
            // unmodifiable kind as it is: a restore's lists, copied once already, cost nothing here
            return List.copyOf(values);
        } catch (NullPointerException e) {
            int i = 0;
            for (T v : values) {
                if (v == null) {
                    throw new InvalidArgumentException(element(name, i), "must not be null");
                }
                i++;
            }
            throw e;
        }
    }

    /**
     * Fails unless {@code a} and {@code b} are equal.
     *
     * @param a the a
     * @param b the b
     * @param name the name
     */
    public static void same(Object a, Object b, String name) {
        named(name);
        if (!Objects.equals(a, b)) {
            throw new InvalidArgumentException(name, "expected " + a + " but was " + b);
        }
    }

    /** Fails when the name or key an element's check reports under is missing. */
    private static void keyed(String name, Object key) {
        named(name);
        if (key == null) {
            throw new InvalidArgumentException("key", "must not be null");
        }
    }

    /** The name of a map's or list's element, {@code name[key]}. */
    private static String element(String name, Object key) {
        return name + "[" + key + "]";
    }

    /** Fails when the name a check reports under is missing. */
    private static void named(String name) {
        if (name == null) {
            throw new InvalidArgumentException("name", "must not be null");
        }
    }
}
