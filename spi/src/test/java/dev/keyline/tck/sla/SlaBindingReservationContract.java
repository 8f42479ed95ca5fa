package dev.keyline.tck.sla;

import static dev.keyline.domain.sla.SlaSamples.DDN;
import static dev.keyline.domain.sla.SlaSamples.FR;
import static dev.keyline.domain.sla.SlaSamples.GENERAL_MANAGER;
import static dev.keyline.domain.sla.SlaSamples.MARKETING;
import static dev.keyline.domain.sla.SlaSamples.NETWORK_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationMade;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.MonthlyReportLine;
import dev.keyline.domain.sla.ReservationChange;
import dev.keyline.domain.sla.ReservationEntry;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaReservationReference;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.BindingReservations;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resources area's binding reservations reaching the SLA they are made against, through the
 * reaction {@link BindingReservations} on one provider: a reservation with purpose SLA is recorded on
 * the SLA its reference names (and counted in the monthly report), its end (cancelled, expired,
 * completed) is recorded as a release, nothing is recorded twice when an event comes again, an
 * order's reservation changes no SLA, and a reference naming no SLA or of the wrong form is
 * dead-lettered with the reason. It needs a provider that stores both the resource and the SLA area.
 */
public abstract class SlaBindingReservationContract extends StorageBackedContract {

    private static final SlaId SLA = new SlaId("SLA-SZ-GROUP-2026");
    private static final PoolId POOL = new PoolId("SZ-DDN-1");
    private static final AccountId HOLDER = new AccountId("GROUP-CUSTOMERS");

    private TestClock clock;
    private Keyline keyline;
    private ResourcePools resources;
    private ServiceLevelAgreements slas;

