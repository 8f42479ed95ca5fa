package dev.keyline.spi.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiUnit;
import java.util.List;
import java.util.Optional;

/**
 * The measured KPI values hosts record, append-only with their history: each KPI, unit and period
 * has revisions 1, 2, 3, ..., and the highest revision is the value that counts. Every method must
 * be called inside a transaction of the provider.
 */
public interface KpiMeasurementRepository {

    /**
     * Appends a recording. Its revision must be the next one: 1 when nothing is recorded for its
     * KPI, unit and period, else one more than the current revision. Nothing is written when it is
     * not.
     *
     * @param measurement the recording
     * @throws InvalidArgumentException when the recording is null
     * @throws StaleVersionException when its revision is not the next one (another recording came
     *     first)
     */
    void append(KpiMeasurement measurement);

    /**
     * The recording that counts: the highest revision.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period
     * @return the current recording, or empty when none was made
     * @throws InvalidArgumentException when an argument is null
     */
    Optional<KpiMeasurement> current(KpiId kpi, KpiUnit unit, Period period);

    /**
     * Every recording of a KPI for a unit and period.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period
     * @return the recordings, revision 1 first
     * @throws InvalidArgumentException when an argument is null
     */
    List<KpiMeasurement> history(KpiId kpi, KpiUnit unit, Period period);
}
