package dev.keyline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The router driven by the real relay over the in-memory provider. */
class RoutingSinkRelayTest {

    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30),
            Duration.ofMinutes(1), 100);

    private final TestClock clock = TestClock.standard();

    /** Pumps, moving the clock past each backoff, until nothing is due or in flight; bounded. */
    private static void drain(Keyline keyline, TestClock clock) {
        for (int round = 0; round < 200; round++) {
            RelayReport report = keyline.relay().pumpUntilIdle(10);
            boolean waiting = !statusOf(keyline, DeliveryStatus.FAILED).isEmpty();
            if (report.attempted() == 0 && !waiting) {
                return;
            }
            clock.advance(POLICY.maxBackoff());
        }
        throw new AssertionError("the relay did not settle in 200 rounds");
    }

    private static List<OutboxEntry> statusOf(Keyline keyline, DeliveryStatus status) {
        return keyline.transactions().execute(() -> keyline.storage().outbox().list(status, 1000));
    }

    private static Gen<Audience> audiences() {
        return arbitrary().pick("NOC", "ACCOUNT_MANAGER", "-").zip(arbitrary().pick("GZ", "SZ", "-"),
                (role, unit) -> new Audience(role.equals("-") ? null : role, unit.equals("-") ? null : unit,
                        null, null, "subject"));
    }

    @Test
    void noNotificationIsLostWhenATargetFails() {
        qt().withExamples(40).forAll(lists().of(arbitrary().pick("account.created", "contract.signed", "workorder.dispatched")
                .zip(audiences(), integers().between(1, 3), (type, audience, aggregate) -> List.of(type, audience, aggregate)))
                .ofSizeBetween(1, 12)).checkAssert(specs -> {
            TestClock testClock = TestClock.standard();
            dev.keyline.tck.RecordingSink noc = new dev.keyline.tck.RecordingSink("noc")
                    .failWith(n -> new RetryableDeliveryException("noc pager down", null, null));
            dev.keyline.tck.RecordingSink crm = new dev.keyline.tck.RecordingSink("crm");
            dev.keyline.tck.RecordingSink archive = new dev.keyline.tck.RecordingSink("archive")
                    .failWith(n -> n.type().startsWith("workorder.")
                            ? new PermanentDeliveryException("archive refuses work orders") : null);
            RoutingSink router = RoutingSink.builder().name("router")
                    .rule(RoutingRule.forRole("NOC", noc))
                    .rule(RoutingRule.forEventType("account.*", crm))
                    .defaultSinks(archive)
                    .build();
            Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(testClock).retryPolicy(POLICY)
                    .sink(router).build();
            List<RoutedEvent> events = new ArrayList<>();
            for (List<?> spec : specs) {
                events.add(new RoutedEvent(EventId.random(), testClock.instant(), "agg-" + spec.get(2),
                        (String) spec.get(0), (Audience) spec.get(1)));
            }
            keyline.run(ctx -> events.forEach(ctx::publish));

            drain(keyline, testClock);

            Map<EventId, OutboxEntry> delivered = byId(statusOf(keyline, DeliveryStatus.DELIVERED));
            Map<EventId, OutboxEntry> dead = byId(statusOf(keyline, DeliveryStatus.DEAD_LETTER));
            for (RoutedEvent event : events) {
                boolean toNoc = "NOC".equals(event.audience().role());
                boolean toCrm = event.type().startsWith("account.");
                boolean toArchive = !toNoc && !toCrm;
                boolean refusedByArchive = toArchive && event.type().startsWith("workorder.");
                if (toNoc) {
                    // retried until the policy gives up; the dead letter keeps it with the reason
                    assertThat(dead).containsKey(event.eventId());
                    OutboxEntry entry = dead.get(event.eventId());
                    assertThat(entry.attempts()).isEqualTo(POLICY.maxAttempts());
                    assertThat(entry.lastError()).startsWith("router: ").contains("noc: ").contains("noc pager down");
                    assertThat(entry.message().eventId()).isEqualTo(event.eventId());
                } else if (refusedByArchive) {
                    assertThat(dead).containsKey(event.eventId());
                    assertThat(dead.get(event.eventId()).attempts()).isEqualTo(1);
                    assertThat(dead.get(event.eventId()).lastError()).contains("archive: ")
                            .contains("archive refuses work orders");
                } else {
                    assertThat(delivered).containsKey(event.eventId());
                }
                assertThat(noc.offeredIds().contains(event.eventId())).isEqualTo(toNoc);
                assertThat(crm.acceptedIds().contains(event.eventId())).isEqualTo(toCrm);
                assertThat(archive.offeredIds().contains(event.eventId())).isEqualTo(toArchive);
            }
            // everything committed ended delivered or dead-lettered, nothing else
            assertThat(delivered.size() + dead.size()).isEqualTo(events.size());
        });
    }

    private static Map<EventId, OutboxEntry> byId(List<OutboxEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.message().eventId(), Function.identity()));
    }

    @Test
    void aPermanentRefusalByEveryFailingTargetDeadLettersAtOnceWithBothReasons() {
        dev.keyline.tck.RecordingSink a = new dev.keyline.tck.RecordingSink("a")
                .failWith(n -> new PermanentDeliveryException("HTTP 410 gone"));
        dev.keyline.tck.RecordingSink b = new dev.keyline.tck.RecordingSink("b")
                .failWith(n -> new PermanentDeliveryException("HTTP 404 no such hook"));
        dev.keyline.tck.RecordingSink c = new dev.keyline.tck.RecordingSink("c");
        RoutingSink router = RoutingSink.builder().name("router").defaultSinks(a, b, c).build();
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).retryPolicy(POLICY)
                .sink(router).build();
        RoutedEvent event = new RoutedEvent(EventId.random(), clock.instant(), "agg-1", "contract.signed", Audience.of("s"));
        keyline.run(ctx -> ctx.publish(event));

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report.deadLettered()).isEqualTo(1);
        assertThat(keyline.relay().deadLetters(10)).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).contains("2 of 3 target sinks failed")
                    .contains("a: KL-502 HTTP 410 gone").contains("b: KL-502 HTTP 404 no such hook");
        });
        assertThat(c.acceptedIds()).containsExactly(event.eventId());
    }

    @Test
    void aRetryAfterHintOfAnyTargetDelaysTheNextAttempt() {
        dev.keyline.tck.RecordingSink busy = new dev.keyline.tck.RecordingSink("busy")
                .failNext(1, n -> new RetryableDeliveryException("HTTP 429", Duration.ofSeconds(90), null));
        dev.keyline.tck.RecordingSink ok = new dev.keyline.tck.RecordingSink("ok");
        RoutingSink router = RoutingSink.builder().defaultSinks(ok, busy).build();
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).retryPolicy(POLICY)
                .sink(router).build();
        RoutedEvent event = new RoutedEvent(EventId.random(), clock.instant(), "agg-1", "contract.signed", Audience.of("s"));
        keyline.run(ctx -> ctx.publish(event));

        assertThat(keyline.relay().pumpOnce().retried()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(89));
        assertThat(keyline.relay().pumpOnce().attempted()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);

        // the target that had accepted got it again on the retry: receivers de-duplicate by id
        assertThat(ok.acceptedIds()).containsExactly(event.eventId(), event.eventId());
        assertThat(busy.acceptedIds()).containsExactly(event.eventId());
    }
}