    /** An SLA in force for 2026 and a pool of ten DDN ports, on 2 March 2026. */
    @BeforeEach
    void createWorld() {
        clock = TestClock.at(SlaSamples.at(2025, 12, 1));
        keyline = Keyline.builder().storage(storage).clock(clock).zone(SlaSamples.ZONE).build();
        resources = ResourcePools.on(keyline);
        slas = ServiceLevelAgreements.on(keyline);
        slas.draft(MARKETING, SLA, MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2026), 2,
                SlaSamples.terms(), SlaSamples.agreements(12));
        slas.sign(MARKETING, SLA, SlaParty.MARKETING);
        slas.sign(NETWORK_CENTRE, SLA, SlaParty.NETWORK_CENTRE);
        slas.approve(GENERAL_MANAGER, SLA);
        clock.set(SlaSamples.at(2026, 3, 2));
        resources.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT, new PoolLocation(SlaSamples.SUZHOU, "EXCH-1"),
                10, Duration.ZERO);
    }

    private ReservationSnapshot reserve(String id, ReservationPurpose purpose, String reference, long units) {
        Instant now = clock.instant();
        return resources.reserve(MARKETING, POOL, new ReservationId(id), new ReservationTerms(HOLDER, purpose, reference,
                units, now, now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(5))));
    }

    private static String bindingOn(SlaId sla, dev.keyline.domain.common.ProductCode product) {
        return new SlaReservationReference(sla, product).text();
    }

    private List<ReservationEntry> book() {
        return slas.find(SLA).orElseThrow().reservations();
    }

    private List<String> held() {
        List<ReservationEntry> book = book();
        return book.stream().filter(e -> e.change() == ReservationChange.MADE).map(ReservationEntry::reference)
                .filter(r -> book.stream().noneMatch(e -> e.reference().equals(r) && e.change() == ReservationChange.RELEASED))
                .toList();
    }

    @Test
    void theSlaAreaWiresItsReactionOnAStorageThatStoresIt() {
        assertThat(keyline.reactions()).extracting(Reaction::name).contains(BindingReservations.REACTION);
    }

    @Test
    void aBindingReservationIsRecordedOnItsSlaAndCountedInTheMonthlyReportAndNeverTwice() {
        ReservationSnapshot r = reserve("R1", ReservationPurpose.SLA, bindingOn(SLA, DDN), 3);
        reserve("R2", ReservationPurpose.ORDER, "ORD-7", 2);
        assertThat(r.purpose()).isEqualTo(ReservationPurpose.SLA);
        assertThat(book()).as("not before the relay ran").isEmpty();

        keyline.relay().pumpUntilIdle(20);

        assertThat(book()).containsExactly(new ReservationEntry("R1", DDN, 3, ReservationChange.MADE, r.madeAt()));
        assertThat(slas.monthlyReport(SLA, YearMonth.of(2026, 3)).lines()).filteredOn(l -> l.product().equals(DDN))
                .singleElement().extracting(MonthlyReportLine::reserved).isEqualTo(3);

        Reaction reaction = keyline.reactions().stream().filter(x -> x.name().equals(BindingReservations.REACTION))
                .findFirst().orElseThrow();
        ReservationMade again = new ReservationMade(EventId.random(), r.madeAt(), r.id(), POOL, HOLDER,
                ReservationPurpose.SLA, r.reference(), true, resources.findPool(POOL).orElseThrow().reservations().stream()
                        .filter(h -> h.reservation().equals(r.id())).findFirst().orElseThrow().units(),
                r.start(), r.end(), r.expiresAt());
        keyline.run(ctx -> reaction.handler().react(again, ctx));
        keyline.run(ctx -> ctx.publish(again));
        keyline.relay().pumpUntilIdle(20);

        assertThat(book()).as("recorded once").hasSize(1);
        assertThat(keyline.relay().deadLetters(BindingReservations.REACTION, 10)).isEmpty();
    }

    @Test
    void aCancelledExpiredOrCompletedBindingReservationIsRecordedAsReleasedOnce() {
        ReservationSnapshot cancelled = reserve("R1", ReservationPurpose.SLA, bindingOn(SLA, DDN), 2);
        ReservationSnapshot expiring = reserve("R2", ReservationPurpose.SLA, bindingOn(SLA, FR), 1);
        ReservationSnapshot completed = reserve("R3", ReservationPurpose.SLA, bindingOn(SLA, DDN), 1);
        ReservationSnapshot kept = reserve("R4", ReservationPurpose.SLA, bindingOn(SLA, DDN), 1);
        keyline.relay().pumpUntilIdle(20);
        assertThat(held()).containsExactly("R1", "R2", "R3", "R4");

        resources.cancel(MARKETING, cancelled.id(), "the customer withdrew");
        resources.allocate(NETWORK_CENTRE, completed.id(), new AllocationId("L1"), 1);
        resources.redate(MARKETING, kept.id(), clock.instant().plus(Duration.ofDays(20)));
        clock.advance(Duration.ofDays(6));
        keyline.relay().pumpUntilIdle(20);

        assertThat(held()).as("only the re-dated one is still held").containsExactly(kept.id().value());
        assertThat(book()).filteredOn(e -> e.change() == ReservationChange.RELEASED)
                .extracting(ReservationEntry::reference).containsExactlyInAnyOrder("R1", "R2", "R3");
        assertThat(book()).filteredOn(e -> e.reference().equals("R2")).extracting(ReservationEntry::product)
                .containsOnly(FR);

        resources.expireDue(10);
        keyline.relay().pumpUntilIdle(20);
        assertThat(book()).as("nothing released twice").hasSize(4 + 3);
        assertThat(keyline.relay().deadLetters(BindingReservations.REACTION, 10)).isEmpty();
        ServiceLevelAgreementRepository repository = storage.port(ServiceLevelAgreementRepository.class);
        Optional<SlaId> recording = keyline.execute(ctx -> repository.recordingReservation("R2"));
        Optional<SlaId> none = keyline.execute(ctx -> repository.recordingReservation("R9"));
        assertThat(recording).contains(SLA);
        assertThat(none).isEmpty();
    }

    @Test
    void aReservationNamingNoSlaOrNotOfTheFormIsDeadLetteredWithTheReasonAndRecordsNothing() {
        reserve("R1", ReservationPurpose.SLA, bindingOn(new SlaId("SLA-NOBODY"), DDN), 1);
        reserve("R2", ReservationPurpose.SLA, "SLA-SZ-GROUP-2026", 1);
        reserve("R3", ReservationPurpose.SLA, bindingOn(SLA, new dev.keyline.domain.common.ProductCode("ATM")), 1);
        keyline.relay().pumpUntilIdle(20);

        List<OutboxEntry> dead = keyline.relay().deadLetters(BindingReservations.REACTION, 10);
        assertThat(dead).extracting(e -> e.delivery(BindingReservations.REACTION).orElseThrow().lastError())
                .satisfiesExactlyInAnyOrder(
                        error -> assertThat(error).contains("R1").contains("there is no SLA SLA-NOBODY"),
                        error -> assertThat(error).contains("R2").contains("<SLA id>/<product>"),
                        error -> assertThat(error).contains("R3").contains("ATM"));
        assertThat(book()).isEmpty();
    }
}
