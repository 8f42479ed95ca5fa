package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.Optional;

/**
 * The KPIs Keyline computes from its own facts, each with the seed's precise formula. Every other
 * KPI of the catalogue is measured: an input the host records.
 */
public enum ComputedKpi {

    /**
     * Market-response compliance: work orders completed by their committed time / work orders
     * completed in the period.
     */
    MARKET_RESPONSE_COMPLIANCE("market-response-compliance"),

    /** Fault-handling timeliness: faults resolved by their deadline / faults resolved in the period. */
    FAULT_HANDLING_TIMELINESS("fault-handling-timeliness"),

    /**
     * Churn rate: key accounts that were key on the period's first day and left within the period /
     * key accounts on the period's first day.
     */
    CHURN_RATE("churn-rate"),

    /**
     * Forecast accuracy: {@code max(0, 1 − Σ|actual − agreed| / Σ agreed)} over the months of the
     * period; 1 when both sums are 0, 0 when only the agreed sum is 0. The numerator is
     * {@code Σ|actual − agreed|} and the denominator {@code Σ agreed}.
     */
    FORECAST_ACCURACY("forecast-accuracy"),

    /** Resource utilisation: Σ allocated units / Σ capacity units at the period's end. */
    RESOURCE_UTILIZATION("resource-utilization"),

    /** CAPEX ratio: actual CAPEX / budget CAPEX. */
    CAPEX_RATIO("capex-ratio"),

    /** CAPEX per line: actual CAPEX / lines in service at the period's end. */
    CAPEX_PER_LINE("capex-per-line"),

    /**
     * Acceptance compliance: construction projects accepted by their due time / projects accepted in
     * the period.
     */
    ACCEPTANCE_COMPLIANCE("acceptance-compliance"),

    /**
     * Arrears rate (欠费率): overdue receivables / billed amount, as the billing area defines them.
     * The numerator is what is unpaid on the period's last day of every bill billed on or before
     * that day and due before it; the denominator is the amount of the bills dated within the
     * period. Not bounded by 1: bills of earlier periods still overdue count in the numerator.
     */
    ARREARS_RATE("arrears-rate");

    private final KpiId id;

    ComputedKpi(String id) {
        this.id = new KpiId(id);
    }

    /**
     * The KPI's id.
     *
     * @return the id, such as {@code market-response-compliance}
     */
    public KpiId id() {
        return id;
    }

    /**
     * The computed KPI with an id.
     *
     * @param id the id
     * @return the KPI, or empty when the id names no computed KPI
     * @throws InvalidArgumentException when the id is null
     */
    public static Optional<ComputedKpi> byId(KpiId id) {
        Require.nonNull(id, "id");
        for (ComputedKpi kpi : values()) {
            if (kpi.id.equals(id)) {
                return Optional.of(kpi);
            }
        }
        return Optional.empty();
    }
}
