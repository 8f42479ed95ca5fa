package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.budget.CapexBookingKind;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LedgerEntryKind;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgLevel;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.spi.DeliveryStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.keyline.domain.workorder.ClockTransition;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.keyline.domain.priority.AccountResult;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.RankedAccount;
import org.junit.jupiter.api.Test;

/**
 * The schema and the domain share one set of limits: every {@code VARCHAR} and {@code NUMERIC}
 * column of Keyline's migrations is bound by a constant of {@link Limits} (or, for an enum column,
 * holds the longest constant name), so a value the domain accepts always fits. A new column
 * without an entry here fails, naming it.
 */
class SchemaLimitsTest {

    /** The core's migrations and those of every area registered with the JDBC provider. */
    private static List<String> migrationFolders() {
        List<String> folders = new ArrayList<>();
        folders.add(JdbcStorage.MIGRATION_LOCATION.substring("classpath:".length()));
        for (JdbcArea area : java.util.ServiceLoader.load(JdbcArea.class)) {
            folders.add(area.migrationLocation().substring("classpath:".length()));
        }
        return folders;
    }

    /** What bounds a column's declared size. */
    private sealed interface Bound permits Length, AtLeast, Fits, Decimal {
    }

    /** The column's length equals a domain limit. */
    private record Length(int limit) implements Bound {
    }

    /** The column is at least as long as the domain's limit (room to spare, as for the outbox). */
    private record AtLeast(int limit) implements Bound {
    }

    /** The column holds every one of these texts (enum constant names). */
    private record Fits(List<String> texts) implements Bound {
    }

    /** The column's precision and scale equal the domain's. */
    private record Decimal(int precision, int scale) implements Bound {
    }

    private static final Bound ID = new Length(Limits.ID_LENGTH);
    private static final Bound TEXT = new Length(Limits.TEXT_LENGTH);
    private static final Bound MONEY = new Decimal(Limits.MONEY_PRECISION, Limits.MONEY_SCALE);
    private static final Bound FACTOR = new Decimal(dev.keyline.domain.staff.IncentiveTable.PRECISION,
            dev.keyline.domain.staff.IncentiveTable.SCALE);
    /** A period's text form: 2026-03, 2026-Q1 or 2026. */
    private static final Bound PERIOD = new Fits(List.of("9999-12", "9999-Q4", "9999"));

