package dev.keyline.memory.workorder;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.FaultTransition;
import dev.keyline.domain.workorder.TicketClock;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.workorder.FaultTicketRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Fault tickets in an {@link InMemoryStorage} table, kept as snapshots. */
final class InMemoryFaultTicketRepository
        extends InMemoryAggregateRepository<FaultTicket, FaultTicketId, FaultTicketSnapshot>
        implements FaultTicketRepository {

    private static final Comparator<FaultTicketSnapshot> BY_ID = Comparator.comparing(s -> s.id().value());

    InMemoryFaultTicketRepository(InMemoryStorage storage) {
        super(storage, "fault ticket", FaultTicketSnapshot.class, FaultTicket::snapshot, FaultTicket::restore);
    }

    @Override
    public Stream<FaultTicket> byStateAndDeadline(FaultTicketState state, TicketClockKind clock, Instant before) {
        Require.nonNull(state, "state");
        Require.nonNull(clock, "clock");
        Require.nonNull(before, "before");
        return table().scan(s -> s.state() == state && deadline(s, clock) != null && deadline(s, clock).isBefore(before))
                .sorted(Comparator.comparing((FaultTicketSnapshot s) -> deadline(s, clock)).thenComparing(BY_ID))
                .map(this::restore);
    }

    @Override
    public List<FaultTicket> warningsDue(Instant now) {
        Require.nonNull(now, "now");
        return table().scan(s -> s.response().warningDue(now) || s.resolution().warningDue(now)).sorted(BY_ID)
                .map(this::restore).toList();
    }

    @Override
    public List<FaultTicket> breachesDue(Instant now) {
        Require.nonNull(now, "now");
        return table().scan(s -> s.response().breachDue(now) || s.resolution().breachDue(now)).sorted(BY_ID)
                .map(this::restore).toList();
    }

    @Override
    public Stream<FaultTicket> resolvedIn(Period period, ZoneId zone) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        Instant from = period.startAt(zone);
        Instant to = period.endAt(zone);
        return table().scan(s -> resolvedAt(s).filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent())
                .sorted(Comparator.comparing((FaultTicketSnapshot s) -> resolvedAt(s).orElseThrow()).thenComparing(BY_ID))
                .map(this::restore);
    }

    private static Instant deadline(FaultTicketSnapshot s, TicketClockKind kind) {
        TicketClock clock = kind == TicketClockKind.RESPONSE ? s.response() : s.resolution();
        return clock.deadline();
    }

    private static Optional<Instant> resolvedAt(FaultTicketSnapshot s) {
        return s.log().stream().filter(t -> t.to() == FaultTicketState.RETURNED).map(FaultTransition::at).findFirst();
    }
}
