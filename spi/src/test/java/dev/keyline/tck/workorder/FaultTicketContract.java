package dev.keyline.tck.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketProperties;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link FaultTicketRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real fault tickets (whose change moves them one step along
 * the flow), the queries the sweeps and the statistics use, and round trips of tickets after random
 * command sequences on random calendars. A provider runs it by extending
 * {@link WorkOrderAreaContract}, or this class directly with {@link #newStorage()}.
 */
public abstract class FaultTicketContract
        extends AggregateRepositoryContract<FaultTicket, FaultTicketId, FaultTicketSnapshot> {

    /** When the hand-made tickets are reported: Monday 2 March 2026, 09:00 in Shanghai. */
    protected static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    /** The zone of the calendar. */
    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Every moment is working time, so deadlines are easy to read. */
    protected static final BusinessCalendar ALL_DAYS = BusinessCalendar.allDays(SHANGHAI);

    /** One hour to respond and eight to resolve, for every priority; class A: 30 min and 4 h. */
    protected static final TicketClockPolicy POLICY = policy();

    private static final Actor CALL_CENTRE = Actor.withRoles(new UserId("li"), Role.ACCOUNT_MANAGER);
    private static final Actor NETWORK = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor STATION = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);

    private final AtomicInteger ids = new AtomicInteger();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** The repository under test, with its queries. */
    protected FaultTicketRepository tickets() {
        return storage.port(FaultTicketRepository.class);
    }

    @Override
    protected AggregateRepository<FaultTicket, FaultTicketId> repository(StorageProvider storage) {
        return storage.port(FaultTicketRepository.class);
    }

    @Override
    protected FaultTicketId newId() {
        return new FaultTicketId("FT-" + ids.incrementAndGet());
    }

    @Override
    protected FaultTicket newAggregate(FaultTicketId id) {
        return report(id, T0, Optional.empty());
    }

    /** Moves the ticket one step: diagnose, dispatch, repair, return, reply, close. */
    @Override
    protected void change(FaultTicket ticket) {
        Instant at = ticket.log().get(ticket.log().size() - 1).at().plus(Duration.ofMinutes(20));
        switch (ticket.state()) {
            case REPORTED -> ticket.diagnose(NETWORK, "far-end card", ALL_DAYS, at);
            case DIAGNOSED -> ticket.dispatch(NETWORK, new FaultStation("ST-1"), "replace it", ALL_DAYS, at);
            case DISPATCHED -> ticket.startRepair(STATION, "on site", ALL_DAYS, at);
            case IN_REPAIR -> ticket.returnRepaired(NETWORK, new FaultCause("CARD"), "replaced", ALL_DAYS, at);
            case RETURNED -> ticket.reply(CALL_CENTRE, "told the customer", ALL_DAYS, at);
            case REPLIED -> ticket.close(CALL_CENTRE, "confirmed", ALL_DAYS, at);
            default -> throw new IllegalStateException("no next step from " + ticket.state());
        }
    }

    @Override
    protected FaultTicketSnapshot snapshot(FaultTicket ticket) {
        return ticket.snapshot();
    }

    @Override
    protected FaultTicket restore(FaultTicketSnapshot snapshot) {
        return FaultTicket.restore(snapshot);
    }

    @Override
    protected FaultTicketSnapshot corrupt(FaultTicketSnapshot s) {
        FaultTicketState wrong = s.state() == FaultTicketState.CLOSED ? FaultTicketState.REPORTED : FaultTicketState.CLOSED;
        return new FaultTicketSnapshot(s.id(), s.version(), s.account(), s.product(), s.source(), s.priority(),
                s.serviceClass(), wrong, s.station(), s.cause(), s.log(), s.response(), s.resolution());
    }

    /** A ticket reported at {@code at} by the call centre. */
    protected static FaultTicket report(FaultTicketId id, Instant at, Optional<FaultServiceClass> serviceClass) {
        return FaultTicket.report(id, new AccountId("A-BANK"), new ProductCode("DDN"), FaultSource.CALL_CENTRE,
                FaultPriority.HIGH, serviceClass, "line to the branch is down", POLICY, CALL_CENTRE, ALL_DAYS, at);
    }

    private static TicketClockPolicy policy() {
        Map<FaultPriority, TicketClockTargets> table = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            table.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
        }
        return TicketClockPolicy.byPriority(table).withServiceClass(FaultServiceClass.A,
                new TicketClockTargets(Duration.ofMinutes(30), Duration.ofHours(4)));
    }

    private void saveAll(FaultTicket... all) {
        storage.transactions().run(() -> List.of(all).forEach(repository::save));
    }

    private List<FaultTicketId> idsOf(java.util.function.Supplier<Stream<FaultTicket>> query) {
        return inTransaction(() -> {
            try (Stream<FaultTicket> found = query.get()) {
                return found.map(FaultTicket::id).toList();
            }
        });
    }

    /** The queries. */
    @Nested
    class Queries {

        @Test
        void ticketsAreFoundByStateAndDeadlineEarliestFirst() {
            FaultTicket late = report(newId(), T0.plusSeconds(600), Optional.empty());
            FaultTicket early = report(newId(), T0, Optional.empty());
            FaultTicket classA = report(newId(), T0.plusSeconds(1200), Optional.of(FaultServiceClass.A));
            FaultTicket diagnosed = report(newId(), T0, Optional.empty());
            diagnosed.diagnose(NETWORK, "card", ALL_DAYS, T0.plusSeconds(60));
            saveAll(late, early, classA, diagnosed);

            // resolution deadlines: early T0+8h, late T0+8h10m, class A T0+20m+4h
            assertThat(idsOf(() -> tickets().byStateAndDeadline(FaultTicketState.REPORTED, TicketClockKind.RESOLUTION,
                    T0.plus(Duration.ofHours(9))))).containsExactly(classA.id(), early.id(), late.id());
            assertThat(idsOf(() -> tickets().byStateAndDeadline(FaultTicketState.REPORTED, TicketClockKind.RESOLUTION,
                    T0.plus(Duration.ofHours(8)).plusSeconds(1)))).containsExactly(classA.id(), early.id());
            assertThat(idsOf(() -> tickets().byStateAndDeadline(FaultTicketState.REPORTED, TicketClockKind.RESPONSE,
                    T0.plusSeconds(3_600)))).containsExactly(classA.id());
            assertThat(idsOf(() -> tickets().byStateAndDeadline(FaultTicketState.DIAGNOSED, TicketClockKind.RESOLUTION,
                    T0.plus(Duration.ofDays(1))))).containsExactly(diagnosed.id());
            assertThat(idsOf(() -> tickets().byStateAndDeadline(FaultTicketState.CLOSED, TicketClockKind.RESOLUTION,
                    T0.plus(Duration.ofDays(1))))).isEmpty();
        }

        @Test
        void warningsAndBreachesDueAreFoundUntilTheyAreRecorded() {
            FaultTicket ticket = report(newId(), T0, Optional.empty());
            FaultTicket paused = report(newId(), T0, Optional.empty());
            paused.awaitCustomer(NETWORK, "no access", ALL_DAYS, T0.plusSeconds(60));
            FaultTicket diagnosed = report(newId(), T0, Optional.empty());
            diagnosed.diagnose(NETWORK, "card", ALL_DAYS, T0.plusSeconds(60));
            saveAll(ticket, paused, diagnosed);
            Instant warning = T0.plus(Duration.ofMinutes(48)); // 80 % of the response hour

            assertThat(inTransaction(() -> tickets().warningsDue(warning.minusSeconds(1)))).isEmpty();
            assertThat(inTransaction(() -> tickets().warningsDue(warning))).extracting(FaultTicket::id)
                    .containsExactly(ticket.id());
            assertThat(inTransaction(() -> tickets().breachesDue(T0.plusSeconds(3_600)))).isEmpty();
            assertThat(inTransaction(() -> tickets().breachesDue(T0.plusSeconds(3_601)))).extracting(FaultTicket::id)
                    .containsExactly(ticket.id());

            storage.transactions().run(() -> {
                FaultTicket loaded = repository.get(ticket.id());
                loaded.recordDueAlerts(T0.plusSeconds(3_601));
                repository.save(loaded);
            });
            assertThat(inTransaction(() -> tickets().warningsDue(T0.plusSeconds(3_601)))).isEmpty();
            assertThat(inTransaction(() -> tickets().breachesDue(T0.plusSeconds(3_601)))).isEmpty();
            // the resolution clock still warns later: 80 % of 8 h
            assertThat(inTransaction(() -> tickets().warningsDue(T0.plus(Duration.ofMinutes(384)))))
                    .extracting(FaultTicket::id).containsExactly(ticket.id(), diagnosed.id());
        }

        @Test
        void resolvedTicketsAreStreamedByPeriodInOrderOfResolution() {
            FaultTicket march = report(newId(), T0, Optional.empty());
            FaultTicket april = report(newId(), T0, Optional.empty());
            FaultTicket open = report(newId(), T0, Optional.empty());
            for (int i = 0; i < 4; i++) {
                change(march);
                change(april);
            }
            change(open);
            // move April's return into April: re-run its last step later
            FaultTicket aprilLate = report(newId(), Instant.parse("2026-03-31T15:00:00Z"), Optional.empty());
            Instant at = Instant.parse("2026-03-31T15:30:00Z");
            aprilLate.diagnose(NETWORK, "card", ALL_DAYS, at);
            aprilLate.dispatch(NETWORK, new FaultStation("ST-2"), "go", ALL_DAYS, at);
            aprilLate.startRepair(STATION, "on site", ALL_DAYS, at);
            aprilLate.returnRepaired(NETWORK, new FaultCause("POWER"), "fixed", ALL_DAYS,
                    Instant.parse("2026-03-31T16:30:00Z")); // 00:30 on 1 April in Shanghai
            saveAll(march, april, open, aprilLate);

            assertThat(idsOf(() -> tickets().resolvedIn(Period.month(YearMonth.of(2026, 3)), SHANGHAI)))
                    .containsExactly(march.id(), april.id());
            assertThat(idsOf(() -> tickets().resolvedIn(Period.month(YearMonth.of(2026, 4)), SHANGHAI)))
                    .containsExactly(aprilLate.id());
            assertThat(idsOf(() -> tickets().resolvedIn(Period.month(YearMonth.of(2026, 3)), ZoneId.of("UTC"))))
                    .containsExactly(march.id(), april.id(), aprilLate.id());
        }

        @Test
        void queriesNeedATransactionAndNameAMissingArgument() {
            assertThatThrownBy(() -> tickets().warningsDue(T0)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> tickets().breachesDue(T0)).isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> tickets().warningsDue(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("now");
                assertThatThrownBy(() -> tickets().breachesDue(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("now");
                assertThatThrownBy(() -> tickets().byStateAndDeadline(null, TicketClockKind.RESPONSE, T0))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("state");
                assertThatThrownBy(() -> tickets().byStateAndDeadline(FaultTicketState.REPORTED, null, T0))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("clock");
                assertThatThrownBy(() -> tickets().byStateAndDeadline(FaultTicketState.REPORTED,
                        TicketClockKind.RESPONSE, null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("before");
                assertThatThrownBy(() -> tickets().resolvedIn(null, SHANGHAI))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("period");
                assertThatThrownBy(() -> tickets().resolvedIn(Period.month(YearMonth.of(2026, 3)), null))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("zone");
            });
        }
    }

    /** Every field, the whole log and both clocks survive saving and loading, step by step. */
    @Nested
    class RoundTrips {

        @Test
        void aTicketWithAPauseAWarningAndABreachRoundTripsAfterEveryStep() {
            FaultTicket ticket = report(newId(), T0, Optional.of(FaultServiceClass.A));
            saveAll(ticket);
            ticket = load(ticket.id());
            ticket.awaitCustomer(NETWORK, "no access to the room", ALL_DAYS, T0.plusSeconds(600));
            ticket.resume(NETWORK, "room open", ALL_DAYS, T0.plusSeconds(4_000));
            ticket.recordDueAlerts(T0.plusSeconds(7_200));
            saveAll(ticket);
            FaultTicket loaded = load(ticket.id());
            assertThat(loaded.snapshot()).isEqualTo(ticket.snapshot());
            assertThat(loaded.responseClock().breachedAt()).isNotNull();
            while (!loaded.state().isFinal()) {
                change(loaded);
                FaultTicketSnapshot expected = loaded.snapshot();
                saveAll(loaded);
                assertThat(load(loaded.id()).snapshot()).isEqualTo(loaded.snapshot());
                assertThat(expected.version() + 1).isEqualTo(loaded.version());
            }
        }

        @Test
        void ticketsAfterRandomCommandSequencesOnRandomCalendarsRoundTrip() {
            qt().withExamples(propertyExamples()).forAll(FaultTicketProperties.calendars(),
                    FaultTicketProperties.calendars(), FaultTicketProperties.policies(),
                    lists().of(FaultTicketProperties.steps()).ofSizeBetween(0, 20))
                    .checkAssert((calendar, other, policy, steps) -> FaultTicketProperties.run(newId(), calendar, other,
                            policy, steps).ifPresent(ticket -> {
                                saveAll(ticket);
                                FaultTicket loaded = load(ticket.id());
                                assertThat(loaded.snapshot()).isEqualTo(ticket.snapshot());
                                assertThat(loaded.version()).isEqualTo(1);
                            }));
        }
    }
}
