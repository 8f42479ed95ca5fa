package dev.keyline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.Audience;
import dev.keyline.notification.RecordingSink.Outcome;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the router over random rule tables and audiences, checked against a model that
 * works on the rule descriptions, not on {@link RoutingRule#matches}.
 */
class RoutingSinkProperties {

    private static final String NONE = "-";
    private static final int POOL = 5;
    private static final List<String> TYPES = List.of("account.created", "account.kpi.breached", "accounts.created",
            "account", "sla.signed", "sla.warning.raised", "workorder.dispatched", "budget.issued");
    private static final List<String> PATTERNS = List.of(NONE, "account.*", "account.created", "account.kpi.*",
            "sla.*", "sla.signed", "workorder.*", "accounts.*", "account");
    private static final List<String> ROLES = List.of(NONE, "ACCOUNT_MANAGER", "INDUSTRY_MANAGER", "NOC");
    private static final List<String> UNITS = List.of(NONE, "GZ", "SZ");

    /** A rule as data: the model evaluates it independently. */
    record RuleSpec(String role, String pattern, String unit, List<Integer> sinks) {
    }

    /** A router as data. */
    record Table(List<RuleSpec> rules, List<Integer> defaults) {
    }

    private static Gen<List<Integer>> sinkIndexes(int min) {
        return lists().of(integers().between(0, POOL - 1)).ofSizeBetween(min, 3);
    }

    private static Gen<RuleSpec> rules() {
        return arbitrary().pick(ROLES).zip(arbitrary().pick(PATTERNS), arbitrary().pick(UNITS), sinkIndexes(1),
                (role, pattern, unit, sinks) -> role.equals(NONE) && pattern.equals(NONE)
                        ? new RuleSpec(role, "account.*", unit, sinks) // a rule needs a role or a type
                        : new RuleSpec(role, pattern, unit, sinks));
    }

    private static Gen<Table> tables() {
        return lists().of(rules()).ofSizeBetween(0, 6).zip(sinkIndexes(0), Table::new);
    }

    private static Gen<Notification> notifications() {
        return arbitrary().pick(TYPES).zip(arbitrary().pick(ROLES), arbitrary().pick(UNITS),
                (type, role, unit) -> Notifications.of(type,
                        new Audience(none(role), none(unit), null, null, "subject of " + type)));
    }

    private static String none(String value) {
        return NONE.equals(value) ? null : value;
    }

    private static boolean modelMatches(RuleSpec rule, Notification n) {
        boolean role = rule.role().equals(NONE) || rule.role().equals(n.audience().role());
        boolean unit = rule.unit().equals(NONE) || rule.unit().equals(n.audience().organisationUnit());
        boolean type;
        if (rule.pattern().equals(NONE)) {
            type = true;
        } else if (rule.pattern().endsWith(".*")) {
            List<String> prefix = Arrays.asList(rule.pattern().substring(0, rule.pattern().length() - 2).split("\\."));
            List<String> segments = Arrays.asList(n.type().split("\\."));
            type = segments.size() > prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
        } else {
            type = rule.pattern().equals(n.type());
        }
        return role && unit && type;
    }

    private static Set<Integer> modelTargets(Table table, Notification n) {
        Set<Integer> targets = new LinkedHashSet<>();
        for (RuleSpec rule : table.rules()) {
            if (modelMatches(rule, n)) {
                targets.addAll(rule.sinks());
            }
        }
        return targets.isEmpty() ? new LinkedHashSet<>(table.defaults()) : targets;
    }

    private static RoutingSink build(Table table, List<RecordingSink> pool) {
        RoutingSink.Builder builder = RoutingSink.builder();
        for (RuleSpec spec : table.rules()) {
            List<NotificationSink> sinks = new ArrayList<>();
            spec.sinks().forEach(i -> sinks.add(pool.get(i)));
            builder.rule(new RoutingRule(none(spec.role()),
                    spec.pattern().equals(NONE) ? null : EventTypePattern.of(spec.pattern()), none(spec.unit()), sinks));
        }
        if (table.defaults().isEmpty()) {
            builder.dropUnmatched();
        } else {
            builder.defaultSinks(table.defaults().stream().map(pool::get).toArray(NotificationSink[]::new));
        }
        return builder.build();
    }

    @Test
    void eachNotificationReachesExactlyTheSinksOfMatchingRulesOrTheDefaults() {
        qt().forAll(tables(), lists().of(notifications()).ofSizeBetween(1, 8)).checkAssert((table, batch) -> {
            List<RecordingSink> pool = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                pool.add(new RecordingSink("sink-" + i));
            }
            RoutingSink router = build(table, pool);
            for (Notification n : batch) {
                Set<Integer> expected = modelTargets(table, n);
                List<Integer> before = pool.stream().map(s -> s.received().size()).toList();

                try {
                    router.deliver(n);
                } catch (Exception e) {
                    throw new AssertionError("accepting sinks only, yet the router threw", e);
                }

                for (int i = 0; i < POOL; i++) {
                    int gained = pool.get(i).received().size() - before.get(i);
                    assertThat(gained).as("sink-%d for %s to %s", i, n.type(), n.audience())
                            .isEqualTo(expected.contains(i) ? 1 : 0);
                    if (gained == 1) {
                        assertThat(pool.get(i).received().get(before.get(i))).isSameAs(n);
                    }
                }
                assertThat(router.targetsFor(n)).containsExactlyElementsOf(
                        expected.stream().map(pool::get).toList());
            }
        });
    }

    private static Gen<RecordingSink> failingOrNot() {
        return arbitrary().enumValues(Outcome.class).zip(integers().between(0, 600),
                (outcome, seconds) -> new RecordingSink("t-" + outcome + "-" + seconds, outcome,
                        outcome == Outcome.FAIL_RETRYABLY_WITH_HINT ? Duration.ofSeconds(seconds) : null));
    }

    @Test
    void failuresAggregateIntoPermanentOnlyWhenAllArePermanentWithTheLongestHint() {
        qt().forAll(lists().of(failingOrNot()).ofSizeBetween(1, 6)).checkAssert(targets -> {
            RoutingSink router = RoutingSink.builder()
                    .defaultSinks(targets.toArray(NotificationSink[]::new)).build();
            Notification n = Notifications.of("sla.signed", null, null);

            Throwable thrown = catchThrowable(() -> router.deliver(n));

            // every distinct target was tried exactly once, whatever the others did
            Set<RecordingSink> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            distinct.addAll(targets);
            distinct.forEach(t -> assertThat(t.received()).containsExactly(n));
            List<RecordingSink> failing = distinct.stream().filter(t -> t.outcome() != Outcome.ACCEPT).toList();
            if (failing.isEmpty()) {
                assertThat(thrown).isNull();
                return;
            }
            if (failing.stream().allMatch(t -> t.outcome() == Outcome.FAIL_PERMANENTLY)) {
                assertThat(thrown).isInstanceOf(PermanentDeliveryException.class);
            } else {
                assertThat(thrown).isInstanceOf(RetryableDeliveryException.class);
                Optional<Duration> longest = failing.stream().map(RecordingSink::hint)
                        .filter(java.util.Objects::nonNull).max(Duration::compareTo);
                assertThat(((RetryableDeliveryException) thrown).retryAfter()).isEqualTo(longest);
            }
            assertThat(thrown.getSuppressed()).hasSize(failing.size() - 1);
            assertThat(thrown).hasMessageContaining(failing.size() + " of " + distinct.size() + " target sinks failed");
            failing.forEach(t -> assertThat(thrown).hasMessageContaining(t.name() + ": "));
        });
    }
}
