package dev.keyline.memory.kpi;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiStandingId;
import dev.keyline.domain.kpi.KpiStandingSnapshot;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.kpi.KpiStandingRepository;
import java.util.Comparator;
import java.util.List;

/** The KPI standings of an {@link InMemoryStorage}. */
final class InMemoryKpiStandingRepository
        extends InMemoryAggregateRepository<KpiStanding, KpiStandingId, KpiStandingSnapshot>
        implements KpiStandingRepository {

    InMemoryKpiStandingRepository(InMemoryStorage storage) {
        super(storage, "KPI standing", KpiStandingSnapshot.class, KpiStanding::snapshot, KpiStanding::restore);
    }

    @Override
    public List<KpiStanding> ofUnit(KpiUnit unit) {
        Require.nonNull(unit, "unit");
        return findAll(s -> s.id().unit().equals(unit)).sorted(Comparator.comparing(s -> s.kpi().value())).toList();
    }
}
