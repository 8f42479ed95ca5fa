package dev.keyline.domain.kpi;

import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.util.List;

/**
 * The seed's scorecards, with default weights and the default {@link BandPoints} and
 * {@link ScoreThresholds}: the four-level provisioning assessment (四级考核: account manager, station
 * manager, station executor, IT support), each built on the {@linkplain StageOnTimeComputation stage
 * on-time rate} of the person assessed, and the scorecards of the key-account department, the
 * network centre and the marketing centre. A host overrides the weights by building its own
 * {@link ScorecardDefinition}s.
 */
public final class SeedScorecards {

    /** The account manager's provisioning scorecard. */
    public static final ScorecardDefinition PROVISIONING_ACCOUNT_MANAGER = ScorecardDefinition.of(
            "provisioning-account-manager", Role.ACCOUNT_MANAGER, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT, List.of(
                    ScorecardLine.of(KpiCatalogue.STAGE_ON_TIME_RATE, 60),
                    ScorecardLine.of(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE, 40)));

    /** The station manager's provisioning scorecard. */
    public static final ScorecardDefinition PROVISIONING_STATION_MANAGER = ScorecardDefinition.of(
            "provisioning-station-manager", Role.STATION_MANAGER, SeedKpiUnits.NETWORK_CENTRE, List.of(
                    ScorecardLine.of(KpiCatalogue.STAGE_ON_TIME_RATE, 60),
                    ScorecardLine.of(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE, 40)));

    /** The station executor's provisioning scorecard. */
    public static final ScorecardDefinition PROVISIONING_STATION_EXECUTOR = ScorecardDefinition.of(
            "provisioning-station-executor", Role.STATION_EXECUTOR, SeedKpiUnits.NETWORK_CENTRE, List.of(
                    ScorecardLine.of(KpiCatalogue.STAGE_ON_TIME_RATE, 100)));

    /** IT support's provisioning scorecard. */
    public static final ScorecardDefinition PROVISIONING_IT_SUPPORT = ScorecardDefinition.of(
            "provisioning-it-support", Role.IT_SUPPORT, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH, List.of(
                    ScorecardLine.of(KpiCatalogue.STAGE_ON_TIME_RATE, 70),
                    ScorecardLine.of(KpiCatalogue.DATA_CONSISTENCY_COMPLETENESS, 30)));

    /** The key-account department's scorecard: the seed's three KPIs of the department. */
    public static final ScorecardDefinition KEY_ACCOUNT_DEPARTMENT = ScorecardDefinition.of(
            "key-account-department", Role.DEPARTMENT_GENERAL_MANAGER, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT, List.of(
                    ScorecardLine.of(KpiCatalogue.CUSTOMER_SATISFACTION, 40),
                    ScorecardLine.of(KpiCatalogue.CHURN_RATE, 30),
                    ScorecardLine.of(KpiCatalogue.CUSTOMER_SPEND, 30)));

    /** The network centre's scorecard: the seed's ten KPIs of the centre. */
    public static final ScorecardDefinition NETWORK_CENTRE = ScorecardDefinition.of(
            "network-centre", Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE, List.of(
                    ScorecardLine.of(KpiCatalogue.CAPEX_RATIO, 15),
                    ScorecardLine.of(KpiCatalogue.RESOURCE_UTILIZATION, 15),
                    ScorecardLine.of(KpiCatalogue.CONSTRUCTION_COST_RATIO, 10),
                    ScorecardLine.of(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE, 15),
                    ScorecardLine.of(KpiCatalogue.CAPEX_PER_LINE, 10),
                    ScorecardLine.of(KpiCatalogue.NEW_CAPEX_PER_LINE, 5),
                    ScorecardLine.of(KpiCatalogue.PROJECT_SCHEDULE, 10),
                    ScorecardLine.of(KpiCatalogue.ACCEPTANCE_COMPLIANCE, 10),
                    ScorecardLine.of(KpiCatalogue.NETWORK_SECURITY, 5),
                    ScorecardLine.of(KpiCatalogue.MAJOR_SAFETY_INCIDENTS, 5)));

    /** The marketing centre's scorecard: forecast accuracy first, with satisfaction and response. */
    public static final ScorecardDefinition MARKETING_CENTRE = ScorecardDefinition.of(
            "marketing-centre", Role.MARKETING_MANAGER, SeedKpiUnits.MARKETING_CENTRE, List.of(
                    ScorecardLine.of(KpiCatalogue.FORECAST_ACCURACY, 50),
                    ScorecardLine.of(KpiCatalogue.CUSTOMER_SATISFACTION, 25),
                    ScorecardLine.of(KpiCatalogue.RESPONSE_TIMELINESS, 25)));

    private SeedScorecards() {
    }

    /**
     * Every seed scorecard: the four provisioning levels, then the key-account department, the
     * network centre and the marketing centre.
     *
     * @return the scorecards
     */
    public static List<ScorecardDefinition> all() {
        return List.of(PROVISIONING_ACCOUNT_MANAGER, PROVISIONING_STATION_MANAGER, PROVISIONING_STATION_EXECUTOR,
                PROVISIONING_IT_SUPPORT, KEY_ACCOUNT_DEPARTMENT, NETWORK_CENTRE, MARKETING_CENTRE);
    }

    /**
     * The seed scorecard with an id.
     *
     * @param id the id, such as {@code network-centre}
     * @return the scorecard
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code id} is null
     * @throws NotFoundException naming the id when no seed scorecard has it
     */
    public static ScorecardDefinition byId(String id) {
        Require.nonNull(id, "id");
        return all().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("scorecard " + id + " is not a seed scorecard"));
    }
}
