package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class AggregateRootTest {

    /** A typed id for the test aggregate. */
    record TallyId(String value) implements Identifier {
        TallyId {
            Identifier.check(value, "tallyId");
        }
    }

    /** An event the test aggregate raises. */
    record Counted(EventId eventId, Instant occurredAt, String aggregateId, int total) implements DomainEvent {
        @Override
        public String type() {
            return "test.counted";
        }
    }

    /** A minimal aggregate: counts, and records an event per count. */
    static final class Tally extends AggregateRoot<TallyId> {
        private int total;

        Tally(TallyId id, long version) {
            super(id, version);
        }

        void count(Instant at) {
            total++;
            record(new Counted(EventId.random(), at, id().value(), total));
        }

        void recordNothing() {
            record(null);
        }
    }

    @Test
    void startsUnsavedWithNoEvents() {
        Tally t = new Tally(new TallyId("t-1"), 0);
        assertThat(t.id()).isEqualTo(new TallyId("t-1"));
        assertThat(t.version()).isZero();
        assertThat(t.pendingEvents()).isEmpty();
        assertThat(t.drainEvents()).isEmpty();
    }

    @Test
    void recordsEventsInOrderAndDrainsThemOnce() {
        Tally t = new Tally(new TallyId("t-1"), 3);
        t.count(Instant.EPOCH);
        t.count(Instant.EPOCH.plusSeconds(1));
        List<DomainEvent> pending = t.pendingEvents();
        assertThat(pending).extracting(e -> ((Counted) e).total()).containsExactly(1, 2);
        assertThatThrownBy(() -> pending.add(pending.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(t.drainEvents()).isEqualTo(pending);
        assertThat(t.pendingEvents()).isEmpty();
        assertThat(t.drainEvents()).isEmpty();
    }

    @Test
    void markSavedAdvancesTheVersionByExactlyOne() {
        Tally t = new Tally(new TallyId("t-1"), 4);
        t.markSaved(5);
        assertThat(t.version()).isEqualTo(5);
        assertThatThrownBy(() -> t.markSaved(5))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("newVersion"))
                .hasMessageContaining("must be 6 but was 5");
        assertThatThrownBy(() -> t.markSaved(7)).isInstanceOf(InvalidArgumentException.class);
        assertThat(t.version()).isEqualTo(5);
    }

    @Test
    void rejectsBadConstructionAndNullEvents() {
        assertThatThrownBy(() -> new Tally(null, 0))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("id"));
        assertThatThrownBy(() -> new Tally(new TallyId("t"), -1))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("version"));
        Tally t = new Tally(new TallyId("t"), 0);
        assertThatThrownBy(t::recordNothing)
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("event"));
        assertThat(t.pendingEvents()).isEmpty();
    }

    /** What a random command sequence may do to a tally. */
    private sealed interface Step permits Count, Drain, Save, SaveWrongVersion {
    }

    private record Count() implements Step {
    }

    private record Drain() implements Step {
    }

    private record Save() implements Step {
    }

    private record SaveWrongVersion(long offset) implements Step {
    }

    private static Gen<Step> steps() {
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(4, Generate.constant((Step) new Count())),
                org.quicktheories.api.Pair.of(2, Generate.constant((Step) new Drain())),
                org.quicktheories.api.Pair.of(2, Generate.constant((Step) new Save())),
                org.quicktheories.api.Pair.of(2, integers().between(-3, 2)
                        .map(o -> (Step) new SaveWrongVersion(o >= 1 ? o + 1 : o)))));
    }

    /** Snapshot of what a caller can observe. */
    private record Observed(long version, List<DomainEvent> pending) {
        static Observed of(Tally t) {
            return new Observed(t.version(), t.pendingEvents());
        }
    }

    @Test
    void randomSequencesKeepVersionAndEventsConsistent() {
        qt().forAll(longs().between(0, 1000), lists().of(steps()).ofSizeBetween(0, 40)).checkAssert((start, steps) -> {
            Tally t = new Tally(new TallyId("t-9"), start);
            long expectedVersion = start;
            List<DomainEvent> expectedPending = new ArrayList<>();
            int counted = 0;
            for (Step step : steps) {
                Observed before = Observed.of(t);
                if (step instanceof Count) {
                    t.count(Instant.EPOCH.plusSeconds(counted));
                    counted++;
                    List<DomainEvent> pending = t.pendingEvents();
                    expectedPending.add(pending.get(pending.size() - 1));
                    assertThat(((Counted) pending.get(pending.size() - 1)).total()).isEqualTo(counted);
                } else if (step instanceof Drain) {
                    assertThat(t.drainEvents()).isEqualTo(expectedPending);
                    expectedPending.clear();
                } else if (step instanceof Save) {
                    t.markSaved(t.version() + 1);
                    expectedVersion++;
                } else if (step instanceof SaveWrongVersion wrong) {
                    long newVersion = t.version() + wrong.offset();
                    assertThatThrownBy(() -> t.markSaved(newVersion)).isInstanceOf(InvalidArgumentException.class);
                    assertThat(Observed.of(t)).as("a rejected save changes nothing").isEqualTo(before);
                }
                // invariants after every step
                assertThat(t.version()).isEqualTo(expectedVersion).isNotNegative();
                assertThat(t.pendingEvents()).isEqualTo(expectedPending);
                assertThat(t.pendingEvents()).allMatch(e -> e.aggregateId().equals("t-9"));
            }
        });
    }
}
