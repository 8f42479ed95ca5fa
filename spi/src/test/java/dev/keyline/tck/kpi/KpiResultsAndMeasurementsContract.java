package dev.keyline.tck.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import dev.keyline.tck.StorageBackedContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KpiResultRepository} and {@link KpiMeasurementRepository}: results read
 * back exactly as saved and a recomputation replaces its key's result; measured values are
 * appended revision by revision, a recording of the wrong revision is rejected as stale, and a
 * failing transaction leaves nothing behind.
 */
public abstract class KpiResultsAndMeasurementsContract extends StorageBackedContract {

    private static final KpiId COMPLIANCE = new KpiId("market-response-compliance");
    private static final KpiId SATISFACTION = new KpiId("customer-satisfaction");
    private static final KpiUnit CENTRE = new KpiUnit("suzhou-network-centre");
    private static final KpiUnit DEPARTMENT = new KpiUnit("key-account-department");
    private static final Period MARCH = Period.month(YearMonth.of(2026, 3));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-04-01T02:00:00Z");
    private static final UserId CLERK = new UserId("clerk-li");

    private KpiResultRepository results() {
        return storage.port(KpiResultRepository.class);
    }

    private KpiMeasurementRepository measurements() {
        return storage.port(KpiMeasurementRepository.class);
    }

