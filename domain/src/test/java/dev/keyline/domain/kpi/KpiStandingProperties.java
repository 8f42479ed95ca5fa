package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences on a {@link KpiStanding} for churn rate (lower is better; green up to
 * 0.03, amber up to 0.05, red above), against a model: an event exactly when the band enters amber
 * or red from a better band (or the first band is amber or red) and when it returns to green; a
 * rejected command (a period not after the last, another KPI's value or definition, a value without
 * a value, a quarter for a monthly KPI) changes nothing; the snapshot round-trips after every step.
 */
class KpiStandingProperties {

    private static final KpiDefinition CHURN = KpiCatalogue.seed().get(KpiCatalogue.CHURN_RATE);
    private static final KpiDefinition CAPEX = KpiCatalogue.seed().get(KpiCatalogue.CAPEX_RATIO);

    @Test
    void eventsRaiseExactlyOnEnteringAmberOrRedAndOnRecovering() {
        qt().withExamples(500).forAll(lists().of(lists().of(integers().between(0, 1_000)).ofSize(3)).ofSizeBetween(1, 30))
                .checkAssert(ops -> {
                    KpiStanding standing = KpiStanding.open(KpiCatalogue.CHURN_RATE, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT);
                    YearMonth last = null;
                    Band lastBand = null;
                    int step = 0;
                    for (List<Integer> op : ops) {
                        int kind = op.get(0) % 10;
                        int churned = op.get(1) % 8; // of 100 accounts: 0..0.07 spans all bands
                        int offset = op.get(2) % 4 - 1; // -1..2 months after the last
                        YearMonth month = last == null ? YearMonth.of(2026, 1).plusMonths(Math.max(offset, 0))
                                : last.plusMonths(offset);
                        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * ++step);
                        KpiStandingSnapshot before = standing.snapshot();
                        List<DomainEvent> eventsBefore = standing.pendingEvents();
                        Class<? extends KeylineException> expected = null;
                        KpiDefinition definition = CHURN;
                        KpiValue value = KpiValue.ratio(KpiCatalogue.CHURN_RATE, Period.month(month), churned, 100);
                        switch (kind) {
                            case 0 -> {
                                value = KpiValue.ratio(KpiCatalogue.CAPEX_RATIO, Period.month(month), churned, 100);
                                expected = InvalidArgumentException.class;
                            }
                            case 1 -> {
                                definition = CAPEX;
                                expected = InvalidArgumentException.class;
                            }
                            case 2 -> {
                                value = KpiValue.ratio(KpiCatalogue.CHURN_RATE, Period.month(month), 0, 0);
                                expected = InvalidArgumentException.class;
                            }
                            case 3 -> {
                                value = KpiValue.ratio(KpiCatalogue.CHURN_RATE, Period.quarter(2026, 1), churned, 100);
                                expected = InvalidArgumentException.class;
                            }
                            default -> {
                                if (last != null && !month.isAfter(last)) {
                                    expected = InvalidStateException.class;
                                }
                            }
                        }
                        if (expected != null) {
                            KpiDefinition d = definition;
                            KpiValue v = value;
                            assertThatThrownBy(() -> standing.record(d, v, at)).isInstanceOf(expected);
                            assertThat(standing.snapshot()).isEqualTo(before);
                            assertThat(standing.pendingEvents()).isEqualTo(eventsBefore);
                        } else {
                            Band band = standing.record(definition, value, at);
                            Band modelBand = churned <= 3 ? Band.GREEN : churned <= 5 ? Band.AMBER : Band.RED;
                            assertThat(band).isEqualTo(modelBand);
                            List<DomainEvent> raised = standing.pendingEvents().subList(eventsBefore.size(),
                                    standing.pendingEvents().size());
                            boolean entered = band != Band.GREEN && (lastBand == null || band.isWorseThan(lastBand));
                            boolean recovered = band == Band.GREEN && lastBand != null && lastBand != Band.GREEN;
                            if (entered) {
                                assertThat(raised).singleElement().isEqualTo(new KpiBandEntered(
                                        ((KpiBandEntered) raised.get(0)).eventId(), at, KpiCatalogue.CHURN_RATE,
                                        SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT, Period.month(month), band,
                                        Optional.ofNullable(lastBand), value.value().orElseThrow()));
                            } else if (recovered) {
                                assertThat(raised).singleElement().isInstanceOf(KpiBandRecovered.class);
                                assertThat(((KpiBandRecovered) raised.get(0)).previousBand()).isEqualTo(lastBand);
                            } else {
                                assertThat(raised).isEmpty();
                            }
                            last = month;
                            lastBand = band;
                        }
                        // invariants after every step
                        assertThat(standing.currentBand()).isEqualTo(Optional.ofNullable(lastBand));
                        List<KpiStandingEntry> entries = standing.entries();
                        for (int i = 1; i < entries.size(); i++) {
                            assertThat(entries.get(i).period()).isGreaterThan(entries.get(i - 1).period());
                        }
                        KpiStanding restored = KpiStanding.restore(standing.snapshot());
                        assertThat(restored.snapshot()).isEqualTo(standing.snapshot());
                        assertThat(restored.currentBand()).isEqualTo(standing.currentBand());
                    }
                    long enteredCount = standing.pendingEvents().stream().filter(KpiBandEntered.class::isInstance).count();
                    List<Band> bands = new ArrayList<>();
                    standing.entries().forEach(e -> bands.add(e.band()));
                    long modelEntered = 0;
                    for (int i = 0; i < bands.size(); i++) {
                        if (bands.get(i) != Band.GREEN && (i == 0 || bands.get(i).isWorseThan(bands.get(i - 1)))) {
                            modelEntered++;
                        }
                    }
                    assertThat(enteredCount).isEqualTo(modelEntered);
                });
    }

    @Test
    void restoreReportsABrokenSnapshotAsCorrupt() {
        KpiStandingId id = KpiStandingId.of(KpiCatalogue.CHURN_RATE, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT);
        KpiStandingEntry march = new KpiStandingEntry(KpiSamples.MARCH, new BigDecimal("0.01"), Band.GREEN, KpiSamples.AT);
        assertThatThrownBy(() -> KpiStanding.restore(new KpiStandingSnapshot(id, 1, List.of(march, march))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("does not follow");
        assertThatThrownBy(() -> KpiStanding.restore(new KpiStandingSnapshot(null, 1, List.of())))
                .isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> KpiStanding.restore(new KpiStandingSnapshot(id, 1, null)))
                .isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> KpiStanding.restore(new KpiStandingSnapshot(id, -1, List.of())))
                .isInstanceOf(CorruptStateException.class);
        KpiStandingEntry quarter = new KpiStandingEntry(Period.quarter(2026, 2), new BigDecimal("0.01"), Band.GREEN, KpiSamples.AT);
        assertThatThrownBy(() -> KpiStanding.restore(new KpiStandingSnapshot(id, 1, List.of(march, quarter))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("granularity");
    }

    @Test
    void theIdReadsBackFromItsText() {
        KpiStandingId id = KpiStandingId.of(KpiCatalogue.CHURN_RATE, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT);
        assertThat(id.value()).isEqualTo("churn-rate:key-account-department");
        assertThat(new KpiStandingId(id.value())).isEqualTo(id);
        assertThat(id.kpi()).isEqualTo(KpiCatalogue.CHURN_RATE);
        assertThat(id.unit()).isEqualTo(SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT);
        assertThat(new KpiStandingId("churn-rate:region:north").unit()).isEqualTo(new KpiUnit("region:north"));
        assertThatThrownBy(() -> KpiStandingId.of(new KpiId("host:churn"), SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("kpi");
        for (String bad : List.of("churn-rate", ":unit", "churn rate:unit", "churn-rate:")) {
            try {
                new KpiStandingId(bad);
                fail("parsed " + bad);
            } catch (InvalidArgumentException e) {
                assertThat(e.getMessage()).contains("kpiStandingId");
            }
        }
    }
}
