package dev.keyline.notification;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One line of a {@link RoutingSink}'s table: which notifications it matches and which sinks they
 * go to.
 *
 * <p>A rule matches by the audience's role, by the event type (exact or {@code prefix.*}), or by
 * both; it may further be limited to one organisation unit. A criterion left {@code null} matches
 * anything; at least one of role and event type must be set, so that no rule silently matches
 * every notification (that is what the router's default sinks are for). A notification whose
 * audience has no role never matches a rule that names a role, and likewise for the unit.
 *
 * <pre>{@code
 * RoutingRule.forRole("ACCOUNT_MANAGER", mailSink)
 * RoutingRule.forEventType("sla.*", webhookSink).inOrganisationUnit("GZ")
 * RoutingRule.forRoleAndEventType("INDUSTRY_MANAGER", "account.*", webhookSink, logSink)
 * }</pre>
 *
 * @param role the audience role to match exactly, or null for any
 * @param eventType the event types to match, or null for any
 * @param organisationUnit the audience organisation unit to match exactly, or null for any
 * @param sinks the sinks that receive matching notifications, at least one, in order
 */
public record RoutingRule(String role, EventTypePattern eventType, String organisationUnit,
                          List<NotificationSink> sinks) {

    /**
     * Validates the rule and copies the sink list.
     *
     * @param role the audience role to match exactly, or null for any
     * @param eventType the event types to match, or null for any
     * @param organisationUnit the audience organisation unit to match exactly, or null for any
     * @param sinks the sinks that receive matching notifications, at least one, in order
     */
    public RoutingRule {
        if (role != null) {
            Require.nonBlank(role, "role");
        }
        if (organisationUnit != null) {
            Require.nonBlank(organisationUnit, "organisationUnit");
        }
        Require.that(role != null || eventType != null, "rule",
                "must match by role, by event type or by both; use the router's default sinks for everything else");
        sinks = Require.nonNullElements(sinks, "sinks");
        Require.that(!sinks.isEmpty(), "sinks", "must name at least one sink");
    }

    /**
     * {@return a rule matching every notification whose audience has this role}
     *
     * @param role the role
     * @param sinks the notification sinks
     */
    public static RoutingRule forRole(String role, NotificationSink... sinks) {
        Require.nonBlank(role, "role");
        return new RoutingRule(role, null, null, sinkList(sinks));
    }

    /**
     * {@return a rule matching every notification whose type matches the pattern ({@code type} or
     * {@code prefix.*})}
     *
     * @param eventTypePattern the event type pattern
     * @param sinks the notification sinks
     */
    public static RoutingRule forEventType(String eventTypePattern, NotificationSink... sinks) {
        return new RoutingRule(null, EventTypePattern.of(eventTypePattern), null, sinkList(sinks));
    }

    /**
     * {@return a rule matching notifications with this audience role and a type matching the
     * pattern}
     *
     * @param role the role
     * @param eventTypePattern the event type pattern
     * @param sinks the notification sinks
     */
    public static RoutingRule forRoleAndEventType(String role, String eventTypePattern, NotificationSink... sinks) {
        Require.nonBlank(role, "role");
        return new RoutingRule(role, EventTypePattern.of(eventTypePattern), null, sinkList(sinks));
    }

    /**
     * {@return this rule, further limited to audiences of the given organisation unit}
     *
     * @param unit the unit
     */
    public RoutingRule inOrganisationUnit(String unit) {
        Require.nonBlank(unit, "unit");
        return new RoutingRule(role, eventType, unit, sinks);
    }

    /**
     * {@return whether a notification of this type and audience matches every criterion the rule
     * sets}
     *
     * @param type the type
     * @param audience the audience
     */
    public boolean matches(String type, Audience audience) {
        Require.nonNull(type, "type");
        Require.nonNull(audience, "audience");
        return (role == null || role.equals(audience.role()))
                && (eventType == null || eventType.matches(type))
                && (organisationUnit == null || organisationUnit.equals(audience.organisationUnit()));
    }

    /**
     * {@return whether the notification matches every criterion the rule sets}
     *
     * @param notification the notification
     */
    public boolean matches(Notification notification) {
        Require.nonNull(notification, "notification");
        return matches(notification.type(), notification.audience());
    }

    /** {@return the role criterion, if set} */
    public Optional<String> roleIfSet() {
        return Optional.ofNullable(role);
    }

    /** {@return the event type criterion, if set} */
    public Optional<EventTypePattern> eventTypeIfSet() {
        return Optional.ofNullable(eventType);
    }

    /** {@return the organisation unit criterion, if set} */
    public Optional<String> organisationUnitIfSet() {
        return Optional.ofNullable(organisationUnit);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RoutingRule[");
        if (role != null) {
            text.append("role=").append(role).append(' ');
        }
        if (eventType != null) {
            text.append("type=").append(eventType).append(' ');
        }
        if (organisationUnit != null) {
            text.append("unit=").append(organisationUnit).append(' ');
        }
        text.append("sinks=");
        for (int i = 0; i < sinks.size(); i++) {
            text.append(i == 0 ? "" : ",").append(sinks.get(i).name());
        }
        return text.append(']').toString();
    }

    private static List<NotificationSink> sinkList(NotificationSink[] sinks) {
        Require.nonNull(sinks, "sinks");
        return Require.nonNullElements(Arrays.asList(sinks), "sinks");
    }
}
