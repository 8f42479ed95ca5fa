package dev.keyline.spi.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiStandingId;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.spi.AggregateRepository;
import java.util.List;

/**
 * How each KPI stands for each organisation unit, period after period. Saving follows
 * {@link AggregateRepository}: a stale version is rejected and nothing is written; the recorded
 * periods are saved with the standing and only ever grow. Every method must be called inside a
 * transaction of the provider.
 */
public interface KpiStandingRepository extends AggregateRepository<KpiStanding, KpiStandingId> {

    /**
     * Every standing of a unit.
     *
     * @param unit the organisation unit
     * @return its standings, ordered by KPI id
     * @throws InvalidArgumentException when {@code unit} is null
     */
    List<KpiStanding> ofUnit(KpiUnit unit);
}
