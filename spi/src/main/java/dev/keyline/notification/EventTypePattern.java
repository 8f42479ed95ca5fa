package dev.keyline.notification;

import dev.keyline.domain.common.Require;

/**
 * Which event types a {@link RoutingRule} matches: either one exact type such as
 * {@code account.churn-warning-raised}, or every type under a dotted prefix, written with a
 * trailing {@code .*} such as {@code account.*}.
 *
 * <p>A prefix pattern matches types that start with the prefix followed by a dot:
 * {@code account.*} matches {@code account.created} and {@code account.kpi.breached}, but not
 * {@code account} itself and not {@code accounts.created}. Matching is case-sensitive, as event
 * type names are.
 *
 * @param value the pattern as written, for example {@code account.*} or {@code sla.signed}
 */
public record EventTypePattern(String value) {

    private static final String WILDCARD_SUFFIX = ".*";

    /**
     * Validates the pattern: not blank, no white space, and {@code *} only as a trailing {@code .*}.
     *
     * @param value the pattern as written, for example {@code account.*} or {@code sla.signed}
     */
    public EventTypePattern {
        Require.nonBlank(value, "eventTypePattern");
        Require.that(value.chars().noneMatch(Character::isWhitespace), "eventTypePattern",
                () -> "must not contain white space, was '" + value + "'");
        int star = value.indexOf('*');
        Require.that(star < 0 || (star == value.length() - 1 && value.endsWith(WILDCARD_SUFFIX)
                        && value.length() > WILDCARD_SUFFIX.length()), "eventTypePattern",
                () -> "'*' is allowed only as a trailing '.*' after a prefix, was '" + value + "'");
        Require.that(!value.startsWith(".") && !value.endsWith(".") && !value.contains(".."), "eventTypePattern",
                () -> "must not start or end with '.' or hold an empty segment, was '" + value + "'");
    }

    /**
     * {@return the pattern for {@code text}: a prefix pattern when it ends with {@code .*}, else an
     * exact type}
     *
     * @param text the text
     */
    public static EventTypePattern of(String text) {
        return new EventTypePattern(text);
    }

    /** {@return whether this is a prefix pattern ({@code prefix.*}) rather than an exact type} */
    public boolean isPrefix() {
        return value.endsWith(WILDCARD_SUFFIX);
    }

    /**
     * {@return whether the given event type matches this pattern}
     *
     * @param eventType the event type
     */
    public boolean matches(String eventType) {
        Require.nonNull(eventType, "eventType");
        if (isPrefix()) {
            String prefixWithDot = value.substring(0, value.length() - 1);
            return eventType.length() > prefixWithDot.length() && eventType.startsWith(prefixWithDot);
        }
        return value.equals(eventType);
    }

    @Override
    public String toString() {
        return value;
    }
}
