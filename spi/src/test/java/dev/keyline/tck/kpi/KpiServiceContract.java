package dev.keyline.tck.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.KpiBandEntered;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.ResponsibilityFact;
import dev.keyline.domain.kpi.StageOnTimeComputation;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.kpi.KpiService;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.kpi.KpiResultRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KpiService} on a provider: a period's results are stored with the hash of
 * their facts (the same facts, the same hash; one more fact, another), a KPI entering red reaches
 * the outbox as {@code kpi.band-entered}, measured values are recorded revision by revision by the
 * KPI's owner, and a refused command writes nothing.
 */
public abstract class KpiServiceContract extends StorageBackedContract {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final KpiUnit CENTRE = new KpiUnit("suzhou-network-centre");
    private static final Actor IT = Actor.withRoles(new UserId("it-zhou"), Role.IT_SUPPORT);
    private static final Actor CLERK = Actor.withRoles(new UserId("am-wang"), Role.ACCOUNT_MANAGER);
    private static final StageId ONLY = new StageId("only");
    private static final StagePlan ONE_DAY = StagePlan.of(List.of(PlannedStage.ofDays(ONLY, BigDecimal.ONE, List.of())));
    private static final BusinessCalendar DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);

    private KpiService service;
    private Period period;
    private int next;

    /** A runtime on the test's storage and the service on it; the period is the compliance KPI's. */
    @BeforeEach
    void createService() {
        service = KpiService.on(Keyline.builder().storage(storage)
                .clock(TestClock.at(Instant.parse("2026-04-02T02:00:00Z"))).build());
        KpiDefinition compliance = KpiCatalogue.seed().get(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE);
        period = Period.containing(LocalDate.of(2026, 3, 10), compliance.granularity());
    }

    /** Stores a provisioning order accepted 10 March 2026, late or on time. */
    private void storeOrder(boolean late) {
        Instant start = Instant.parse("2026-03-09T01:00:00Z");
        ProvisioningOrder order = ProvisioningOrder.open(new ProvisioningOrderId("PO-" + (++next)),
                new ProvisioningParties(new AccountId("A-1"), new ProductCode("DDN"), new LocalNetworkId("SZ"),
                        new UserId("am-wang"), new UserId("it-li")),
                ONE_DAY, List.of(new StageAssignment(ONLY, new WorkOrderStation("st-1"), new LocalNetworkId("SZ"),
                        new UserId("sm-1"), new UserId("ex-1"))),
                start, DAYS, ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.empty());
        Instant done = late ? order.committedCompletion().plus(Duration.ofHours(3)) : start.plus(Duration.ofHours(2));
        order.start(ONLY, DAYS, start);
        order.complete(ONLY, done);
        order.accept("customer", done);
        storage.transactions().run(() -> storage.port(ProvisioningOrderRepository.class).save(order));
    }

    private List<String> pendingTypes() {
        return inTransaction(() -> storage.outbox().list(DeliveryStatus.PENDING, 1_000)).stream()
                .map(e -> e.message().type()).toList();
    }

    @Test
    void aPeriodsResultsAreStoredWithTheHashOfTheirFacts() {
        storeOrder(false);
        storeOrder(true);
        List<KpiResult> first = service.compute(IT, CENTRE, period, SHANGHAI);

        assertThat(first).extracting(KpiResult::kpi)
                .containsExactly(java.util.Arrays.stream(ComputedKpi.values()).map(ComputedKpi::id)
                        .toArray(dev.keyline.domain.kpi.KpiId[]::new));
        KpiResult compliance = first.get(0);
        assertThat(compliance.value().numerator()).isEqualTo(BigDecimal.ONE);
        assertThat(compliance.value().denominator()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(first).extracting(KpiResult::inputsHash).containsOnly(compliance.inputsHash());
        assertThat(service.results(CENTRE, period)).containsExactlyInAnyOrderElementsOf(first);
        assertThat(service.preview(period, SHANGHAI)).isEqualTo(first.stream().map(KpiResult::value).toList());

        List<KpiResult> again = service.compute(IT, CENTRE, period, SHANGHAI);
        assertThat(again.get(0).inputsHash()).as("the same facts, the same hash").isEqualTo(compliance.inputsHash());

        storeOrder(false);
        List<KpiResult> more = service.compute(IT, CENTRE, period, SHANGHAI);
        assertThat(more.get(0).inputsHash()).as("one more fact, another hash").isNotEqualTo(compliance.inputsHash());
        assertThat(service.results(CENTRE, period)).containsExactlyInAnyOrderElementsOf(more);
    }

    @Test
    void aKpiEnteringRedReachesTheOutboxOnce() {
        storeOrder(true);
        storeOrder(true);
        service.compute(IT, CENTRE, period, SHANGHAI);

        assertThat(pendingTypes()).contains(KpiBandEntered.TYPE);
        assertThat(service.standing(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE, CENTRE).orElseThrow().currentBand())
                .contains(Band.RED);
        long entered = pendingTypes().stream().filter(KpiBandEntered.TYPE::equals).count();
        service.compute(IT, CENTRE, period, SHANGHAI);
        assertThat(pendingTypes().stream().filter(KpiBandEntered.TYPE::equals).count())
                .as("recomputing a banded period bands nothing again").isEqualTo(entered);
    }

    @Test
    void anActorWithoutAComputingRoleIsRefusedAndNothingIsStored() {
        storeOrder(true);
        assertThatThrownBy(() -> service.compute(CLERK, CENTRE, period, SHANGHAI))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("am-wang");
        assertThat(inTransaction(() -> storage.port(KpiResultRepository.class).ofUnit(CENTRE, period))).isEmpty();
        assertThat(pendingTypes()).doesNotContain(KpiBandEntered.TYPE);
    }

    @Test
    void measuredValuesAreRecordedRevisionByRevisionByTheKpisOwner() {
        KpiDefinition satisfaction = KpiCatalogue.seed().get(KpiCatalogue.CUSTOMER_SATISFACTION);
        Actor owner = Actor.withRoles(new UserId("owner-li"), satisfaction.owner());
        Period month = Period.containing(LocalDate.of(2026, 3, 10), satisfaction.granularity());
        KpiUnit department = satisfaction.unit();

        KpiMeasurement first = service.recordMeasurement(owner, satisfaction.id(), department, month, new BigDecimal("91"));
        KpiMeasurement second = service.recordMeasurement(owner, satisfaction.id(), department, month, new BigDecimal("93.5"));

        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(service.measurement(satisfaction.id(), department, month)).contains(second);
        assertThat(service.standing(satisfaction.id(), department)).isPresent();
    }

    @Test
    void aMeasurementOfAComputedKpiOrByAnotherRoleIsRefusedAndNothingIsRecorded() {
        KpiDefinition satisfaction = KpiCatalogue.seed().get(KpiCatalogue.CUSTOMER_SATISFACTION);
        Period month = Period.containing(LocalDate.of(2026, 3, 10), satisfaction.granularity());
        Actor stranger = Actor.withRoles(new UserId("ex-wu"), Role.STATION_EXECUTOR);
        assertThatThrownBy(() -> service.recordMeasurement(stranger, satisfaction.id(), satisfaction.unit(), month,
                BigDecimal.ONE)).isInstanceOf(NotAuthorisedException.class);
        Actor general = Actor.withRoles(new UserId("gm-chen"), Role.GENERAL_MANAGER);
        assertThatThrownBy(() -> service.recordMeasurement(general, KpiCatalogue.MARKET_RESPONSE_COMPLIANCE,
                CENTRE, period, BigDecimal.ONE)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("computed");
        assertThat(service.measurement(satisfaction.id(), satisfaction.unit(), month)).isEmpty();
    }
    @Test
    void theHostsLinesInServiceAreTheDenominatorOfCapexPerLineAndOneOfTheHashedFacts() {
        storeOrder(false);
        KpiService counting = KpiService.on(Keyline.builder().storage(storage)
                .clock(TestClock.at(Instant.parse("2026-04-02T02:00:00Z"))).build(), KpiCatalogue.seed(),
                p -> p.equals(period) ? OptionalLong.of(120) : OptionalLong.empty());
        List<KpiResult> without = service.compute(IT, CENTRE, period, SHANGHAI);
        List<KpiResult> with = counting.compute(IT, CENTRE, period, SHANGHAI);

        KpiValue perLine = with.get(ComputedKpi.CAPEX_PER_LINE.ordinal()).value();
        assertThat(perLine.denominator()).isEqualByComparingTo("120");
        assertThat(perLine.value()).as("no CAPEX spent over 120 lines").contains(new BigDecimal("0.0000"));
        assertThat(without.get(ComputedKpi.CAPEX_PER_LINE.ordinal()).value().value())
                .as("without a count, no value, never 0").isEmpty();
        assertThat(with.get(0).inputsHash()).as("the count is one of the facts").isNotEqualTo(without.get(0).inputsHash());
        assertThat(counting.preview(period, SHANGHAI)).isEqualTo(with.stream().map(KpiResult::value).toList());
        Period april = Period.month(java.time.YearMonth.of(2026, 4));
        assertThat(counting.preview(april, SHANGHAI).get(ComputedKpi.CAPEX_PER_LINE.ordinal()).value())
                .as("a period the host has no count for").isEmpty();
        assertThatThrownBy(() -> KpiService.on(Keyline.builder().storage(storage).build(), KpiCatalogue.seed(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lines");
    }

    @Test
    void theStageOnTimeRateIsGivenPerLevelAndPersonFromTheStagesDoneInThePeriod() {
        storeOrder(false);
        storeOrder(true);
        StageOnTimeComputation stages = service.stageOnTime(period, SHANGHAI);

        for (Role level : ResponsibilityFact.LEVELS) {
            assertThat(stages.levelValue(level).numerator()).as(level.name()).isEqualByComparingTo("1");
            assertThat(stages.levelValue(level).denominator()).as(level.name()).isEqualByComparingTo("2");
        }
        assertThat(stages.values(Role.STATION_MANAGER)).containsOnlyKeys("sm-1");
        assertThat(stages.values(Role.STATION_EXECUTOR).get("ex-1").value()).contains(new BigDecimal("0.5000"));
        assertThat(stages.values(Role.ACCOUNT_MANAGER)).containsOnlyKeys("am-wang");
        assertThat(stages.values(Role.IT_SUPPORT)).containsOnlyKeys("it-li");
        Period april = Period.month(java.time.YearMonth.of(2026, 4));
        assertThat(service.stageOnTime(april, SHANGHAI).levelValue(Role.STATION_MANAGER).value())
                .as("no stage done in April").isEmpty();
    }
}
