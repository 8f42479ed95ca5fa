package dev.keyline.examples.demo;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiBandEntered;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiDirection;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiMeasure;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiScore;
import dev.keyline.domain.kpi.KpiThresholds;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.ScorecardDefinition;
import dev.keyline.domain.kpi.ScorecardLine;
import dev.keyline.domain.kpi.ScorecardResult;
import dev.keyline.domain.kpi.SeedScorecards;
import dev.keyline.domain.kpi.StageOnTimeComputation;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.kpi.KpiService;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * KPIs and scorecards (考核) over the year {@value #YEAR}: at the start of each month the general
 * manager records the previous month's measured inputs a host would bring (customer satisfaction,
 * spend attainment, construction cost, …) and computes the month's KPIs from the facts the other
 * areas stored, all through {@link KpiService}, with the lines in service the operator's inventory
 * counts ({@link MonthlyCapex#LINES_IN_SERVICE}); the stage on-time rate is computed per level and
 * person from the provisioning stages done in the month; the seed's scorecards are applied to each
 * month's values; the report shows each scorecard's December table with its bands, a chart of the
 * twelve months of every KPI the scorecards name and every KPI Keyline computes, with the amber and
 * red bands shaded and a gap where a month has no value, the stage on-time rate per level (a chart
 * each) and per person (a table), and the {@code kpi.band-entered} events the standings raised. Each
 * month's facts come from {@link MonthlyWorkOrders} (a circuit and a fault), {@link MonthlyCapex}
 * (the year's budget, an invoice a month, projects accepted) and {@link MonthlyBills} (billing's
 * month-end batch of bills and payments, from which the arrears rate is computed).
 *
 * <p>The year is the one the work-order chapter's events fall in (January {@value #YEAR}): the clock
 * only moves forward, and the chapter's first computation is due on 1 February.
 */
public final class KpiChapter implements DemoChapter {

    /** The year the chapter assesses. */
    public static final int YEAR = 2027;

    /** The purpose of the random numbers of the measured inputs. */
    public static final String RANDOM_PURPOSE = "kpi-measurements";

    /** Who records and computes: a general manager, allowed both for every KPI. */
    public static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("zhao.kang"), Role.GENERAL_MANAGER);

    /** The scorecards the chapter applies, in report order. */
    public static final List<ScorecardDefinition> SCORECARDS = SeedScorecards.all();

    /** The caption of the table of events the standings raised. */
    public static final String EVENTS_TABLE = "kpi.band-entered events";

    /** The caption prefix of a scorecard's December table. */
    public static final String SCORECARD_TABLE = "Scorecard ";

    /** The caption prefix of a KPI's chart. */
    public static final String CHART_CAPTION = "KPI ";

    /** The caption of the table of the stage on-time rate per person. */
    public static final String STAGE_TABLE = "Stage on-time rate by level, person and month";

    /** The caption of the table of the arrears rate's overdue and billed amounts by month. */
    public static final String ARREARS_TABLE = "Arrears rate by month: overdue on the month's last day and billed in the month";

    /** The four levels of the provisioning assessment, in report order. */
    public static final List<Role> LEVELS = List.of(Role.ACCOUNT_MANAGER, Role.STATION_MANAGER, Role.STATION_EXECUTOR,
            Role.IT_SUPPORT);

    private static final String AMBER = "#ffbf00";
    private static final String RED = "#d62728";

    /** A KPI chapter. */
    public KpiChapter() {
    }

    @Override
    public String title() {
        return "KPIs and scorecards";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        KpiCatalogue catalogue = KpiCatalogue.seed();
        KpiService kpis = KpiService.on(context.keyline(), catalogue, MonthlyCapex.LINES_IN_SERVICE);
        Random random = context.random(RANDOM_PURPOSE);
        Set<KpiUnit> units = new LinkedHashSet<>();
        SCORECARDS.forEach(s -> units.add(s.unit()));
        List<KpiDefinition> charted = chartedKpis(catalogue);
        charted.stream().filter(KpiDefinition::isComputed).forEach(d -> units.add(d.unit()));

        out.summary("Twelve months of " + YEAR + ": measured inputs recorded, KPIs computed from the stored facts, "
                + SCORECARDS.size() + " scorecards applied, bands charted.");

        List<Period> months = new ArrayList<>();
        Map<String, List<ScorecardResult>> byScorecard = new LinkedHashMap<>();
        List<StageOnTimeComputation> stages = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(YEAR, m);
            Period period = Period.month(month);
            months.add(period);
            MonthlyWorkOrders.during(context, month);
            MonthlyCapex.during(context, month);
            MonthlyBills.during(context, month);
            context.moveTo(month.plusMonths(1).atDay(1).atTime(8, 0));
            for (ScorecardDefinition scorecard : SCORECARDS) {
                for (ScorecardLine line : scorecard.lines()) {
                    KpiDefinition definition = catalogue.get(line.kpi());
                    if (!definition.isComputed() && definition.granularity() == Period.Granularity.MONTH
                            && kpis.measurement(line.kpi(), scorecard.unit(), period).isEmpty()) {
                        kpis.recordMeasurement(GENERAL_MANAGER, line.kpi(), scorecard.unit(), period,
                                measuredValue(definition, random));
                    }
                }
            }
            for (KpiUnit unit : units) {
                kpis.compute(GENERAL_MANAGER, unit, period, Demo.ZONE);
            }
            StageOnTimeComputation stage = kpis.stageOnTime(period, Demo.ZONE);
            stages.add(stage);
            for (ScorecardDefinition scorecard : SCORECARDS) {
                byScorecard.computeIfAbsent(scorecard.id(), k -> new ArrayList<>())
                        .add(scorecard.apply(catalogue, period, values(kpis, scorecard, period, stage)));
            }
            context.deliverNotifications("the KPIs of " + month);
        }

        out.heading("Scorecards in December " + YEAR);
        out.paragraph("Each line's value is banded by its KPI's thresholds (target, amber and red limits) and earns"
                + " the band's points; the score is the weighted mean of the points. A line without a value (no"
                + " facts in the month) leaves its scorecard incomplete: no score and no band.");
        for (ScorecardDefinition scorecard : SCORECARDS) {
            List<ScorecardResult> year = byScorecard.get(scorecard.id());
            ScorecardResult december = year.get(year.size() - 1);
            out.table(scorecardCaption(december), List.of("KPI", "weight", "value", "band", "points", "green",
                    "amber", "red"), scorecardRows(scorecard, december, catalogue));
        }
        List<List<String>> scores = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(months.get(i).toString());
            for (ScorecardDefinition scorecard : SCORECARDS) {
                ScorecardResult result = byScorecard.get(scorecard.id()).get(i);
                row.add(result.score().map(s -> s.toPlainString() + " " + result.band().orElseThrow()).orElse("—"));
            }
            scores.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add("month");
        SCORECARDS.forEach(s -> headers.add(s.id()));
        out.table("Scores by month", headers, scores);

        out.heading("The year's KPIs");
        out.paragraph("Every KPI the scorecards name and every KPI Keyline computes, month by month, with its amber and"
                + " red bands. A month without a value (no facts in it: no CAPEX project accepted, say) is a gap in"
                + " the line, never a 0. CAPEX per line divides the year's actual CAPEX by the lines in service at the"
                + " month's end, which the operator's inventory counts and gives to the KPI service. The arrears"
                + " rate is computed from billing's month-end facts: what was overdue and unpaid on the month's last"
                + " day over what was billed in the month. The stage"
                + " on-time rate is assessed per person at each of the four levels: a chart per level, and a table"
                + " per person.");
        List<String> without = new ArrayList<>();
        for (KpiDefinition definition : charted) {
            if (definition.id().equals(StageOnTimeComputation.KPI)) {
                for (Role level : LEVELS) {
                    chart(definition, levelCaption(definition, level),
                            stages.stream().map(c -> c.levelValue(level)).toList(), months)
                            .ifPresentOrElse(out::chart, () -> without.add(definition.id() + " of " + level));
                }
                out.table(STAGE_TABLE, stageHeaders(months), stageRows(stages));
                continue;
            }
            KpiUnit unit = unitOf(definition);
            List<KpiValue> values = months.stream().map(p -> monthValue(kpis, definition, unit, p)).toList();
            chart(definition, chartCaption(definition, unit), values, months)
                    .ifPresentOrElse(out::chart, () -> without.add(definition.id().value()));
        }
        KpiDefinition arrears = catalogue.get(KpiCatalogue.ARREARS_RATE);
        List<List<String>> arrearsRows = new ArrayList<>();
        for (Period period : months) {
            KpiValue value = monthValue(kpis, arrears, unitOf(arrears), period);
            arrearsRows.add(List.of(period.toString(), Figures.cny(Money.cny(value.numerator())),
                    Figures.cny(Money.cny(value.denominator())),
                    value.value().map(BigDecimal::toPlainString).orElse("—"),
                    value.value().map(v -> arrears.band(v).name()).orElse("—")));
        }
        out.table(ARREARS_TABLE, List.of("month", "overdue (CNY)", "billed (CNY)", "rate", "band"), arrearsRows);
        if (!without.isEmpty()) {
            out.fact("KPIs without a value in any month (not charted)", String.join(", ", without));
        }

        List<List<String>> events = new ArrayList<>();
        for (OutboxEntry entry : context.entries(DeliveryStatus.DELIVERED)) {
            if (entry.message().type().equals(KpiBandEntered.TYPE)) {
                events.add(List.of(entry.message().aggregateId(), entry.message().occurredAt().toString(),
                        entry.message().payload()));
            }
        }
        out.heading("Bands entered");
        out.paragraph("A KPI entering amber or red for a unit raises " + KpiBandEntered.TYPE + " through the outbox;"
                + " the relay delivered each to the demo's sinks like every other event.");
        out.table(EVENTS_TABLE, List.of("standing", "at", "payload"), events);
    }

    /**
     * The values a scorecard is applied to for a month: the stage on-time rate of the scorecard's
     * level (for the four provisioning levels), the unit's stored computed results and the current
     * measured values of its measured lines, read back through the service.
     */
    static List<KpiValue> values(KpiService kpis, ScorecardDefinition scorecard, Period period,
            StageOnTimeComputation stage) {
        Map<KpiId, KpiValue> values = new LinkedHashMap<>();
        if (scorecard.kpis().contains(StageOnTimeComputation.KPI) && LEVELS.contains(scorecard.role())) {
            // a provisioning level's scorecard: the stage on-time rate of its whole level
            values.put(StageOnTimeComputation.KPI, stage.levelValue(scorecard.role()));
        }
        for (KpiResult result : kpis.results(scorecard.unit(), period)) {
            if (scorecard.kpis().contains(result.kpi()) && result.zone().equals(Demo.ZONE)) {
                values.put(result.kpi(), result.value());
            }
        }
        for (KpiId kpi : scorecard.kpis()) {
            kpis.measurement(kpi, scorecard.unit(), period).map(KpiMeasurement::asValue)
                    .ifPresent(v -> values.putIfAbsent(kpi, v));
        }
        return List.copyOf(values.values());
    }

    /**
     * A measured input as a host would record it: mostly in the green band, now and then amber or
     * red, so the standings have bands to enter.
     */
    static BigDecimal measuredValue(KpiDefinition definition, Random random) {
        KpiThresholds thresholds = definition.thresholds();
        int draw = random.nextInt(100);
        boolean higher = thresholds.direction() == KpiDirection.HIGHER_IS_BETTER;
        BigDecimal amber = thresholds.amberLimit();
        BigDecimal red = thresholds.redLimit();
        BigDecimal value;
        if (draw < 8) {
            value = higher ? red.multiply(new BigDecimal("0.95")) : red.multiply(new BigDecimal("1.2")).add(BigDecimal.ONE);
        } else if (draw < 25 && amber.compareTo(red) != 0) {
            value = amber.add(red).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN);
        } else {
            value = thresholds.target();
        }
        if (definition.measure() == KpiMeasure.COUNT) {
            value = value.setScale(0, higher ? RoundingMode.FLOOR : RoundingMode.CEILING);
        }
        return value.setScale(KpiValue.SCALE, RoundingMode.HALF_EVEN);
    }

    private static String scorecardCaption(ScorecardResult result) {
        return SCORECARD_TABLE + result.scorecard() + " (" + result.role() + ", " + result.unit() + ") for "
                + result.period() + ": " + result.score().map(s -> "score " + s.toPlainString() + ", "
                        + result.band().orElseThrow()).orElse("incomplete, missing " + result.missing());
    }

    private static List<List<String>> scorecardRows(ScorecardDefinition scorecard, ScorecardResult result,
            KpiCatalogue catalogue) {
        List<List<String>> rows = new ArrayList<>();
        for (KpiScore line : result.lines()) {
            KpiThresholds t = catalogue.get(line.kpi()).thresholds();
            String symbol = t.direction() == KpiDirection.HIGHER_IS_BETTER ? "≥ " : "≤ ";
            String worse = t.direction() == KpiDirection.HIGHER_IS_BETTER ? "< " : "> ";
            rows.add(List.of(line.kpi().value(), line.weight().toPlainString(),
                    line.value().flatMap(KpiValue::value).map(BigDecimal::toPlainString).orElse("—"),
                    line.band().map(Band::name).orElse("—"),
                    line.band().map(b -> scorecard.points().points(b).toPlainString()).orElse("—"),
                    symbol + t.amberLimit().toPlainString(), worse + t.amberLimit().toPlainString(),
                    worse + t.redLimit().toPlainString()));
        }
        return rows;
    }

    /**
     * Every KPI the chapter charts, in order: the KPIs the scorecards name, first seen first, then
     * every other KPI of the catalogue that Keyline computes.
     */
    static List<KpiDefinition> chartedKpis(KpiCatalogue catalogue) {
        Set<KpiId> ids = new LinkedHashSet<>();
        SCORECARDS.forEach(s -> s.lines().forEach(l -> ids.add(l.kpi())));
        catalogue.definitions().stream().filter(KpiDefinition::isComputed).forEach(d -> ids.add(d.id()));
        return ids.stream().map(catalogue::get).toList();
    }

    /** The unit a KPI is charted for: that of the first scorecard naming it, else the catalogue's owner unit. */
    static KpiUnit unitOf(KpiDefinition definition) {
        return SCORECARDS.stream().filter(s -> s.kpis().contains(definition.id())).map(ScorecardDefinition::unit)
                .findFirst().orElse(definition.unit());
    }

    /** A KPI's stored value for a unit and month: its computed result, else its current measured value. */
    static KpiValue monthValue(KpiService kpis, KpiDefinition definition, KpiUnit unit, Period period) {
        for (KpiResult result : kpis.results(unit, period)) {
            if (result.kpi().equals(definition.id()) && result.zone().equals(Demo.ZONE)) {
                return result.value();
            }
        }
        return kpis.measurement(definition.id(), unit, period).map(KpiMeasurement::asValue)
                .orElse(KpiValue.ratio(definition.id(), period, 0, 0));
    }

    /**
     * A KPI's twelve months as a chart with its amber and red bands; a month without a value is a
     * gap. Empty when no month has a value.
     */
    private static Optional<Block.LineChart> chart(KpiDefinition definition, String caption, List<KpiValue> year,
            List<Period> months) {
        List<BigDecimal> values = new ArrayList<>();
        for (KpiValue value : year) {
            values.add(value.value().orElse(null));
        }
        List<BigDecimal> present = values.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Block.LineChart(caption, months.stream().map(p -> p.toString().substring(5)).toList(),
                List.of(new Block.Series(definition.id().value(), values)), bands(definition.thresholds(), present)));
    }

    /** The caption of the stage on-time rate's chart for one level of the four-level assessment. */
    static String levelCaption(KpiDefinition definition, Role level) {
        return CHART_CAPTION + definition.id() + " (" + definition.chineseName() + ", " + definition.englishName()
                + ") of the level " + level + " by month of " + YEAR;
    }

    private static List<String> stageHeaders(List<Period> months) {
        List<String> headers = new ArrayList<>(List.of("level", "person"));
        months.forEach(p -> headers.add(p.toString().substring(5)));
        return headers;
    }

    /** One row per level and person: the person's stage on-time rate each month, "—" where none of their stages was done. */
    private static List<List<String>> stageRows(List<StageOnTimeComputation> stages) {
        List<List<String>> rows = new ArrayList<>();
        for (Role level : LEVELS) {
            Set<String> persons = new java.util.TreeSet<>();
            stages.forEach(c -> persons.addAll(c.values(level).keySet()));
            for (String person : persons) {
                List<String> row = new ArrayList<>(List.of(level.name(), person));
                for (StageOnTimeComputation c : stages) {
                    KpiValue v = c.values(level).get(person);
                    row.add(v == null ? "—" : v.value().map(BigDecimal::toPlainString).orElse("—"));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The caption of a KPI's chart for a unit. */
    static String chartCaption(KpiDefinition definition, KpiUnit unit) {
        return CHART_CAPTION + definition.id() + " (" + definition.chineseName() + ", " + definition.englishName()
                + ") of " + unit + " by month of " + YEAR;
    }

    /**
     * The amber and red bands of thresholds, drawn up to a little above the largest value (or the
     * red limit or target, whichever is larger; 1 when all are zero).
     */
    static List<Block.Area> bands(KpiThresholds t, List<BigDecimal> values) {
        BigDecimal top = values.stream().reduce(t.redLimit(), BigDecimal::max).max(t.target())
                .multiply(new BigDecimal("1.1"));
        if (top.signum() == 0) {
            top = BigDecimal.ONE;
        }
        List<Block.Area> areas = new ArrayList<>();
        if (t.direction() == KpiDirection.HIGHER_IS_BETTER) {
            areas.add(new Block.Area("red", BigDecimal.ZERO, t.redLimit(), RED));
            if (t.amberLimit().compareTo(t.redLimit()) > 0) {
                areas.add(new Block.Area("amber", t.redLimit(), t.amberLimit(), AMBER));
            }
        } else {
            if (t.redLimit().compareTo(t.amberLimit()) > 0) {
                areas.add(new Block.Area("amber", t.amberLimit(), t.redLimit(), AMBER));
            }
            areas.add(new Block.Area("red", t.redLimit(), top, RED));
        }
        return List.copyOf(areas);
    }
}
