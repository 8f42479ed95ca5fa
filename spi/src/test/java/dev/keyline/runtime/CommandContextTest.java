package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.tck.RecordingSink;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.FixtureEvent;
import dev.keyline.tck.fixture.InMemoryTallyRepository;
import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyAdvanced;
import dev.keyline.tck.fixture.TallyId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CommandContextTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryTallyRepository tallies = new InMemoryTallyRepository(storage);
    private final TestClock clock = TestClock.standard();
    private final RecordingSink sink = new RecordingSink("recorder");
    private final Keyline keyline = Keyline.builder().storage(storage).clock(clock).sink(sink).build();
    private final TallyId id = new TallyId("t-1");

    private List<OutboxEntry> pending() {
        return storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 100));
    }

    @Test
    void savingAppendsTheAggregatesEventsInTheSameTransactionAndDrainsThem() {
        Tally tally = Tally.open(id, "visits");
        List<DomainEvent> raised = keyline.execute(ctx -> {
            tally.advance(2, ctx.now());
            tally.advance(3, ctx.now());
            List<DomainEvent> events = tally.pendingEvents();
            ctx.save(tallies, tally);
            assertThat(ctx.published()).isEqualTo(events);
            return events;
        });

        assertThat(tally.pendingEvents()).isEmpty();
        assertThat(tally.version()).isEqualTo(1);
        assertThat(pending()).extracting(e -> e.message().eventId())
                .containsExactly(raised.get(0).eventId(), raised.get(1).eventId());
        OutboxEntry first = pending().get(0);
        assertThat(first.message().type()).isEqualTo(TallyAdvanced.TYPE);
        assertThat(first.message().aggregateId()).isEqualTo("t-1");
        assertThat(keyline.json().readEvent(first.message().type(), first.message().payload())).isEqualTo(raised.get(0));
    }

    @Test
    void theRelayDeliversASavedAggregatesEventsInOrder() {
        Tally tally = Tally.open(id, "visits");
        keyline.run(ctx -> {
            tally.advance(1, ctx.now());
            tally.advance(1, ctx.now());
            ctx.save(tallies, tally);
        });
        keyline.run(ctx -> {
            Tally loaded = tallies.get(id);
            loaded.advance(5, ctx.now());
            ctx.save(tallies, loaded);
        });

        keyline.relay().pumpUntilIdle(10);

        assertThat(sink.accepted()).extracting(n -> ((TallyAdvanced) keyline.json().readEvent(n.type(), n.payload())).count())
                .containsExactly(1L, 2L, 7L);
    }

    @Test
    void aStaleSaveAppendsNothingAndTheAggregateKeepsItsEvents() {
        keyline.run(ctx -> ctx.save(tallies, Tally.open(id, "visits")));
        Tally stale = keyline.execute(ctx -> tallies.get(id));
        keyline.run(ctx -> {
            Tally fresh = tallies.get(id);
            fresh.advance(1, ctx.now());
            ctx.save(tallies, fresh);
        });
        int pendingBefore = pending().size();
        stale.advance(4, clock.instant());
        List<DomainEvent> events = stale.pendingEvents();

        assertThatThrownBy(() -> keyline.run(ctx -> ctx.save(tallies, stale))).isInstanceOf(StaleVersionException.class);

        assertThat(stale.pendingEvents()).isEqualTo(events);
        assertThat(stale.version()).isEqualTo(1);
        assertThat(pending()).hasSize(pendingBefore);
    }

    @Test
    void whenTheCommandFailsAfterSavingNothingIsStoredAndNoEventIsDelivered() {
        Tally tally = Tally.open(id, "visits");
        IllegalStateException boom = new IllegalStateException("a later step failed");

        assertThatThrownBy(() -> keyline.run(ctx -> {
            tally.advance(1, ctx.now());
            ctx.save(tallies, tally);
            throw boom;
        })).isSameAs(boom);
        keyline.relay().pumpUntilIdle(10);

        assertThat(storage.transactions().execute(() -> tallies.find(id))).isEmpty();
        assertThat(pending()).isEmpty();
        assertThat(sink.offered()).isEmpty();
        // as documented: the object is out of step with storage and must be reloaded, never saved again
        assertThat(tally.pendingEvents()).isEmpty();
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.save(tallies, tally))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void publishedEventsThatNoAggregateRaisedAreDeliveredToo() {
        FixtureEvent event = FixtureEvent.about("population", clock.instant(), "classified");
        keyline.run(ctx -> ctx.publish(event));

        keyline.relay().pumpOnce();

        assertThat(sink.acceptedIds()).containsExactly(event.eventId());
    }

    @Test
    void nowIsTheClocksTimeWhenTheCommandStartedForAllItsParts() {
        clock.advance(Duration.ofMinutes(3));
        var seen = keyline.execute(ctx -> {
            var first = ctx.now();
            clock.advance(Duration.ofSeconds(5));
            assertThat(ctx.clock().instant()).isEqualTo(first.plusSeconds(5));
            return List.of(first, ctx.now());
        });

        assertThat(seen).containsOnly(TestClock.DEFAULT_START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aNestedCommandJoinsTheOuterTransaction() {
        FixtureEvent outer = FixtureEvent.about("a", clock.instant(), "outer");
        FixtureEvent inner = FixtureEvent.about("b", clock.instant(), "inner");
        IllegalStateException boom = new IllegalStateException("outer fails after the inner command");

        assertThatThrownBy(() -> keyline.run(ctx -> {
            ctx.publish(outer);
            keyline.run(nested -> nested.publish(inner));
            throw boom;
        })).isSameAs(boom);

        assertThat(pending()).isEmpty();
    }

    @Test
    void theContextCannotBeUsedAfterTheCommand() {
        AtomicReference<CommandContext> escaped = new AtomicReference<>();
        keyline.run(escaped::set);
        FixtureEvent event = FixtureEvent.about("a", clock.instant(), "late");

        assertThatThrownBy(() -> escaped.get().publish(event)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("ended");
        assertThatThrownBy(() -> escaped.get().now()).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void theResultOfACommandIsReturned() {
        int result = keyline.execute(ctx -> 42);
        assertThat(result).isEqualTo(42);
    }
}
