package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stage on-time rate counts, per level and person, exactly the stages completed within the
 * period; a level's value is the sum of its persons'; the order of the facts and the split of the
 * work between computations do not matter.
 */
class StageOnTimeKpiProperties {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<Role> LEVELS = List.of(Role.ACCOUNT_MANAGER, Role.STATION_MANAGER, Role.STATION_EXECUTOR,
            Role.IT_SUPPORT);
    /** 1 March 2026 00:00 in Shanghai. */
    private static final Instant START = KpiSamples.MARCH.startAt(ZONE);

    private static ResponsibilityFact fact(int i, List<Integer> f) {
        // completion from 5 days before to 5 days after the month of March
        Instant completed = START.plusSeconds((f.get(2) % (41 * 24) - 5 * 24) * 3600L);
        return new ResponsibilityFact("PO-" + i, "S" + (i % 3), LEVELS.get(f.get(0) % 4), "p" + f.get(1) % 5,
                completed, f.get(3) % 2 == 0);
    }

    @Test
    void countsStagesCompletedInThePeriodPerPersonAndLevelInAnyOrder() {
        qt().withExamples(300).forAll(lists().of(lists().of(integers().between(0, 10_000)).ofSize(4)).ofSizeBetween(0, 60),
                integers().between(0, 60)).checkAssert((raw, split) -> {
                    List<ResponsibilityFact> facts = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        facts.add(fact(i, raw.get(i)));
                    }
                    StageOnTimeComputation all = new StageOnTimeComputation(KpiSamples.MARCH, ZONE);
                    facts.forEach(all::accept);
                    for (Role level : LEVELS) {
                        long onTime = 0;
                        long completed = 0;
                        for (ResponsibilityFact f : facts) {
                            boolean in = !f.completed().isBefore(START) && f.completed().isBefore(KpiSamples.MARCH.endAt(ZONE));
                            if (in && f.level() == level) {
                                completed++;
                                onTime += f.onTime() ? 1 : 0;
                            }
                        }
                        KpiValue levelValue = all.levelValue(level);
                        assertThat(levelValue.numerator()).isEqualByComparingTo(BigDecimal.valueOf(onTime));
                        assertThat(levelValue.denominator()).isEqualByComparingTo(BigDecimal.valueOf(completed));
                        assertThat(levelValue.hasValue()).isEqualTo(completed > 0);
                        levelValue.value().ifPresent(v -> assertThat(v).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
                        Map<String, KpiValue> persons = all.values(level);
                        assertThat(persons.values().stream().map(KpiValue::denominator).reduce(BigDecimal.ZERO, BigDecimal::add))
                                .isEqualByComparingTo(BigDecimal.valueOf(completed));
                        persons.forEach((person, v) -> assertThat(all.value(level, person)).isEqualTo(v));
                    }
                    List<ResponsibilityFact> shuffled = new ArrayList<>(facts);
                    Collections.reverse(shuffled);
                    int cut = Math.min(split, shuffled.size());
                    StageOnTimeComputation first = new StageOnTimeComputation(KpiSamples.MARCH, ZONE);
                    StageOnTimeComputation second = new StageOnTimeComputation(KpiSamples.MARCH, ZONE);
                    shuffled.subList(0, cut).forEach(first::accept);
                    shuffled.subList(cut, shuffled.size()).forEach(second::accept);
                    first.add(second);
                    for (Role level : LEVELS) {
                        assertThat(first.values(level)).isEqualTo(all.values(level));
                        assertThat(first.levelValue(level)).isEqualTo(all.levelValue(level));
                    }
                });
    }

    @Test
    void aPersonWithoutStagesHasNoValueAndOnlyTheFourLevelsAreFacts() {
        StageOnTimeComputation c = new StageOnTimeComputation(KpiSamples.MARCH, ZONE);
        assertThat(c.value(Role.STATION_EXECUTOR, "nobody").hasValue()).isFalse();
        assertThatThrownBy(() -> new ResponsibilityFact("PO-1", "S1", Role.GENERAL_MANAGER, "gm", START, true))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("level");
        assertThatThrownBy(() -> c.add(new StageOnTimeComputation(KpiSamples.MARCH, ZoneId.of("UTC"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("zone");
    }
}
