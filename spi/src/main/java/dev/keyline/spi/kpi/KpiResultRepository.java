package dev.keyline.spi.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiUnit;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The computed KPI results, one per KPI, organisation unit, period and zone. A recomputation
 * replaces the result stored for its key: the latest computation counts, and its inputs hash tells
 * whether the facts changed since the one before. Every method must be called inside a
 * transaction of the provider.
 */
public interface KpiResultRepository {

    /**
     * Stores a result, replacing any result of the same KPI, unit, period and zone.
     *
     * @param result the result
     * @throws InvalidArgumentException when the result is null
     */
    void save(KpiResult result);

    /**
     * The result of a KPI for a unit, period and zone.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period
     * @param zone the zone of the period's boundaries
     * @return the result, or empty when none was stored
     * @throws InvalidArgumentException when an argument is null
     */
    Optional<KpiResult> find(KpiId kpi, KpiUnit unit, Period period, ZoneId zone);

    /**
     * Every result stored for a unit and period.
     *
     * @param unit the organisation unit
     * @param period the period
     * @return the results ordered by KPI id, then zone id
     * @throws InvalidArgumentException when an argument is null
     */
    List<KpiResult> ofUnit(KpiUnit unit, Period period);
}
