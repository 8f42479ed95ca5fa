package dev.keyline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.spi.NotificationSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRuleTest {

    private final RecordingSink sink = new RecordingSink("a");

    @Test
    void aRoleRuleMatchesAnyTypeForThatRoleOnly() {
        RoutingRule rule = RoutingRule.forRole("ACCOUNT_MANAGER", sink);

        assertThat(rule.matches(Notifications.of("sla.signed", "ACCOUNT_MANAGER", null))).isTrue();
        assertThat(rule.matches(Notifications.of("sla.signed", "NOC", null))).isFalse();
        assertThat(rule.matches(Notifications.of("sla.signed", null, null))).isFalse();
    }

    @Test
    void aTypeRuleMatchesAnyAudience() {
        RoutingRule rule = RoutingRule.forEventType("sla.*", sink);

        assertThat(rule.matches("sla.signed", Audience.of("x"))).isTrue();
        assertThat(rule.matches("sla.signed", Audience.of("x").withRole("NOC"))).isTrue();
        assertThat(rule.matches("account.created", Audience.of("x"))).isFalse();
    }

    @Test
    void aCombinedRuleNeedsBothAndAUnitNarrowsIt() {
        RoutingRule rule = RoutingRule.forRoleAndEventType("NOC", "workorder.*", sink).inOrganisationUnit("GZ");

        assertThat(rule.matches(Notifications.of("workorder.dispatched", "NOC", "GZ"))).isTrue();
        assertThat(rule.matches(Notifications.of("workorder.dispatched", "NOC", "SZ"))).isFalse();
        assertThat(rule.matches(Notifications.of("workorder.dispatched", "NOC", null))).isFalse();
        assertThat(rule.matches(Notifications.of("workorder.dispatched", "AM", "GZ"))).isFalse();
        assertThat(rule.matches(Notifications.of("sla.signed", "NOC", "GZ"))).isFalse();
        assertThat(rule.organisationUnitIfSet()).contains("GZ");
        assertThat(rule.roleIfSet()).contains("NOC");
        assertThat(rule.eventTypeIfSet()).contains(EventTypePattern.of("workorder.*"));
    }

    @Test
    void aRuleMustMatchByRoleOrType() {
        assertThatThrownBy(() -> new RoutingRule(null, null, "GZ", List.of(sink)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rule");
    }

    @Test
    void aRuleNeedsSinksWithoutNulls() {
        assertThatThrownBy(() -> RoutingRule.forRole("NOC"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sinks");
        assertThatThrownBy(() -> RoutingRule.forRole("NOC", sink, null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sinks[1]");
        assertThatThrownBy(() -> RoutingRule.forRole("NOC", (NotificationSink[]) null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sinks");
    }

    @Test
    void blankCriteriaAreRejectedNamingThem() {
        assertThatThrownBy(() -> RoutingRule.forRole(" ", sink)).hasMessageContaining("role");
        assertThatThrownBy(() -> RoutingRule.forEventType("", sink)).hasMessageContaining("eventTypePattern");
        assertThatThrownBy(() -> RoutingRule.forRole("NOC", sink).inOrganisationUnit(" "))
                .hasMessageContaining("unit:");
        assertThatThrownBy(() -> RoutingRule.forRole("NOC", sink).matches(null, Audience.of("x")))
                .hasMessageContaining("type");
    }

    @Test
    void theSinkListIsCopied() {
        List<NotificationSink> sinks = new ArrayList<>(List.of(sink));
        RoutingRule rule = new RoutingRule("NOC", null, null, sinks);
        sinks.add(new RecordingSink("b"));

        assertThat(rule.sinks()).containsExactly(sink);
        assertThatThrownBy(() -> rule.sinks().add(sink)).isInstanceOf(UnsupportedOperationException.class);
    }
}
