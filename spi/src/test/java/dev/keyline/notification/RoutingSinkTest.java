package dev.keyline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.notification.RecordingSink.Outcome;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoutingSinkTest {

    private final RecordingSink managers = new RecordingSink("managers");
    private final RecordingSink slaDesk = new RecordingSink("sla-desk");
    private final RecordingSink fallback = new RecordingSink("fallback");

    @Test
    void everyMatchingRuleContributesItsSinksOnce() throws Exception {
        RoutingSink router = RoutingSink.builder()
                .rule(RoutingRule.forRole("ACCOUNT_MANAGER", managers))
                .rule(RoutingRule.forEventType("sla.*", slaDesk, managers))
                .defaultSinks(fallback)
                .build();
        Notification both = Notifications.of("sla.warning-raised", "ACCOUNT_MANAGER", "GZ");

        router.deliver(both);

        assertThat(router.targetsFor(both)).containsExactly(managers, slaDesk);
        assertThat(managers.received()).containsExactly(both);
        assertThat(slaDesk.received()).containsExactly(both);
        assertThat(fallback.received()).isEmpty();
    }

    @Test
    void unmatchedNotificationsGoToTheDefaultSinks() throws Exception {
        RoutingSink router = RoutingSink.builder()
                .rule(RoutingRule.forRole("ACCOUNT_MANAGER", managers))
                .defaultSinks(fallback, fallback)
                .build();
        Notification unmatched = Notifications.of("resource.reserved", "NOC", null);

        router.deliver(unmatched);

        assertThat(fallback.received()).containsExactly(unmatched);
        assertThat(managers.received()).isEmpty();
    }

    @Test
    void aRouterThatDropsUnmatchedAcceptsThemWithoutSending() throws Exception {
        RoutingSink router = RoutingSink.builder()
                .rule(RoutingRule.forRole("ACCOUNT_MANAGER", managers))
                .dropUnmatched()
                .build();

        router.deliver(Notifications.of("resource.reserved", "NOC", null));

        assertThat(managers.received()).isEmpty();
        assertThat(router.dropsUnmatched()).isTrue();
        assertThat(router.targetsFor("resource.reserved", Notifications.of("x", "NOC", null).audience())).isEmpty();
    }

    @Test
    void aRouterMustSayWhatHappensToUnmatchedNotifications() {
        assertThatThrownBy(() -> RoutingSink.builder().rule(RoutingRule.forRole("NOC", managers)).build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("defaultSinks").hasMessageContaining("dropUnmatched");
        assertThatThrownBy(() -> RoutingSink.builder().defaultSinks(fallback).dropUnmatched().build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> RoutingSink.builder().defaultSinks())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("defaultSinks");
        assertThatThrownBy(() -> RoutingSink.builder().rule(null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rule");
        assertThatThrownBy(() -> RoutingSink.builder().name(" "))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void oneFailingTargetDoesNotStopTheOthersAndTheRouterThrowsRetryable() {
        RecordingSink busy = new RecordingSink("busy", Outcome.FAIL_RETRYABLY_WITH_HINT, Duration.ofSeconds(30));
        RecordingSink gone = new RecordingSink("gone", Outcome.FAIL_PERMANENTLY, null);
        RoutingSink router = RoutingSink.builder().name("router")
                .rule(RoutingRule.forEventType("sla.*", busy, managers, gone))
                .dropUnmatched()
                .build();
        Notification notification = Notifications.of("sla.signed", null, null);

        assertThatThrownBy(() -> router.deliver(notification))
                .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(e.getCause().getMessage()).contains("busy asks to wait");
                    assertThat(e.getSuppressed()).hasSize(1);
                })
                .hasMessageContaining("2 of 3 target sinks failed")
                .hasMessageContaining("busy: ")
                .hasMessageContaining("gone: ")
                .hasMessageNotContaining("managers:");
        assertThat(managers.received()).containsExactly(notification);
        assertThat(busy.received()).containsExactly(notification);
        assertThat(gone.received()).containsExactly(notification);
    }

    @Test
    void theRouterFailsPermanentlyOnlyWhenEveryFailureIsPermanent() {
        RecordingSink gone = new RecordingSink("gone", Outcome.FAIL_PERMANENTLY, null);
        RecordingSink refused = new RecordingSink("refused", Outcome.FAIL_PERMANENTLY, null);
        RoutingSink router = RoutingSink.builder().defaultSinks(gone, managers, refused).build();

        assertThatThrownBy(() -> router.deliver(Notifications.of("sla.signed", null, null)))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("gone: ").hasMessageContaining("refused: ");
    }

    @Test
    void aPlainExceptionOfATargetMakesTheRouterRetryableWithoutHint() {
        RecordingSink broken = new RecordingSink("broken", Outcome.FAIL_WITH_RUNTIME_EXCEPTION, null);
        RoutingSink router = RoutingSink.builder().defaultSinks(broken).build();

        assertThatThrownBy(() -> router.deliver(Notifications.of("sla.signed", null, null)))
                .isInstanceOfSatisfying(RetryableDeliveryException.class,
                        e -> assertThat(e.retryAfter()).isEmpty())
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken: broken broke");
    }

    @Test
    void anInterruptedTargetStopsTheDeliveryAndKeepsTheInterrupt() {
        NotificationSink interrupted = n -> {
            throw new InterruptedException("stop");
        };
        RoutingSink router = RoutingSink.builder().defaultSinks(interrupted, managers).build();
        try {
            assertThatThrownBy(() -> router.deliver(Notifications.of("sla.signed", null, null)))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(managers.received()).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theRouterIsImmutableOnceBuilt() throws Exception {
        RoutingSink.Builder builder = RoutingSink.builder().rule(RoutingRule.forRole("NOC", managers))
                .defaultSinks(fallback);
        RoutingSink router = builder.build();
        builder.rule(RoutingRule.forRole("NOC", slaDesk));

        router.deliver(Notifications.of("x.y", "NOC", null));

        assertThat(slaDesk.received()).isEmpty();
        assertThat(router.rules()).hasSize(1);
        assertThatThrownBy(() -> router.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(router.name()).isEqualTo("RoutingSink");
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        RoutingSink router = RoutingSink.builder().dropUnmatched().build();
        assertThatThrownBy(() -> router.deliver(null)).hasMessageContaining("notification");
        assertThatThrownBy(() -> router.targetsFor("x", null)).hasMessageContaining("audience");
    }
}
