package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiId;
import java.util.List;

/**
 * An incentive was asked for on a scorecard that is not complete: some of its KPIs have no value
 * for the period, so it has no band. An incentive never applies to an incomplete scorecard.
 */
public final class IncompleteScorecardException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** The missing KPIs; a List.copyOf, so serialisable. */
    private final List<KpiId> missing;

    /**
     * @param scorecard the scorecard's description (id, unit, period)
     * @param missing the KPIs without a value, in line order
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     */
    public IncompleteScorecardException(String scorecard, List<KpiId> missing) {
        super(message(scorecard, missing));
        this.missing = List.copyOf(missing);
    }

    private static String message(String scorecard, List<KpiId> missing) {
        Require.nonBlank(scorecard, "scorecard");
        Require.nonNullElements(missing, "missing");
        return "no incentive on the incomplete scorecard " + scorecard + ": the KPIs " + missing
                + " have no value for the period";
    }

    /**
     * The KPIs whose values are missing.
     *
     * @return the missing KPIs, in line order
     */
    public List<KpiId> missing() {
        return missing;
    }
}
