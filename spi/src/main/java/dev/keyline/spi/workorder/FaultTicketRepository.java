package dev.keyline.spi.workorder;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.spi.AggregateRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stores {@link FaultTicket}s: the ticket with its transition log (append-only) and its two
 * clocks with their logs, restored through {@link FaultTicket#restore}. Besides the common
 * operations it answers the queries the clocks' sweeps, the dispatch desk and the monthly
 * statistics need. Every method must run inside a transaction of the provider.
 */
public interface FaultTicketRepository extends AggregateRepository<FaultTicket, FaultTicketId> {

    /**
     * The tickets in a state whose clock's stored deadline lies before an instant, for example the
     * dispatched tickets whose resolution is due within the hour.
     *
     * @param state the state
     * @param clock which clock's deadline
     * @param before the instant the deadline lies before (exclusive)
     * @return the tickets, earliest deadline first, then by id; a stream that must be closed
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     */
    Stream<FaultTicket> byStateAndDeadline(FaultTicketState state, TicketClockKind clock, Instant before);

    /**
     * The tickets with a warning due at {@code now}: a clock running or paused, without a recorded
     * warning, whose warning instant is not after {@code now} (as
     * {@link dev.keyline.domain.workorder.TicketClock#warningDue(Instant)}).
     *
     * @param now the instant of the sweep
     * @return the tickets, by id
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code now} is null
     */
    List<FaultTicket> warningsDue(Instant now);

    /**
     * The tickets with a breach due at {@code now}: a clock running or paused, without a recorded
     * breach, whose deadline lies before {@code now} (as
     * {@link dev.keyline.domain.workorder.TicketClock#breachDue(Instant)}).
     *
     * @param now the instant of the sweep
     * @return the tickets, by id
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code now} is null
     */
    List<FaultTicket> breachesDue(Instant now);

    /**
     * The tickets resolved (returned by the dispatch centre) in a period, for the fault statistics.
     *
     * @param period the period
     * @param zone the time zone the period is reckoned in
     * @return the tickets, in order of resolution, then by id; a stream that must be closed
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     */
    Stream<FaultTicket> resolvedIn(Period period, ZoneId zone);
}