    private static String hash(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static KpiResult result(KpiId kpi, KpiUnit unit, Period period, ZoneId zone, KpiValue value, String hash,
            Instant at) {
        return new KpiResult(value, unit, zone, hash, at);
    }

    @Test
    void resultsReadBackExactlyAsSavedWithOrWithoutAValue() {
        Random random = new Random(1);
        KpiResult counted = result(COMPLIANCE, CENTRE, MARCH, SHANGHAI, KpiValue.ratio(COMPLIANCE, MARCH, 7, 8),
                hash(random), T0);
        KpiId capex = new KpiId("capex-ratio");
        KpiResult amounts = result(capex, CENTRE, MARCH, SHANGHAI, KpiValue.ratio(capex, MARCH,
                new BigDecimal("1234.50"), new BigDecimal("99999999999.99")), hash(random), T0);
        KpiId churn = new KpiId("churn-rate");
        KpiResult none = result(churn, CENTRE, MARCH, SHANGHAI, KpiValue.ratio(churn, MARCH, 0, 0), hash(random), T0);
        storage.transactions().run(() -> List.of(counted, amounts, none).forEach(results()::save));

        assertThat(inTransaction(() -> results().find(COMPLIANCE, CENTRE, MARCH, SHANGHAI))).contains(counted);
        assertThat(inTransaction(() -> results().find(capex, CENTRE, MARCH, SHANGHAI))).contains(amounts);
        assertThat(inTransaction(() -> results().find(churn, CENTRE, MARCH, SHANGHAI))).contains(none);
        assertThat(inTransaction(() -> results().find(churn, CENTRE, MARCH, ZoneOffset.UTC))).isEmpty();
        assertThat(inTransaction(() -> results().ofUnit(CENTRE, MARCH))).containsExactly(amounts, none, counted);
        assertThat(inTransaction(() -> results().ofUnit(DEPARTMENT, MARCH))).isEmpty();
    }

    @Test
    void theLatestSaveOfAKeyIsTheResultOfThatKey() {
        qt().withExamples(propertyExamples()).withFixedSeed(14L).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Map<String, KpiResult> model = new HashMap<>();
            List<KpiResult> saved = new ArrayList<>();
            storage.transactions().run(() -> {
                for (int i = 0; i < 12; i++) {
                    KpiId kpi = random.nextBoolean() ? COMPLIANCE : SATISFACTION;
                    KpiUnit unit = random.nextBoolean() ? CENTRE : new KpiUnit("unit-" + seed);
                    Period period = random.nextBoolean() ? MARCH : MARCH.next();
                    ZoneId zone = random.nextBoolean() ? SHANGHAI : ZoneOffset.UTC;
                    long d = random.nextInt(5);
                    KpiResult r = result(kpi, unit, period, zone, KpiValue.ratio(kpi, period, d == 0 ? 0 : random.nextInt((int) d + 1), d),
                            hash(random), T0.plusSeconds(i));
                    results().save(r);
                    model.put(kpi + "|" + unit + "|" + period + "|" + zone, r);
                    saved.add(r);
                }
            });
            for (KpiResult expected : model.values()) {
                assertThat(inTransaction(() -> results().find(expected.kpi(), expected.unit(), expected.period(),
                        expected.zone()))).contains(expected);
            }
            KpiUnit unit = new KpiUnit("unit-" + seed);
            List<KpiResult> expectedOfUnit = model.values().stream()
                    .filter(r -> r.unit().equals(unit) && r.period().equals(MARCH))
                    .sorted(Comparator.comparing((KpiResult r) -> r.kpi().value()).thenComparing(r -> r.zone().getId()))
                    .toList();
            assertThat(inTransaction(() -> results().ofUnit(unit, MARCH))).containsExactlyElementsOf(expectedOfUnit);
        });
    }

    private static KpiMeasurement measured(String value, int revision, Instant at) {
        return new KpiMeasurement(SATISFACTION, DEPARTMENT, MARCH, new BigDecimal(value), revision, CLERK, at);
    }

    @Test
    void measurementsAreAppendedRevisionByRevisionAndTheLatestCounts() {
        KpiMeasurement first = measured("0.92", 1, T0);
        KpiMeasurement corrected = measured("0.9350", 2, T0.plusSeconds(3_600));
        storage.transactions().run(() -> measurements().append(first));
        storage.transactions().run(() -> measurements().append(corrected));

        assertThat(inTransaction(() -> measurements().current(SATISFACTION, DEPARTMENT, MARCH))).contains(corrected);
        assertThat(inTransaction(() -> measurements().history(SATISFACTION, DEPARTMENT, MARCH)))
                .containsExactly(first, corrected);
        assertThat(inTransaction(() -> measurements().current(SATISFACTION, DEPARTMENT, MARCH.next()))).isEmpty();
        assertThat(inTransaction(() -> measurements().current(SATISFACTION, CENTRE, MARCH))).isEmpty();
        assertThat(corrected.asValue().value()).contains(new BigDecimal("0.9350"));
    }

    @Test
    void aRecordingOfAnotherThanTheNextRevisionIsStaleAndChangesNothing() {
        storage.transactions().run(() -> measurements().append(measured("0.92", 1, T0)));

        assertThatThrownBy(() -> storage.transactions().run(() -> measurements().append(measured("0.5", 1, T0))))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("revision 1");
        assertThatThrownBy(() -> storage.transactions().run(() -> measurements().append(measured("0.5", 3, T0))))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("revision 3");
        assertThat(inTransaction(() -> measurements().history(SATISFACTION, DEPARTMENT, MARCH)))
                .extracting(KpiMeasurement::value).containsExactly(new BigDecimal("0.9200"));
    }

    @Test
    void aFailingTransactionLeavesNoResultAndNoMeasurementBehind() {
        KpiResult r = result(COMPLIANCE, CENTRE, MARCH, SHANGHAI, KpiValue.ratio(COMPLIANCE, MARCH, 1, 2),
                hash(new Random(3)), T0);
        assertThatThrownBy(() -> storage.transactions().run(() -> {
            results().save(r);
            measurements().append(measured("0.9", 1, T0));
            measurements().append(measured("0.9", 1, T0));
        })).isInstanceOf(StaleVersionException.class);
        assertThat(inTransaction(() -> results().find(COMPLIANCE, CENTRE, MARCH, SHANGHAI))).isEmpty();
        assertThat(inTransaction(() -> measurements().history(SATISFACTION, DEPARTMENT, MARCH))).isEmpty();
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> storage.transactions().run(() -> results().save(null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("result");
        assertThatThrownBy(() -> inTransaction(() -> results().find(COMPLIANCE, null, MARCH, SHANGHAI)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("unit");
        assertThatThrownBy(() -> storage.transactions().run(() -> measurements().append(null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("measurement");
        assertThatThrownBy(() -> inTransaction(() -> measurements().history(SATISFACTION, DEPARTMENT, null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("period");
    }
}