    /** Bounds by column name, for columns that mean the same in every table. */
    private static final Map<String, Bound> BY_COLUMN = Map.ofEntries(
            Map.entry("account_name", new Length(Limits.NAME_LENGTH)),
            Map.entry("rule_name", new Length(Limits.RULE_NAME_LENGTH)),
            Map.entry("industry", fits(Industry.values())),
            Map.entry("tier", fits(Tier.values())),
            Map.entry("from_tier", fits(Tier.values())),
            Map.entry("to_tier", fits(Tier.values())),
            Map.entry("signal_kind", fits(ChurnSignalKind.values())),
            Map.entry("influencer_kind", fits(InfluencerKind.values())),
            Map.entry("addressed_to", fits(Role.values())),
            Map.entry("decision_role", fits(Role.values())),
            Map.entry("decision_kind", fits(PriceDecision.Kind.values())),
            Map.entry("state", fits(PriceAuthorisationState.values())),
            Map.entry("cause", new Fits(List.of("CLASSIFICATION_RUN", "MANUAL_OVERRIDE"))),
            Map.entry("member_kind", new Fits(List.of("KEY_ACCOUNT", "POTENTIAL"))),
            Map.entry("turnover_growth", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("white_collar_share", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("maximum_discount", new Decimal(Limits.DISCOUNT_PRECISION, Limits.DISCOUNT_SCALE)),
            Map.entry("aggregate_id", new AtLeast(Limits.ID_LENGTH)),
            Map.entry("event_type", new AtLeast(Limits.ID_LENGTH)),
            Map.entry("audience_role", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_organisation_unit", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_account_id", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_station_id", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_subject", new AtLeast(Audience.MAX_SUBJECT_LENGTH)),
            Map.entry("timer_key", new Length(Limits.TIMER_KEY_LENGTH)),
            Map.entry("pending_timer_key", new Length(Limits.TIMER_KEY_LENGTH)),
            Map.entry("zone_id", ID),
            Map.entry("pricing_method", fits(dev.keyline.domain.sla.PricingMethod.values())),
            Map.entry("sla_state", fits(dev.keyline.domain.sla.SlaState.values())),
            Map.entry("party", fits(dev.keyline.domain.sla.SlaParty.values())),
            Map.entry("service_class", fits(dev.keyline.domain.sla.ServiceClass.values())),
            Map.entry("change_kind", fits(dev.keyline.domain.sla.ReservationChange.values())),
            Map.entry("document_kind", fits(dev.keyline.domain.sla.SlaDocumentKind.values())),
            Map.entry("discount", new Decimal(Limits.DISCOUNT_PRECISION, Limits.DISCOUNT_SCALE)),
            // the longest volumes text: a largest volume for every month of the longest SLA period
            Map.entry("monthly_volumes", new Fits(List.of(String.join(" ", java.util.Collections.nCopies(
                    dev.keyline.domain.sla.SlaTerm.MAX_MONTHS,
                    String.valueOf(dev.keyline.domain.sla.ServiceAgreement.MAX_VOLUME)))))),
            Map.entry("project_title", new Length(Limits.NAME_LENGTH)),
            Map.entry("capex_kind", fits(CapexKind.values())),
            Map.entry("project_stage", fits(CapexStage.values())),
            Map.entry("capex_from_stage", fits(CapexStage.values())),
            Map.entry("capex_to_stage", fits(CapexStage.values())),
            Map.entry("capex_booking_kind", fits(CapexBookingKind.values())),
            Map.entry("capex_capacity_role", new Fits(List.of("PLANNED", "BUILT"))),
            Map.entry("order_state", fits(ProvisioningOrderState.values())),
            Map.entry("stage_state", fits(StageState.values())),
            Map.entry("warning_share", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)));

    /**
     * The longest sink or reaction name the runtime accepts ({@code Keyline.Builder.MAX_SINK_NAME_LENGTH},
     * which an adapter's code does not import).
     */
    private static final int SINK_NAME_LENGTH = dev.keyline.runtime.Keyline.Builder.MAX_SINK_NAME_LENGTH;

    /** A clock's warning share: a fraction in (0, 1] with at most six decimals. */
    private static final Bound WARNING_SHARE_BOUND = new Decimal(TicketClockPolicy.WARNING_SHARE_PRECISION,
            TicketClockPolicy.WARNING_SHARE_SCALE);

    /** Columns whose name means different things in different tables. */
    private static final Map<String, Bound> BY_TABLE_AND_COLUMN = Map.ofEntries(
            Map.entry("keyline_key_account.status", fits(AccountStatus.values())),
            // billing
            Map.entry("keyline_billing_account.opened_by", ID),
            Map.entry("keyline_billing_account.rating", fits(dev.keyline.domain.billing.CreditRating.values())),
            Map.entry("keyline_billing_account.credit_limit", MONEY),
            Map.entry("keyline_billing_account.age_bands",
                    new AtLeast(dev.keyline.domain.billing.AgeBands.MAX_BOUNDS * (String.valueOf(Integer.MAX_VALUE).length() + 1))),
            Map.entry("keyline_billing_account.arrears_total", MONEY),
            Map.entry("keyline_billing_account.outstanding", MONEY),
            Map.entry("keyline_billing_preference_change.channel", fits(dev.keyline.domain.billing.BillChannel.values())),
            Map.entry("keyline_billing_preference_change.frequency", fits(dev.keyline.domain.billing.BillFrequency.values())),
            Map.entry("keyline_billing_preference_change.bill_format", fits(dev.keyline.domain.billing.BillFormat.values())),
            Map.entry("keyline_billing_preference_change.bill_detail", fits(dev.keyline.domain.billing.BillDetail.values())),
            Map.entry("keyline_billing_preference_change.split", fits(dev.keyline.domain.billing.BillSplit.values())),
            Map.entry("keyline_billing_preference_change.branches",
                    new AtLeast(dev.keyline.domain.billing.BillPreferences.MAX_NAMES * (Limits.ID_LENGTH + 1))),
            Map.entry("keyline_billing_preference_change.projects",
                    new AtLeast(dev.keyline.domain.billing.BillPreferences.MAX_NAMES * (Limits.ID_LENGTH + 1))),
            Map.entry("keyline_billing_arrears_fact.bill_id", ID),
            Map.entry("keyline_billing_arrears_fact.fact_kind", fits(dev.keyline.domain.billing.ArrearsFactKind.values())),
            Map.entry("keyline_billing_bill.bill_id", ID),
            Map.entry("keyline_billing_bill.billed_fact_id", ID),
            Map.entry("keyline_billing_bill.settled", MONEY),
            Map.entry("keyline_outbox.status", new Fits(java.util.stream.Stream.concat(
                    Arrays.stream(DeliveryStatus.values()).map(Enum::name), Stream.of("SCHEDULED")).toList())),
            Map.entry("keyline_outbox_delivery.status", fits(DeliveryStatus.values())),
            Map.entry("keyline_outbox_delivery.sink", new Length(SINK_NAME_LENGTH)),
            Map.entry("keyline_outbox_claim.sink", new Length(SINK_NAME_LENGTH)),
            Map.entry("keyline_outbox.delivered_sink", new Length(SINK_NAME_LENGTH)),
            Map.entry("keyline_reaction_receipt.reaction", new Length(SINK_NAME_LENGTH)),
            Map.entry("keyline_fault_ticket.state", fits(FaultTicketState.values())),
            Map.entry("keyline_fault_ticket.source", fits(FaultSource.values())),
            Map.entry("keyline_fault_ticket.priority", fits(FaultPriority.values())),
            Map.entry("keyline_fault_ticket.service_class", fits(FaultServiceClass.values())),
            Map.entry("keyline_fault_ticket.response_clock_state", fits(TicketClockState.values())),
            Map.entry("keyline_fault_ticket.resolution_clock_state", fits(TicketClockState.values())),
            Map.entry("keyline_fault_ticket.response_warning_share", WARNING_SHARE_BOUND),
            Map.entry("keyline_fault_ticket.resolution_warning_share", WARNING_SHARE_BOUND),
            Map.entry("keyline_fault_ticket_transition.from_state", fits(FaultTicketState.values())),
            Map.entry("keyline_fault_ticket_transition.to_state", fits(FaultTicketState.values())),
            Map.entry("keyline_fault_clock_transition.clock_kind", fits(TicketClockKind.values())),
            Map.entry("keyline_fault_clock_transition.transition_kind", fits(ClockTransition.Kind.values())),
            Map.entry("keyline_reservation.state", fits(ReservationState.values())),
            Map.entry("keyline_reservation.purpose", fits(ReservationPurpose.values())),
            Map.entry("keyline_reservation.reference", new Length(Limits.NAME_LENGTH)),
            Map.entry("keyline_resource_holding.reference", new Length(Limits.NAME_LENGTH)),
            Map.entry("keyline_provisioning_order.accepted_by", new Length(Limits.TEXT_LENGTH)),
            Map.entry("keyline_resource_holding.holding_kind", new Fits(List.of("RETIRED", "RESERVED", "ALLOCATED", "COOLING"))),
            // staff
            Map.entry("keyline_division_staffing.staffing_id", ID),
            Map.entry("keyline_staffing_change.staffing_id", ID),
            Map.entry("keyline_staffing_change.kind", fits(dev.keyline.domain.staff.StaffingChangeKind.values())),
            Map.entry("keyline_staffing_change.role", fits(Role.values())),
            Map.entry("keyline_staffing_change.person", ID),
            Map.entry("keyline_incentive_ledger.ledger_id", ID),
            Map.entry("keyline_incentive_table.ledger_id", ID),
            Map.entry("keyline_incentive_table.green", FACTOR),
            Map.entry("keyline_incentive_table.amber", FACTOR),
            Map.entry("keyline_incentive_table.red", FACTOR),
            Map.entry("keyline_incentive_award.ledger_id", ID),
            Map.entry("keyline_incentive_award.recipient", ID),
            Map.entry("keyline_incentive_award.scorecard", ID),
            Map.entry("keyline_incentive_award.awarded_by", ID),
            Map.entry("keyline_incentive_award.role", fits(Role.values())),
            Map.entry("keyline_incentive_award.period", new Fits(List.of("2026", "2026-Q1", "2026-03"))),
            Map.entry("keyline_incentive_award.band", fits(dev.keyline.domain.kpi.Band.values())),
            Map.entry("keyline_incentive_award.factor", FACTOR),
            Map.entry("keyline_incentive_award.base", MONEY),
            // customer priority
            Map.entry("keyline_priority_result_fact.period", PERIOD),
            Map.entry("keyline_priority_result_fact.product", ID),
            Map.entry("keyline_priority_result_fact.revenue", MONEY),
            Map.entry("keyline_priority_result_fact.profit", MONEY),
            Map.entry("keyline_priority_ranking.ranking_id", ID),
            Map.entry("keyline_priority_ranking.period", PERIOD),
            Map.entry("keyline_priority_ranking.segment", new Fits(List.of("product:" + "P".repeat(Limits.ID_LENGTH),
                    "industry:" + java.util.Arrays.stream(Industry.values()).map(Enum::name)
                            .max(java.util.Comparator.comparingInt(String::length)).orElseThrow()))),
            Map.entry("keyline_priority_ranking.weight_revenue", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("keyline_priority_ranking.weight_profit", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("keyline_priority_ranking.weight_growth", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("keyline_priority_ranking.growth_basis", fits(GrowthBasis.values())),
            Map.entry("keyline_priority_ranking_entry.ranking_id", ID),
            Map.entry("keyline_priority_ranking_entry.revenue", MONEY),
            Map.entry("keyline_priority_ranking_entry.profit", MONEY),
            Map.entry("keyline_priority_ranking_entry.growth", new Decimal(AccountResult.GROWTH_PRECISION,
                    AccountResult.GROWTH_SCALE)),
            Map.entry("keyline_priority_ranking_entry.score", new Decimal(RankedAccount.SCORE_PRECISION,
                    RankedAccount.SCORE_SCALE)),
            Map.entry("keyline_priority_ranking_product.ranking_id", ID),
            Map.entry("keyline_priority_ranking_product.product", ID),
            // the KPI area: periods as text ('2026-03', '2026-Q1', '2026'), sums as plain decimal text
            Map.entry("keyline_kpi_result.kpi_id", ID),
            Map.entry("keyline_kpi_result.period", new Fits(List.of("9999-12", "9999-Q4", "9999"))),
            Map.entry("keyline_kpi_result.numerator", new Length(KpiResult.MAX_SUM_LENGTH)),
            Map.entry("keyline_kpi_result.denominator", new Length(KpiResult.MAX_SUM_LENGTH)),
            Map.entry("keyline_kpi_result.kpi_value", new Decimal(KpiResult.VALUE_PRECISION, KpiValue.SCALE)),
            Map.entry("keyline_kpi_measurement.kpi_id", ID),
            Map.entry("keyline_kpi_measurement.period", new Fits(List.of("9999-12", "9999-Q4", "9999"))),
            Map.entry("keyline_kpi_measurement.kpi_value", new Decimal(KpiResult.VALUE_PRECISION, KpiValue.SCALE)),
            Map.entry("keyline_kpi_standing.standing_id", new Length(2 * Limits.ID_LENGTH + 1)),
            Map.entry("keyline_kpi_standing.kpi_id", ID),
            Map.entry("keyline_kpi_standing_entry.standing_id", new Length(2 * Limits.ID_LENGTH + 1)),
            Map.entry("keyline_kpi_standing_entry.period", new Fits(List.of("9999-12", "9999-Q4", "9999"))),
            Map.entry("keyline_kpi_standing_entry.kpi_value", new Decimal(KpiResult.VALUE_PRECISION, KpiValue.SCALE)),
            Map.entry("keyline_kpi_standing_entry.band", fits(Band.values())),
            Map.entry("keyline_kpi_definition.kpi_id", ID));


    /** The budget area's columns: by table and column, or by column in every budget table ({@code *.}). */
    private static final Map<String, Bound> BUDGET_COLUMNS = Map.ofEntries(
            Map.entry("*.budget_id", ID),
            Map.entry("*.unit_id", ID),
            Map.entry("*.unit_parent_id", ID),
            Map.entry("*.parent_budget_id", ID),
            Map.entry("*.zone_id", ID),
            Map.entry("*.line_id", ID),
            Map.entry("*.parent_line_id", ID),
            Map.entry("*.raised_by", ID),
            Map.entry("*.answered_by", ID),
            Map.entry("*.document_id", ID),
            Map.entry("*.entered_by", ID),
            Map.entry("*.fund_plan", MONEY),
            Map.entry("*.delta", MONEY),
            Map.entry("*.comment", TEXT),
            Map.entry("*.answer", TEXT),
            Map.entry("*.share", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("*.category", new Length(Limits.RULE_NAME_LENGTH)),
            Map.entry("*.unit_level", fits(OrgLevel.values())),
            Map.entry("*.status", fits(BudgetStatus.values())),
            Map.entry("*.from_status", fits(BudgetStatus.values())),
            Map.entry("*.to_status", fits(BudgetStatus.values())),
            Map.entry("*.kind", fits(LineKind.values())),
            Map.entry("*.control_request", fits(ControlLevel.values())),
            Map.entry("*.control_order", fits(ControlLevel.values())),
            Map.entry("*.control_invoice", fits(ControlLevel.values())),
            Map.entry("*.entry_kind", fits(LedgerEntryKind.values())),
            Map.entry("*.stage", fits(DocumentStage.values())));

    /** Identifier columns: the ids of the domain's typed identifiers and users. */
    private static final List<String> ID_COLUMNS = List.of("account_id", "network_id", "account_manager",
            "team_industry_manager", "team_technical_manager", "team_business_manager", "registered_by", "changed_by",
            "approved_by", "fact_id", "corrects", "plan_id", "drawn_by", "owner_id", "completed_by", "product_code",
            "fulfilled_by", "authorisation_id", "requested_by", "decided_by", "list_id", "set_by", "stock_id", "depot_id", "part_number",
            "reservation_ref", "sla_id", "department",
            "drafted_by", "ended_by", "signed_by", "reference", "accepted_by", "reported_by", "recorded_by",
            "ticket_id", "station_id", "cause_code", "acted_by",
            "pool_id", "resource_type", "site", "holding_id", "reservation_id",
            "project_id", "request_id", "budget_id", "budget_line_id", "taken_by", "document_id", "booked_by",
            "capex_pool_id", "capex_resource_type",
            "provisioning_order_id", "originating_unit", "it_support", "sla_order", "stage_id", "unit_id",
            "station_manager", "executor", "predecessor_id", "from_station", "from_executor", "to_station", "to_executor");

    /** Free-text columns. */
    private static final List<String> TEXT_COLUMNS = List.of("designation_reason", "exit_reason", "detail",
            "override_reason", "explanation", "description", "note", "reason", "liability", "applicable_law",
            "procedures", "confidentiality", "differentiation", "qos", "penalties", "end_reason", "document_text");

    /** Money columns, each beside a currency column. */
    private static final List<String> MONEY_COLUMNS = List.of("annual_turnover", "annual_investment", "amount",
            "threshold_amount", "average_monthly_spend", "revenue_target", "list_price", "offered_price",
            "floor_price", "price", "unit_price", "planned_amount");

    private static final Pattern TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*?)\\n\\);");
    private static final Pattern ADDED_COLUMN = Pattern.compile(
            "(?i)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+([^;]*);");
    private static final Pattern COLUMN = Pattern.compile(
            "(?i)^\\s*(\\w+)\\s+(VARCHAR|NUMERIC)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    @Test
    void everyBoundedColumnOfTheMigrationsMatchesTheDomainsLimit() {
        List<Column> columns = boundedColumns();
        assertThat(columns).as("bounded columns found in the migrations").hasSizeGreaterThan(50);
        assertThat(columns).as("columns added by ALTER TABLE are checked too").anyMatch(c -> c.name().equals("timer_key"));
        List<String> problems = new ArrayList<>();
        for (Column c : columns) {
            Bound bound = boundOf(c);
            if (bound == null) {
                problems.add(c + ": no domain limit is known for this column; add it to Limits and to this test");
            } else if (!c.type().equals(bound instanceof Decimal ? "NUMERIC" : "VARCHAR")) {
                problems.add(c + ": declared " + c.type() + " but the domain bounds it as " + bound);
            } else {
                String problem = check(c, bound);
                if (problem != null) {
                    problems.add(c + ": " + problem);
                }
            }
        }
        assertThat(problems).as("columns whose bound differs from the domain's").isEmpty();
    }

    private static String check(Column c, Bound bound) {
        if (bound instanceof Length l) {
            return c.size() == l.limit() ? null : "length " + c.size() + " but the domain allows " + l.limit();
        }
        if (bound instanceof AtLeast a) {
            return c.size() >= a.limit() ? null : "length " + c.size() + " but the domain allows " + a.limit();
        }
        if (bound instanceof Fits f) {
            int longest = f.texts().stream().mapToInt(String::length).max().orElse(0);
            return c.size() >= longest ? null : "length " + c.size() + " cannot hold " + f.texts();
        }
        Decimal d = (Decimal) bound;
        return c.size() == d.precision() && c.scale() == d.scale() ? null
                : "NUMERIC(" + c.size() + ", " + c.scale() + ") but the domain bounds it as NUMERIC(" + d.precision()
                        + ", " + d.scale() + ")";
    }

    private static Bound boundOf(Column c) {
        Bound specific = BY_TABLE_AND_COLUMN.get(c.table() + "." + c.name());
        if (specific != null) {
            return specific;
        }
        Bound budget = BUDGET_COLUMNS.get(c.table() + "." + c.name());
        if (budget == null && c.table().startsWith("keyline_budget")) {
            budget = BUDGET_COLUMNS.get("*." + c.name());
        }
        if (budget != null) {
            return budget;
        }
        if (ID_COLUMNS.contains(c.name())) {
            return ID;
        }
        if (TEXT_COLUMNS.contains(c.name())) {
            return TEXT;
        }
        if (MONEY_COLUMNS.contains(c.name())) {
            return MONEY;
        }
        return BY_COLUMN.get(c.name());
    }

    private record Column(String file, String table, String name, String type, int size, int scale) {
        @Override
        public String toString() {
            return file + " " + table + "." + name + " " + type + "(" + size + (type.equals("NUMERIC") ? ", " + scale : "")
                    + ")";
        }
    }

    private static List<Column> boundedColumns() {
        List<Column> columns = new ArrayList<>();
        for (String folder : migrationFolders()) {
            columns.addAll(boundedColumns(folder));
        }
        return columns;
    }

    private static List<Column> boundedColumns(String folder) {
        URL root = SchemaLimitsTest.class.getClassLoader().getResource(folder);
        assertThat(root).as("the migrations in %s on the class path", folder).isNotNull();
        List<Column> columns = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file, StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
                Matcher table = TABLE.matcher(sql);
                while (table.find()) {
                    for (String line : table.group(2).split("\\n")) {
                        addColumn(columns, file, table.group(1), line);
                    }
                }
                // columns a later migration adds to an existing table
                Matcher added = ADDED_COLUMN.matcher(sql);
                while (added.find()) {
                    addColumn(columns, file, added.group(1), added.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    private static void addColumn(List<Column> columns, Path file, String table, String definition) {
        Matcher m = COLUMN.matcher(definition);
        if (m.find() && !m.group(1).equalsIgnoreCase("CONSTRAINT")) {
            columns.add(new Column(file.getFileName().toString(), table.toLowerCase(Locale.ROOT),
                    m.group(1).toLowerCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
        }
    }

    private static Fits fits(Enum<?>[] constants) {
        return new Fits(Arrays.stream(constants).map(Enum::name).toList());
    }
}
