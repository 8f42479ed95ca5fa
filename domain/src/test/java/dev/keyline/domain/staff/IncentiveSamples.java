package dev.keyline.domain.staff;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiScore;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.ScorecardResult;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scorecard results for the incentive tests, built through {@link ScorecardResult}'s public constructor. */
public final class IncentiveSamples {

    /** March 2027. */
    public static final Period MARCH = Period.month(YearMonth.of(2027, 3));
    /** The unit assessed. */
    public static final KpiUnit UNIT = new KpiUnit("suzhou-key-accounts");
    /** The KPIs of the sample scorecard, in line order. */
    public static final List<KpiId> KPIS = List.of(KpiId.of("churn-rate"), KpiId.of("customer-satisfaction"),
            KpiId.of("customer-spend"), KpiId.of("market-response-compliance"));

    private IncentiveSamples() {
    }

    /**
     * A complete result with two lines.
     *
     * @param band its band
     * @param period its period
     * @return the result
     */
    public static ScorecardResult complete(Band band, Period period) {
        return result(band, period, new boolean[] {true, true});
    }

    /**
     * A result with one line per entry of {@code valued}; complete exactly when every entry is true,
     * and then in {@code band}.
     *
     * @param band the band of a complete result
     * @param period its period
     * @param valued which lines have a value, one to four
     * @return the result
     */
    public static ScorecardResult result(Band band, Period period, boolean[] valued) {
        List<KpiScore> lines = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < valued.length; i++) {
            KpiId kpi = KPIS.get(i);
            if (valued[i]) {
                lines.add(new KpiScore(kpi, BigDecimal.ONE, Optional.of(KpiValue.ratio(kpi, period, 3, 4)),
                        Optional.of(band)));
            } else {
                lines.add(new KpiScore(kpi, BigDecimal.ONE, Optional.of(KpiValue.ratio(kpi, period, 0, 0)),
                        Optional.empty()));
                complete = false;
            }
        }
        return new ScorecardResult("key-account-department", Role.ACCOUNT_MANAGER, UNIT, period, lines,
                complete ? Optional.of(new BigDecimal("75")) : Optional.empty(),
                complete ? Optional.of(band) : Optional.empty());
    }
}
