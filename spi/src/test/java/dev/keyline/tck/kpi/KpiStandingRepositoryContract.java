package dev.keyline.tck.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiStandingEntry;
import dev.keyline.domain.kpi.KpiStandingId;
import dev.keyline.domain.kpi.KpiStandingSnapshot;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.kpi.KpiStandingRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KpiStandingRepository}: the generic version checks of
 * {@link AggregateRepositoryContract} on real standings, standings of random value sequences that
 * read back whole after every save, and the standings of a unit in KPI order.
 */
public abstract class KpiStandingRepositoryContract
        extends AggregateRepositoryContract<KpiStanding, KpiStandingId, KpiStandingSnapshot> {

    private static final KpiCatalogue SEED = KpiCatalogue.seed();
    private static final KpiId KPI = KpiCatalogue.MARKET_RESPONSE_COMPLIANCE;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private int next;

    /** How many random examples the property runs. */
    protected int propertyExamples() {
        return 20;
    }

    private KpiStandingRepository standings() {
        return storage.port(KpiStandingRepository.class);
    }

    @Override
    protected AggregateRepository<KpiStanding, KpiStandingId> repository(StorageProvider storage) {
        return storage.port(KpiStandingRepository.class);
    }

    @Override
    protected KpiStandingId newId() {
        return KpiStanding.open(KPI, new KpiUnit("unit-" + (++next))).id();
    }

    @Override
    protected KpiStanding newAggregate(KpiStandingId id) {
        return KpiStanding.open(id.kpi(), id.unit());
    }

    /** Records the period after the last one, alternating a poor and a good value. */
    @Override
    protected void change(KpiStanding standing) {
        record(standing, standing.entries().size() % 2 == 0 ? 1 : 10, 10);
    }

    private static void record(KpiStanding standing, long numerator, long denominator) {
        KpiDefinition definition = SEED.get(standing.kpi());
        Period period = standing.lastEntry().map(e -> e.period().next())
                .orElse(Period.containing(LocalDate.of(2026, 1, 1), definition.granularity()));
        standing.record(definition, KpiValue.ratio(standing.kpi(), period, numerator, denominator),
                T0.plusSeconds(standing.entries().size() * 60L));
    }

    @Override
    protected KpiStandingSnapshot snapshot(KpiStanding standing) {
        return standing.snapshot();
    }

    @Override
    protected KpiStanding restore(KpiStandingSnapshot snapshot) {
        return KpiStanding.restore(snapshot);
    }

    /** Records the same period twice. */
    @Override
    protected KpiStandingSnapshot corrupt(KpiStandingSnapshot s) {
        KpiStanding standing = KpiStanding.open(s.id().kpi(), s.id().unit());
        record(standing, 1, 2);
        KpiStandingEntry entry = standing.entries().get(0);
        return new KpiStandingSnapshot(s.id(), s.version(), List.of(entry, entry));
    }

    @Test
    void standingsOfRandomValuesReadBackWholeAfterEverySave() {
        qt().withExamples(propertyExamples()).withFixedSeed(7L).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            KpiStanding standing = newAggregate(newId());
            saveInTransaction(standing);
            int periods = 1 + random.nextInt(6);
            for (int i = 0; i < periods; i++) {
                KpiStanding loaded = load(standing.id());
                long d = 1 + random.nextInt(20);
                record(loaded, random.nextInt((int) d + 1), d);
                saveInTransaction(loaded);
                KpiStanding again = load(standing.id());
                assertThat(again.snapshot()).isEqualTo(loaded.snapshot());
                assertThat(again.entries()).hasSize(i + 1);
                List<Period> order = new ArrayList<>(again.entries().stream().map(KpiStandingEntry::period).toList());
                assertThat(order).isSorted().doesNotHaveDuplicates();
            }
        });
    }

    @Test
    void theStandingsOfAUnitAreFoundInKpiOrder() {
        KpiUnit unit = new KpiUnit("unit-of-three");
        KpiStanding compliance = KpiStanding.open(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE, unit);
        KpiStanding churn = KpiStanding.open(KpiCatalogue.CHURN_RATE, unit);
        KpiStanding elsewhere = KpiStanding.open(KpiCatalogue.CHURN_RATE, new KpiUnit("other-unit"));
        storage.transactions().run(() -> List.of(compliance, churn, elsewhere).forEach(repository::save));

        assertThat(inTransaction(() -> standings().ofUnit(unit))).extracting(KpiStanding::kpi)
                .containsExactly(KpiCatalogue.CHURN_RATE, KpiCatalogue.MARKET_RESPONSE_COMPLIANCE);
        assertThat(inTransaction(() -> standings().ofUnit(new KpiUnit("nobody")))).isEmpty();
    }
}
