package dev.keyline.notification;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sink that sends each notification on to the sinks configured for its audience and type.
 *
 * <h2>Routing</h2>
 * The router holds an ordered list of {@link RoutingRule}s. Every rule that matches a
 * notification contributes its sinks, so a notification may reach several sinks; a sink named by
 * several matching rules (or twice in one rule) receives it once. Targets are called in rule order,
 * then in each rule's sink order, by first appearance. When no rule matches, the notification
 * goes to the default sinks; a router is built either with at least one default sink or with
 * {@link Builder#dropUnmatched()}, in which case an unmatched notification is accepted and
 * reaches no sink. Sinks are compared by identity.
 *
 * <h2>Failures</h2>
 * Every target is tried even when an earlier one fails. If any target throws, the router throws:
 * a {@link PermanentDeliveryException} when every failing target failed permanently, otherwise a
 * {@link RetryableDeliveryException} carrying the largest retry-after hint any target gave. The
 * message names each failing sink and its error; the first failure is the cause and the others
 * are attached as suppressed exceptions.
 *
 * <p>The relay's retry calls the router again, which delivers to <em>every</em> target again,
 * including those that accepted the notification the first time. Delivery is at least once;
 * receivers de-duplicate by {@link Notification#eventId()}. If that is not wanted, give each
 * receiver its own relay sink instead of sharing one router.
 *
 * <p>Instances are immutable and safe for concurrent use if the target sinks are.
 *
 * <pre>{@code
 * RoutingSink router = RoutingSink.builder()
 *         .name("notifications")
 *         .rule(RoutingRule.forRole("ACCOUNT_MANAGER", managersWebhook))
 *         .rule(RoutingRule.forEventType("sla.*", slaDeskWebhook).inOrganisationUnit("GZ"))
 *         .defaultSinks(new LoggingSink())
 *         .build();
 * }</pre>
 */
public final class RoutingSink implements NotificationSink {

    private final String name;
    private final List<RoutingRule> rules;
    private final List<NotificationSink> defaultSinks;
    private final boolean dropUnmatched;

    private RoutingSink(Builder builder) {
        this.name = builder.name;
        this.rules = List.copyOf(builder.rules);
        this.defaultSinks = List.copyOf(builder.defaultSinks);
        this.dropUnmatched = builder.dropUnmatched;
    }

    /**
     * A builder for a router; add rules, then default sinks or {@link Builder#dropUnmatched()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the sinks a notification of this type and audience goes to, without duplicates, in
     * call order: the sinks of every matching rule, or the default sinks when none matches (empty
     * when the router drops unmatched notifications)}
     *
     * @param type the type
     * @param audience the audience
     */
    public List<NotificationSink> targetsFor(String type, Audience audience) {
        Require.nonBlank(type, "type");
        Require.nonNull(audience, "audience");
        Set<NotificationSink> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<NotificationSink> targets = new ArrayList<>();
        for (RoutingRule rule : rules) {
            if (rule.matches(type, audience)) {
                for (NotificationSink sink : rule.sinks()) {
                    if (seen.add(sink)) {
                        targets.add(sink);
                    }
                }
            }
        }
        if (!targets.isEmpty()) {
            return List.copyOf(targets);
        }
        for (NotificationSink sink : defaultSinks) {
            if (seen.add(sink)) {
                targets.add(sink);
            }
        }
        return List.copyOf(targets);
    }

    /**
     * {@return the sinks this notification goes to; see {@link #targetsFor(String, Audience)}}
     *
     * @param notification the notification
     */
    public List<NotificationSink> targetsFor(Notification notification) {
        Require.nonNull(notification, "notification");
        return targetsFor(notification.type(), notification.audience());
    }

    /**
     * Delivers the notification to every target, then throws if any of them failed.
     *
     * @throws PermanentDeliveryException when every failing target failed permanently
     * @throws RetryableDeliveryException when at least one failing target may succeed later
     * @throws InterruptedException when the thread is interrupted while a target delivers; the
     *         remaining targets are not called
     */
    @Override
    public void deliver(Notification notification) throws Exception {
        Require.nonNull(notification, "notification");
        List<NotificationSink> targets = targetsFor(notification);
        List<NotificationSink> failedSinks = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (NotificationSink target : targets) {
            try {
                target.deliver(notification);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            } catch (Exception e) {
                failedSinks.add(target);
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw aggregate(notification, targets.size(), failedSinks, failures);
        }
    }

    private Exception aggregate(Notification notification, int targetCount, List<NotificationSink> failedSinks,
                                List<Exception> failures) {
        StringBuilder message = new StringBuilder()
                .append(failures.size()).append(" of ").append(targetCount)
                .append(" target sinks failed for event ").append(notification.eventId()).append(": ");
        boolean allPermanent = true;
        Duration longestRetryAfter = null;
        for (int i = 0; i < failures.size(); i++) {
            Exception failure = failures.get(i);
            if (i > 0) {
                message.append("; ");
            }
            message.append(safeName(failedSinks.get(i))).append(": ").append(describe(failure));
            if (!(failure instanceof PermanentDeliveryException)) {
                allPermanent = false;
            }
            if (failure instanceof RetryableDeliveryException) {
                Optional<Duration> hint = ((RetryableDeliveryException) failure).retryAfter();
                if (hint.isPresent() && (longestRetryAfter == null || hint.get().compareTo(longestRetryAfter) > 0)) {
                    longestRetryAfter = hint.get();
                }
            }
        }
        Exception result = allPermanent
                ? new PermanentDeliveryException(message.toString(), failures.get(0))
                : new RetryableDeliveryException(message.toString(), longestRetryAfter, failures.get(0));
        for (int i = 1; i < failures.size(); i++) {
            result.addSuppressed(failures.get(i));
        }
        return result;
    }

    private static String safeName(NotificationSink sink) {
        try {
            String sinkName = sink.name();
            return sinkName == null || sinkName.isBlank() ? sink.getClass().getName() : sinkName;
        } catch (RuntimeException e) {
            return sink.getClass().getName();
        }
    }

    private static String describe(Exception failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getName() : text;
    }

    /** The name given at build time, default {@code RoutingSink}; it appears in dead-letter reasons. */
    @Override
    public String name() {
        return name;
    }

    /** {@return the rules, in the order they were added} */
    public List<RoutingRule> rules() {
        return rules;
    }

    /** {@return the sinks unmatched notifications go to; empty when the router drops them} */
    public List<NotificationSink> defaultSinks() {
        return defaultSinks;
    }

    /** {@return whether unmatched notifications are accepted and sent nowhere} */
    public boolean dropsUnmatched() {
        return dropUnmatched;
    }

    @Override
    public String toString() {
        return "RoutingSink[" + name + ", rules=" + rules + ", defaults="
                + defaultSinks.stream().map(RoutingSink::safeName).toList()
                + (dropUnmatched ? ", drops unmatched" : "") + "]";
    }

    /** Collects rules and the treatment of unmatched notifications; {@link #build()} checks them. */
    public static final class Builder {

        private String name = "RoutingSink";
        private final List<RoutingRule> rules = new ArrayList<>();
        private final List<NotificationSink> defaultSinks = new ArrayList<>();
        private boolean dropUnmatched;

        private Builder() {
        }

        /**
         * The router's name in logs and dead-letter reasons; default {@code RoutingSink}.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Require.nonBlank(name, "name");
            return this;
        }

        /**
         * Adds a rule after those already added.
         *
         * @param rule the rule to add
         * @return this builder
         */
        public Builder rule(RoutingRule rule) {
            rules.add(Require.nonNull(rule, "rule"));
            return this;
        }

        /**
         * Adds rules in order after those already added.
         *
         * @param rules the rules to add, in order
         * @return this builder
         */
        public Builder rules(Collection<RoutingRule> rules) {
            this.rules.addAll(Require.nonNullElements(rules, "rules"));
            return this;
        }

        /**
         * Adds sinks that receive every notification no rule matches.
         *
         * @param defaultSinks the sinks for notifications no rule matches, at least one
         * @return this builder
         */
        public Builder defaultSinks(NotificationSink... defaultSinks) {
            Require.nonNull(defaultSinks, "defaultSinks");
            List<NotificationSink> list = Require.nonNullElements(java.util.Arrays.asList(defaultSinks), "defaultSinks");
            Require.that(!list.isEmpty(), "defaultSinks", "must name at least one sink");
            this.defaultSinks.addAll(list);
            return this;
        }

        /**
         * Accepts notifications that no rule matches without sending them anywhere: they count as
         * delivered. Cannot be combined with default sinks.
         *
         * @return this builder
         */
        public Builder dropUnmatched() {
            this.dropUnmatched = true;
            return this;
        }

        /**
         * Builds the router.
         *
         * @return the router
         * @throws dev.keyline.domain.common.InvalidArgumentException when neither default sinks
         *         nor {@link #dropUnmatched()} were given, or both were
         */
        public RoutingSink build() {
            Require.that(!defaultSinks.isEmpty() || dropUnmatched, "defaultSinks",
                    "give default sinks for notifications no rule matches, or call dropUnmatched() to accept and drop them");
            Require.that(defaultSinks.isEmpty() || !dropUnmatched, "defaultSinks",
                    "dropUnmatched() cannot be combined with default sinks");
            return new RoutingSink(this);
        }
    }
}
