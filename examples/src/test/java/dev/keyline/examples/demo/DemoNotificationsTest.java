package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountRegistered;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.spi.NotificationSink;
import dev.keyline.webhook.WebhookSecret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's notification wiring: who hears of what. */
class DemoNotificationsTest {

    private static final WebhookSecret SECRET = WebhookSecret.generate();

    private static Audience to(String role) {
        return new Audience(role, "SZ", "SZ-C039", null, "subject");
    }

    private static List<String> targets(DemoNotifications notifications, String type, Audience audience) {
        return notifications.router().targetsFor(type, audience).stream().map(NotificationSink::name).toList();
    }

    @Test
    void sendsWhatPeopleMustActOnToTheCrmAndTheRestToTheInbox() {
        try (DemoNotifications notifications = DemoNotifications.start(SECRET,
                new DemoClock(Instant.parse("2024-07-01T01:00:00Z"), ZoneOffset.UTC))) {
            assertThat(targets(notifications, ChurnWarningRaised.TYPE, to("ACCOUNT_MANAGER")))
                    .containsExactly(DemoNotifications.CRM_SINK);
            assertThat(targets(notifications, AccountExited.TYPE, to("ACCOUNT_MANAGER")))
                    .containsExactly(DemoNotifications.CRM_SINK, DemoNotifications.RESOURCES_SINK);
            assertThat(targets(notifications, "account-plan.action-added", to("ACCOUNT_MANAGER")))
                    .containsExactly(DemoNotifications.CRM_SINK);
            assertThat(targets(notifications, "authority.price-requested", to("FINANCIAL_MANAGER")))
                    .containsExactly(DemoNotifications.CRM_SINK);
            assertThat(targets(notifications, AccountRegistered.TYPE, to("ACCOUNT_MANAGER")))
                    .containsExactly(DemoNotifications.INBOX_SINK);
            assertThat(targets(notifications, "demo.service-notice-posted", Audience.of("notice")))
                    .containsExactly(DemoNotifications.INBOX_SINK);
            assertThat(notifications.reachesCrm(ChurnWarningRaised.TYPE, to("ACCOUNT_MANAGER"))).isTrue();
            assertThat(notifications.reachesCrm(AccountRegistered.TYPE, to("ACCOUNT_MANAGER"))).isFalse();
            assertThat(notifications.crm().name()).isEqualTo(DemoNotifications.CRM_SINK);
        }
    }

    @Test
    void refusesAMissingSecretWithoutLeavingAReceiverRunning() {
        assertThatThrownBy(() -> DemoNotifications.start(null,
                new DemoClock(Instant.parse("2024-07-01T01:00:00Z"), ZoneOffset.UTC)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("secret");
    }
}
