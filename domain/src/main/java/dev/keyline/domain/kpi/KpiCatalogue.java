package dev.keyline.domain.kpi;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalogue of KPI (考核) definitions, each id once, in a stable order. Immutable: a host builds its own
 * from {@link #seed()} with {@link #with}, {@link #replacing} and {@link #withThresholds}, each of
 * which returns a new catalogue.
 *
 * <p>{@link #seed()} holds every KPI the seed names for the network centre, network management and
 * dispatch, maintenance, the marketing centre, the key-account department, customer relations,
 * technical support, the business department and interconnection, plus the stage
 * on-time rate the four-level assessment is built on. A KPI named under several units has one
 * definition, owned by the unit listed first; the other units are scored on it through their
 * scorecards. Its targets and band limits are defaults, assessed monthly in {@link #DEFAULT_ZONE}:
 * a host overrides them with its own.
 */
public final class KpiCatalogue {

    /** CAPEX ratio (实际CAPEX/预算CAPEX). */
    public static final KpiId CAPEX_RATIO = new KpiId("capex-ratio");
    /** Network resource utilisation (网络资源利用率). */
    public static final KpiId RESOURCE_UTILIZATION = new KpiId("resource-utilization");
    /** Construction cost ratio (实际建设成本/预算建设成本). */
    public static final KpiId CONSTRUCTION_COST_RATIO = new KpiId("construction-cost-ratio");
    /** Market-response compliance rate (市场响应达标率). */
    public static final KpiId MARKET_RESPONSE_COMPLIANCE = new KpiId("market-response-compliance");
    /** CAPEX per line (每线CAPEX). */
    public static final KpiId CAPEX_PER_LINE = new KpiId("capex-per-line");
    /** New CAPEX per line (新建的每线CAPEX). */
    public static final KpiId NEW_CAPEX_PER_LINE = new KpiId("new-capex-per-line");
    /** Project schedule compliance (工程进度). */
    public static final KpiId PROJECT_SCHEDULE = new KpiId("project-schedule");
    /** Project acceptance compliance rate (工程验收达标率). */
    public static final KpiId ACCEPTANCE_COMPLIANCE = new KpiId("acceptance-compliance");
    /** Network security incidents (网络安全性). */
    public static final KpiId NETWORK_SECURITY = new KpiId("network-security");
    /** Major safety incidents (重大安全事故). */
    public static final KpiId MAJOR_SAFETY_INCIDENTS = new KpiId("major-safety-incidents");
    /** Network cost ratio (实际网络成本/预算网络成本). */
    public static final KpiId NETWORK_COST_RATIO = new KpiId("network-cost-ratio");
    /** Call completion rate (网络接通率). */
    public static final KpiId CALL_COMPLETION_RATE = new KpiId("call-completion-rate");
    /** System data consistency and completeness (系统数据的统一性和完整性). */
    public static final KpiId DATA_CONSISTENCY_COMPLETENESS = new KpiId("data-consistency-completeness");
    /** Expert-team solution quality (专家组解决方案质量). */
    public static final KpiId EXPERT_SOLUTION_QUALITY = new KpiId("expert-solution-quality");
    /** Coordination with the network centre's other departments (与网络中心其他部门协调性). */
    public static final KpiId NETWORK_CENTRE_COORDINATION = new KpiId("network-centre-coordination");
    /** Marketing centre's satisfaction (营销服务中心满意度). */
    public static final KpiId MARKETING_SATISFACTION = new KpiId("marketing-satisfaction");
    /** Major faults (重大障碍). */
    public static final KpiId MAJOR_FAULTS = new KpiId("major-faults");
    /** Maintenance cost ratio (维护成本). */
    public static final KpiId MAINTENANCE_COST = new KpiId("maintenance-cost");
    /** First-level trunk outage rate (一级干线全阻率). */
    public static final KpiId TRUNK_OUTAGE_RATE = new KpiId("trunk-outage-rate");
    /** Equipment intact rate (设备完好率). */
    public static final KpiId EQUIPMENT_INTACT_RATE = new KpiId("equipment-intact-rate");
    /** Fault-handling timeliness (障碍处理及时率). */
    public static final KpiId FAULT_HANDLING_TIMELINESS = new KpiId("fault-handling-timeliness");
    /** Project safety incidents (工程安全). */
    public static final KpiId PROJECT_SAFETY = new KpiId("project-safety");
    /** Bad-line rate (坏线率). */
    public static final KpiId BAD_LINE_RATE = new KpiId("bad-line-rate");
    /** Key-account response satisfaction (大客户响应客户满意度). */
    public static final KpiId KEY_ACCOUNT_RESPONSE_SATISFACTION = new KpiId("key-account-response-satisfaction");
    /** Market forecast accuracy (市场预测准确性). */
    public static final KpiId FORECAST_ACCURACY = new KpiId("forecast-accuracy");
    /** Customer satisfaction (客户满意度). */
    public static final KpiId CUSTOMER_SATISFACTION = new KpiId("customer-satisfaction");
    /** Churn rate (客户流失率). */
    public static final KpiId CHURN_RATE = new KpiId("churn-rate");
    /** Customer spend attainment (客户消费业绩). */
    public static final KpiId CUSTOMER_SPEND = new KpiId("customer-spend");
    /** Return-visit timeliness (回访及时率). */
    public static final KpiId RETURN_VISIT_TIMELINESS = new KpiId("return-visit-timeliness");
    /** Surveys per month (月调查数). */
    public static final KpiId SURVEYS_PER_MONTH = new KpiId("surveys-per-month");
    /** Data provision timeliness (数据提供及时率). */
    public static final KpiId DATA_PROVISION_TIMELINESS = new KpiId("data-provision-timeliness");
    /** Data accuracy (数据准确率). */
    public static final KpiId DATA_ACCURACY = new KpiId("data-accuracy");
    /** Response timeliness (响应及时率). */
    public static final KpiId RESPONSE_TIMELINESS = new KpiId("response-timeliness");
    /** Solution pass rate (方案通过率). */
    public static final KpiId SOLUTION_PASS_RATE = new KpiId("solution-pass-rate");
    /** Solution benefit (方案实绩效益). */
    public static final KpiId SOLUTION_BENEFIT = new KpiId("solution-benefit");
    /** Demonstrations and trainings (演示/培训量). */
    public static final KpiId DEMOS_TRAININGS = new KpiId("demos-trainings");
    /** Promotion results (促销实绩). */
    public static final KpiId PROMOTION_RESULTS = new KpiId("promotion-results");
    /** Orders taken and completed (受理及竣工量). */
    public static final KpiId ORDERS_TAKEN_COMPLETED = new KpiId("orders-taken-completed");
    /** Intelligence timeliness (情报及时率). */
    public static final KpiId INTELLIGENCE_TIMELINESS = new KpiId("intelligence-timeliness");
    /** Arrears rate (欠费率). */
    public static final KpiId ARREARS_RATE = new KpiId("arrears-rate");
    /** Stage on-time rate (工位按时完成率). */
    public static final KpiId STAGE_ON_TIME_RATE = new KpiId("stage-on-time-rate");

    /** The time zone of the seed catalogue's periods. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final KpiCatalogue SEED = new KpiCatalogue(List.of(
                seed(CAPEX_RATIO, "实际CAPEX/预算CAPEX", "CAPEX ratio", KpiFormula.computedRatio("actual CAPEX / budget CAPEX"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("1.00", "1.00", "1.05"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(RESOURCE_UTILIZATION, "网络资源利用率", "Network resource utilisation", KpiFormula.computedRatio("allocated units / capacity units of the resource pools at the period's end"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.80", "0.75", "0.60"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(CONSTRUCTION_COST_RATIO, "实际建设成本/预算建设成本", "Construction cost ratio", KpiFormula.measuredRatio("actual construction cost / budget construction cost"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("1.00", "1.00", "1.05"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(MARKET_RESPONSE_COMPLIANCE, "市场响应达标率", "Market-response compliance rate", KpiFormula.computedRatio("work orders completed by their committed time / work orders completed in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(CAPEX_PER_LINE, "每线CAPEX", "CAPEX per line", KpiFormula.computedRatio("actual CAPEX / lines in service at the period's end"),
                        KpiMeasure.MONEY_PER_LINE, KpiThresholds.atMost("3000", "3000", "3600"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(NEW_CAPEX_PER_LINE, "新建的每线CAPEX", "New CAPEX per line", KpiFormula.measuredRatio("CAPEX of new construction / lines it added"),
                        KpiMeasure.MONEY_PER_LINE, KpiThresholds.atMost("3000", "3000", "3600"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(PROJECT_SCHEDULE, "工程进度", "Project schedule compliance", KpiFormula.measuredRatio("project milestones reached by their planned date / project milestones due in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.90", "0.90", "0.75"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(ACCEPTANCE_COMPLIANCE, "工程验收达标率", "Project acceptance compliance rate", KpiFormula.computedRatio("construction projects accepted by their due time / projects accepted in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(NETWORK_SECURITY, "网络安全性", "Network security incidents", KpiFormula.measuredValue("network security incidents in the period"),
                        KpiMeasure.COUNT, KpiThresholds.atMost("0", "0", "2"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(MAJOR_SAFETY_INCIDENTS, "重大安全事故", "Major safety incidents", KpiFormula.measuredValue("major safety incidents in the period"),
                        KpiMeasure.COUNT, KpiThresholds.atMost("0", "0", "0"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE),
                seed(NETWORK_COST_RATIO, "实际网络成本/预算网络成本", "Network cost ratio", KpiFormula.measuredRatio("actual network cost / budget network cost"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("1.00", "1.00", "1.05"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(CALL_COMPLETION_RATE, "网络接通率", "Call completion rate", KpiFormula.measuredRatio("calls completed / call attempts"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.98", "0.98", "0.95"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(DATA_CONSISTENCY_COMPLETENESS, "系统数据的统一性和完整性", "System data consistency and completeness", KpiFormula.measuredRatio("resource records consistent and complete on audit / resource records audited"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.98", "0.98", "0.95"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(EXPERT_SOLUTION_QUALITY, "专家组解决方案质量", "Expert-team solution quality", KpiFormula.measuredValue("assessed quality of the expert teams' solutions, 0 to 100"),
                        KpiMeasure.SCORE, KpiThresholds.atLeast("85", "80", "60"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(NETWORK_CENTRE_COORDINATION, "与网络中心其他部门协调性", "Coordination with the network centre's other departments", KpiFormula.measuredValue("the other departments' assessment of coordination, 0 to 100"),
                        KpiMeasure.SCORE, KpiThresholds.atLeast("85", "80", "60"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(MARKETING_SATISFACTION, "营销服务中心满意度", "Marketing centre's satisfaction", KpiFormula.measuredValue("the marketing service centre's satisfaction survey score, 0 to 100"),
                        KpiMeasure.SCORE, KpiThresholds.atLeast("85", "80", "60"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(MAJOR_FAULTS, "重大障碍", "Major faults", KpiFormula.measuredValue("major faults in the period"),
                        KpiMeasure.COUNT, KpiThresholds.atMost("0", "0", "1"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_MANAGEMENT_DISPATCH),
                seed(MAINTENANCE_COST, "维护成本", "Maintenance cost ratio", KpiFormula.measuredRatio("actual maintenance cost / budget maintenance cost"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("1.00", "1.00", "1.05"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(TRUNK_OUTAGE_RATE, "一级干线全阻率", "First-level trunk outage rate", KpiFormula.measuredRatio("first-level trunk circuit-hours of complete outage / first-level trunk circuit-hours in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("0.0010", "0.0010", "0.0050"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(EQUIPMENT_INTACT_RATE, "设备完好率", "Equipment intact rate", KpiFormula.measuredRatio("equipment units in good order / equipment units"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.99", "0.99", "0.97"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(FAULT_HANDLING_TIMELINESS, "障碍处理及时率", "Fault-handling timeliness", KpiFormula.computedRatio("faults resolved by their deadline / faults resolved in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(PROJECT_SAFETY, "工程安全", "Project safety incidents", KpiFormula.measuredValue("safety incidents on construction projects in the period"),
                        KpiMeasure.COUNT, KpiThresholds.atMost("0", "0", "0"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(BAD_LINE_RATE, "坏线率", "Bad-line rate", KpiFormula.measuredRatio("lines reported faulty / lines in service"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("0.01", "0.01", "0.02"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(KEY_ACCOUNT_RESPONSE_SATISFACTION, "大客户响应客户满意度", "Key-account response satisfaction", KpiFormula.measuredValue("key accounts' satisfaction with the response to their requests, survey score 0 to 100"),
                        KpiMeasure.SCORE, KpiThresholds.atLeast("90", "85", "70"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.MAINTENANCE),
                seed(FORECAST_ACCURACY, "市场预测准确性", "Market forecast accuracy", KpiFormula.computedRatio("max(0, 1 - sum|actual - agreed| / sum agreed) over the months of the period; 1 when both sums are 0, 0 when only the agreed sum is 0"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.85", "0.80", "0.60"), Role.MARKET_ANALYST, SeedKpiUnits.MARKETING_CENTRE),
                seed(CUSTOMER_SATISFACTION, "客户满意度", "Customer satisfaction", KpiFormula.measuredValue("customer satisfaction survey score, 0 to 100"),
                        KpiMeasure.SCORE, KpiThresholds.atLeast("90", "85", "70"), Role.DEPARTMENT_GENERAL_MANAGER, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT),
                seed(CHURN_RATE, "客户流失率", "Churn rate", KpiFormula.computedRatio("key accounts on the period's first day that left within the period / key accounts on the period's first day"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("0.02", "0.03", "0.05"), Role.DEPARTMENT_GENERAL_MANAGER, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT),
                seed(CUSTOMER_SPEND, "客户消费业绩", "Customer spend attainment", KpiFormula.measuredRatio("key accounts' spend in the period / the spend their account plans target"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("1.00", "0.95", "0.85"), Role.DEPARTMENT_GENERAL_MANAGER, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT),
                seed(RETURN_VISIT_TIMELINESS, "回访及时率", "Return-visit timeliness", KpiFormula.measuredRatio("return visits made by their due date / return visits due in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.MARKET_ANALYST, SeedKpiUnits.CUSTOMER_RELATIONS),
                seed(SURVEYS_PER_MONTH, "月调查数", "Surveys per month", KpiFormula.measuredValue("customer surveys completed in the month"),
                        KpiMeasure.COUNT, KpiThresholds.atLeast("4", "4", "2"), Role.MARKET_ANALYST, SeedKpiUnits.CUSTOMER_RELATIONS),
                seed(DATA_PROVISION_TIMELINESS, "数据提供及时率", "Data provision timeliness", KpiFormula.measuredRatio("data requests answered by their due date / data requests due in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.MARKET_ANALYST, SeedKpiUnits.CUSTOMER_RELATIONS),
                seed(DATA_ACCURACY, "数据准确率", "Data accuracy", KpiFormula.measuredRatio("data items found correct on check / data items checked"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.98", "0.98", "0.95"), Role.MARKET_ANALYST, SeedKpiUnits.CUSTOMER_RELATIONS),
                seed(RESPONSE_TIMELINESS, "响应及时率", "Response timeliness", KpiFormula.measuredRatio("requests answered within their response time / requests received in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.TECHNICAL_MANAGER, SeedKpiUnits.TECHNICAL_SUPPORT),
                seed(SOLUTION_PASS_RATE, "方案通过率", "Solution pass rate", KpiFormula.measuredRatio("solutions accepted by the customer / solutions proposed"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.80", "0.80", "0.60"), Role.TECHNICAL_MANAGER, SeedKpiUnits.TECHNICAL_SUPPORT),
                seed(SOLUTION_BENEFIT, "方案实绩效益", "Solution benefit", KpiFormula.measuredRatio("revenue realised by accepted solutions / revenue the solutions projected"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("1.00", "0.90", "0.70"), Role.TECHNICAL_MANAGER, SeedKpiUnits.TECHNICAL_SUPPORT),
                seed(DEMOS_TRAININGS, "演示/培训量", "Demonstrations and trainings", KpiFormula.measuredValue("product demonstrations and customer trainings held in the period"),
                        KpiMeasure.COUNT, KpiThresholds.atLeast("4", "4", "2"), Role.BUSINESS_MANAGER, SeedKpiUnits.BUSINESS_DEPARTMENT),
                seed(PROMOTION_RESULTS, "促销实绩", "Promotion results", KpiFormula.measuredRatio("sales from promotions / the promotions' sales target"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("1.00", "0.90", "0.70"), Role.BUSINESS_MANAGER, SeedKpiUnits.BUSINESS_DEPARTMENT),
                seed(ORDERS_TAKEN_COMPLETED, "受理及竣工量", "Orders taken and completed", KpiFormula.measuredValue("orders taken and completed at the key-account counter in the period"),
                        KpiMeasure.COUNT, KpiThresholds.atLeast("100", "90", "70"), Role.BUSINESS_MANAGER, SeedKpiUnits.BUSINESS_DEPARTMENT),
                seed(INTELLIGENCE_TIMELINESS, "情报及时率", "Intelligence timeliness", KpiFormula.measuredRatio("reports on other operators delivered by their due date / reports due in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.95", "0.85"), Role.DEPARTMENT_GENERAL_MANAGER, SeedKpiUnits.INTERCONNECTION),
                seed(ARREARS_RATE, "欠费率", "Arrears rate", KpiFormula.computedRatio("overdue receivables on the period's last day (unpaid amounts of bills due before it) / amount billed with a bill date in the period"),
                        KpiMeasure.RATIO, KpiThresholds.atMost("0.02", "0.03", "0.05"), Role.FINANCIAL_MANAGER, SeedKpiUnits.INTERCONNECTION),
                seed(STAGE_ON_TIME_RATE, "工位按时完成率", "Stage on-time rate", KpiFormula.computedRatio("provisioning stages completed by their due time / stages completed in the period, per level of the four-level assessment and per person"),
                        KpiMeasure.RATIO, KpiThresholds.atLeast("0.95", "0.90", "0.80"), Role.STATION_MANAGER, SeedKpiUnits.NETWORK_CENTRE)));

    private final Map<KpiId, KpiDefinition> definitions;

    private KpiCatalogue(Collection<KpiDefinition> definitions) {
        Map<KpiId, KpiDefinition> byId = new LinkedHashMap<>();
        for (KpiDefinition definition : Require.nonNullElements(definitions, "definitions")) {
            if (byId.put(definition.id(), definition) != null) {
                throw new InvalidArgumentException("definitions", "must name each KPI once, " + definition.id() + " appears twice");
            }
        }
        this.definitions = byId;
    }

    private static KpiDefinition seed(KpiId id, String chineseName, String englishName, KpiFormula formula,
            KpiMeasure measure, KpiThresholds thresholds, Role owner, KpiUnit unit) {
        return new KpiDefinition(id, chineseName, englishName, formula, measure, thresholds, Period.Granularity.MONTH,
                DEFAULT_ZONE, owner, unit);
    }

    /**
     * The seed's catalogue with its default targets and limits.
     *
     * @return the catalogue
     */
    public static KpiCatalogue seed() {
        return SEED;
    }

    /**
     * A catalogue of given definitions.
     *
     * @param definitions the definitions, each id once
     * @return the catalogue, in the given order
     * @throws InvalidArgumentException when the collection or a definition is null or an id appears twice
     */
    public static KpiCatalogue of(Collection<KpiDefinition> definitions) {
        return new KpiCatalogue(definitions);
    }

    /**
     * Every definition, in catalogue order.
     *
     * @return the definitions
     */
    public List<KpiDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /**
     * Every id, in catalogue order.
     *
     * @return the ids
     */
    public List<KpiId> ids() {
        return List.copyOf(definitions.keySet());
    }

    /**
     * Whether the catalogue defines a KPI.
     *
     * @param id the id
     * @return true when defined
     * @throws InvalidArgumentException when {@code id} is null
     */
    public boolean contains(KpiId id) {
        return definitions.containsKey(Require.nonNull(id, "id"));
    }

    /**
     * The definition of a KPI, if any.
     *
     * @param id the id
     * @return the definition, empty when the catalogue has none
     * @throws InvalidArgumentException when {@code id} is null
     */
    public Optional<KpiDefinition> find(KpiId id) {
        return Optional.ofNullable(definitions.get(Require.nonNull(id, "id")));
    }

    /**
     * The definition of a KPI.
     *
     * @param id the id
     * @return the definition
     * @throws InvalidArgumentException when {@code id} is null
     * @throws NotFoundException naming the id when the catalogue has no such KPI
     */
    public KpiDefinition get(KpiId id) {
        return find(id).orElseThrow(() -> new NotFoundException("KPI " + id + " is not in the catalogue"));
    }

    /**
     * The definitions owned by a unit.
     *
     * @param unit the unit
     * @return its definitions, in catalogue order
     * @throws InvalidArgumentException when {@code unit} is null
     */
    public List<KpiDefinition> ownedBy(KpiUnit unit) {
        Require.nonNull(unit, "unit");
        return definitions.values().stream().filter(d -> d.unit().equals(unit)).toList();
    }

    /**
     * This catalogue with one more KPI, added at the end.
     *
     * @param definition the new definition
     * @return the new catalogue
     * @throws InvalidArgumentException when {@code definition} is null
     * @throws AlreadyExistsException when the catalogue already defines the id
     */
    public KpiCatalogue with(KpiDefinition definition) {
        Require.nonNull(definition, "definition");
        if (definitions.containsKey(definition.id())) {
            throw new AlreadyExistsException("KPI " + definition.id() + " is already in the catalogue");
        }
        List<KpiDefinition> all = new ArrayList<>(definitions.values());
        all.add(definition);
        return new KpiCatalogue(all);
    }

    /**
     * This catalogue with a KPI's definition replaced, in place.
     *
     * @param definition the new definition, whose id the catalogue defines
     * @return the new catalogue
     * @throws InvalidArgumentException when {@code definition} is null
     * @throws NotFoundException when the catalogue does not define the id
     */
    public KpiCatalogue replacing(KpiDefinition definition) {
        Require.nonNull(definition, "definition");
        get(definition.id());
        Map<KpiId, KpiDefinition> copy = new LinkedHashMap<>(definitions);
        copy.put(definition.id(), definition);
        return new KpiCatalogue(copy.values());
    }

    /**
     * This catalogue with a KPI's target and band limits replaced.
     *
     * @param id the KPI
     * @param thresholds the new thresholds
     * @return the new catalogue
     * @throws InvalidArgumentException when an argument is null or the thresholds do not suit the KPI
     * @throws NotFoundException when the catalogue does not define the id
     */
    public KpiCatalogue withThresholds(KpiId id, KpiThresholds thresholds) {
        Require.nonNull(thresholds, "thresholds");
        return replacing(get(id).withThresholds(thresholds));
    }

    /**
     * The number of KPIs.
     *
     * @return the size
     */
    public int size() {
        return definitions.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KpiCatalogue c && List.copyOf(definitions.values()).equals(List.copyOf(c.definitions.values()));
    }

    @Override
    public int hashCode() {
        return List.copyOf(definitions.values()).hashCode();
    }

    @Override
    public String toString() {
        return "KpiCatalogue" + definitions.keySet();
    }
}
