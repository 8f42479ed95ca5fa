package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.EventId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.fixture.FixtureEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The outbox property of {@link StorageProviderContract}: random interleavings of committed and
 * rolled-back commands, failures of every kind of one sink, pumps and clock moves, with a second
 * sink that always accepts. Afterwards, with the first sink healthy and the clock moved on, every
 * committed event is DELIVERED or DEAD_LETTER, and for each sink DELIVERED only if that sink
 * accepted it; the steady sink accepted every committed event, whatever the other one did; no
 * rolled-back event was ever offered to a sink; and no sink was offered an event of an aggregate
 * while its delivery of an earlier one of the same aggregate was still open.
 */
final class OutboxProperty {

    private static final int AGGREGATES = 3;
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8),
            Duration.ofSeconds(30), 4);

    private OutboxProperty() {
    }

    /** How the sink behaves until told otherwise. */
    enum Mode { ACCEPT, THROW_RUNTIME, THROW_CHECKED, RETRY_AFTER, PERMANENT, THROW_ERROR }

    /** One step of an interleaving. */
    sealed interface Step permits Commit, Rollback, SinkMode, Pump, Advance {
    }

    /** A command publishing {@code events} events about one aggregate commits. */
    record Commit(int aggregate, int events) implements Step {
    }

    /** A command publishing {@code events} events about one aggregate fails and rolls back. */
    record Rollback(int aggregate, int events) implements Step {
    }

    /** The sink changes behaviour. */
    record SinkMode(Mode mode) implements Step {
    }

    /** The relay pumps once. */
    record Pump() implements Step {
    }

    /** The clock moves on. */
    record Advance(int seconds) implements Step {
    }

    static Gen<Step> steps() {
        Gen<Step> commit = Generate.range(0, AGGREGATES - 1).zip(Generate.range(1, 3), Commit::new);
        Gen<Step> rollback = Generate.range(0, AGGREGATES - 1).zip(Generate.range(1, 2), Rollback::new);
        Gen<Step> mode = Generate.enumValues(Mode.class).map(SinkMode::new);
        Gen<Step> pump = Generate.constant(new Pump());
        Gen<Step> advance = Generate.range(0, 40).map(Advance::new);
        return Generate.frequency(List.of(Pair.of(4, commit), Pair.of(2, rollback), Pair.of(2, mode),
                Pair.of(5, pump), Pair.of(3, advance)));
    }

    static void check(StorageProviderContract contract) {
        qt().withExamples(contract.propertyExamples()).withShrinkCycles(50)
                .forAll(lists().of(steps()).ofSizeBetween(1, 40))
                .checkAssert(steps -> runExample(contract, steps));
    }

    private static void runExample(StorageProviderContract contract, List<Step> steps) {
        StorageProvider storage = contract.freshStorage();
        try {
            TestClock clock = TestClock.standard();
            Map<String, List<EventId>> committed = new LinkedHashMap<>();
            Set<EventId> rolledBack = new HashSet<>();
            ScriptedSink sink = new ScriptedSink("scripted", storage, committed);
            ScriptedSink steady = new ScriptedSink("steady", storage, committed);
            List<ScriptedSink> sinks = List.of(sink, steady);
            Keyline keyline = Keyline.builder().storage(storage).clock(clock).retryPolicy(POLICY).sinks(sinks).build();
            for (Step step : steps) {
                if (step instanceof Commit c) {
                    List<FixtureEvent> events = events(c.aggregate(), c.events(), clock);
                    keyline.run(ctx -> events.forEach(ctx::publish));
                    events.forEach(e -> committed.computeIfAbsent(e.aggregateId(), a -> new ArrayList<>()).add(e.eventId()));
                } else if (step instanceof Rollback r) {
                    List<FixtureEvent> events = events(r.aggregate(), r.events(), clock);
                    IllegalStateException planted = new IllegalStateException("planted rollback");
                    assertThatThrownBy(() -> keyline.run(ctx -> {
                        events.forEach(ctx::publish);
                        throw planted;
                    })).isSameAs(planted);
                    events.forEach(e -> rolledBack.add(e.eventId()));
                } else if (step instanceof SinkMode m) {
                    sink.mode = m.mode();
                } else if (step instanceof Pump) {
                    keyline.relay().pumpOnce();
                } else if (step instanceof Advance a) {
                    clock.advance(Duration.ofSeconds(a.seconds()));
                }
                for (ScriptedSink s : sinks) {
                    assertThat(s.offeredIds()).as("rolled-back events offered to %s", s.name())
                            .filteredOn(rolledBack::contains).isEmpty();
                }
            }

            sink.mode = Mode.ACCEPT;
            for (int round = 0; round < 20; round++) {
                clock.advance(Duration.ofMinutes(1));
                keyline.relay().pumpUntilIdle(100);
            }

            List<EventId> allCommitted = committed.values().stream().flatMap(List::stream).toList();
            assertThat(steady.acceptedIds()).as("the steady sink got every event, whatever the other sink did")
                    .containsAll(allCommitted);
            for (ScriptedSink s : sinks) {
                assertThat(s.violations).as("events offered to %s while an earlier one of their aggregate was open",
                        s.name()).isEmpty();
                assertThat(s.offeredIds()).as("rolled-back events offered to %s", s.name())
                        .filteredOn(rolledBack::contains).isEmpty();
                for (List<EventId> ids : committed.values()) {
                    List<Integer> acceptedPositions = new ArrayList<>();
                    for (EventId id : ids) {
                        OutboxEntry entry = storage.transactions().execute(() -> storage.outbox().find(id)).orElseThrow(
                                () -> new AssertionError("committed event " + id + " is missing from the outbox"));
                        assertThat(entry.status()).as("final status of %s", id)
                                .isIn(DeliveryStatus.DELIVERED, DeliveryStatus.DEAD_LETTER);
                        DeliveryStatus mine = entry.delivery(s.name()).orElseThrow().status();
                        assertThat(mine).as("final status of %s for %s", id, s.name())
                                .isIn(DeliveryStatus.DELIVERED, DeliveryStatus.DEAD_LETTER);
                        if (mine == DeliveryStatus.DELIVERED) {
                            assertThat(s.acceptedIds()).as("events delivered to %s were accepted by it", s.name()).contains(id);
                        }
                        int first = s.acceptedIds().indexOf(id);
                        if (first >= 0) {
                            acceptedPositions.add(first);
                        }
                    }
                    assertThat(acceptedPositions).as("first acceptances by %s follow commit order", s.name()).isSorted();
                }
            }
        } finally {
            contract.release(storage);
        }
    }

    private static List<FixtureEvent> events(int aggregate, int count, TestClock clock) {
        List<FixtureEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(FixtureEvent.about("agg-" + aggregate, clock.instant(), "e" + i));
        }
        return events;
    }

    /** A sink whose behaviour the steps set, and which checks the order per aggregate as it is offered events. */
    private static final class ScriptedSink implements NotificationSink {

        private final String name;
        private final StorageProvider storage;
        private final Map<String, List<EventId>> committed;
        private final List<Notification> offered = new ArrayList<>();
        private final List<EventId> accepted = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();
        private Mode mode = Mode.ACCEPT;

        ScriptedSink(String name, StorageProvider storage, Map<String, List<EventId>> committed) {
            this.name = name;
            this.storage = storage;
            this.committed = committed;
        }

        @Override
        public void deliver(Notification n) throws Exception {
            offered.add(n);
            for (EventId earlier : committed.getOrDefault(n.aggregateId(), List.of())) {
                if (earlier.equals(n.eventId())) {
                    break;
                }
                DeliveryStatus status = storage.transactions().execute(() -> storage.outbox().find(earlier))
                        .flatMap(e -> e.delivery(name)).map(SinkDelivery::status).orElse(null);
                if (status == null || !status.isDone()) {
                    violations.add(n.eventId() + " offered while " + earlier + " was " + status);
                }
            }
            switch (mode) {
                case ACCEPT -> accepted.add(n.eventId());
                case THROW_RUNTIME -> throw new IllegalStateException("receiver down");
                case THROW_CHECKED -> throw new java.io.IOException("connection reset");
                case RETRY_AFTER -> throw new RetryableDeliveryException("HTTP 429", Duration.ofSeconds(20), null);
                case PERMANENT -> throw new PermanentDeliveryException("HTTP 410");
                case THROW_ERROR -> throw new AssertionError("a sink bug");
                default -> throw new IllegalStateException("unknown mode " + mode);
            }
        }

        @Override
        public String name() {
            return name;
        }

        List<EventId> offeredIds() {
            return offered.stream().map(Notification::eventId).toList();
        }

        List<EventId> acceptedIds() {
            return List.copyOf(accepted);
        }
    }
}
