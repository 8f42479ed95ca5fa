package dev.keyline.examples.demo;

import dev.keyline.domain.common.Actor;
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
 * areas stored, all through {@link KpiService}; the seed's scorecards are applied to each month's
 * values; the report shows each scorecard's December table with its bands, a chart of every KPI's
 * twelve months with the amber and red bands shaded, and the {@code kpi.band-entered} events the
 * standings raised.
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
        KpiService kpis = KpiService.on(context.keyline());
        KpiCatalogue catalogue = KpiCatalogue.seed();
        Random random = context.random(RANDOM_PURPOSE);
        Set<KpiUnit> units = new LinkedHashSet<>();
        SCORECARDS.forEach(s -> units.add(s.unit()));

        out.summary("Twelve months of " + YEAR + ": measured inputs recorded, KPIs computed from the stored facts, "
                + SCORECARDS.size() + " scorecards applied, bands charted.");

        List<Period> months = new ArrayList<>();
        Map<String, List<ScorecardResult>> byScorecard = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(YEAR, m);
            Period period = Period.month(month);
            months.add(period);
            MonthlyWorkOrders.during(context, month);
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
            for (ScorecardDefinition scorecard : SCORECARDS) {
                byScorecard.computeIfAbsent(scorecard.id(), k -> new ArrayList<>())
                        .add(scorecard.apply(catalogue, period, values(kpis, scorecard, period)));
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
        Set<KpiId> charted = new LinkedHashSet<>();
        List<String> without = new ArrayList<>();
        for (ScorecardDefinition scorecard : SCORECARDS) {
            for (ScorecardLine line : scorecard.lines()) {
                if (!charted.add(line.kpi())) {
                    continue;
                }
                Optional<Block.LineChart> chart = chart(catalogue.get(line.kpi()), scorecard.unit(),
                        byScorecard.get(scorecard.id()), months);
                chart.ifPresentOrElse(out::chart, () -> without.add(line.kpi().value()));
            }
        }
        if (!without.isEmpty()) {
            out.fact("KPIs without a value in some month (not charted)", String.join(", ", without));
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
     * The values a scorecard is applied to for a month: the unit's stored computed results and the
     * current measured values of its measured lines, read back through the service.
     */
    static List<KpiValue> values(KpiService kpis, ScorecardDefinition scorecard, Period period) {
        Map<KpiId, KpiValue> values = new LinkedHashMap<>();
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

    /** A KPI's twelve months for the scorecard's unit, with its amber and red bands; empty when a month has no value. */
    private static Optional<Block.LineChart> chart(KpiDefinition definition, KpiUnit unit,
            List<ScorecardResult> year, List<Period> months) {
        List<BigDecimal> values = new ArrayList<>();
        for (ScorecardResult result : year) {
            Optional<BigDecimal> value = result.lines().stream().filter(l -> l.kpi().equals(definition.id()))
                    .findFirst().flatMap(KpiScore::value).flatMap(KpiValue::value);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(new Block.LineChart(chartCaption(definition, unit),
                months.stream().map(p -> p.toString().substring(5)).toList(),
                List.of(new Block.Series(definition.id().value(), values)), bands(definition.thresholds(), values)));
    }

    /** The caption of a KPI's chart for a unit. */
    static String chartCaption(KpiDefinition definition, KpiUnit unit) {
        return CHART_CAPTION + definition.id() + " (" + definition.chineseName() + ", " + definition.englishName()
                + ") of " + unit + " by month of " + YEAR;
    }

    /** The amber and red bands of thresholds, drawn up to a little above the largest value. */
    static List<Block.Area> bands(KpiThresholds t, List<BigDecimal> values) {
        BigDecimal top = values.stream().reduce(t.redLimit(), BigDecimal::max).max(t.target())
                .multiply(new BigDecimal("1.1")).max(BigDecimal.ONE);
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
