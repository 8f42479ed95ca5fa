package dev.keyline.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.resource.SpareBelowMinimum;
import dev.keyline.domain.resource.SparePlanLine;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.resource.SpareParts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The spare-parts step on a fresh runtime: what the daily check raises, the plan it draws, and its two lines. */
class SparePartsStepTest {

    private final Keyline keyline = Keyline.builder().storage(new InMemoryStorage())
            .clock(new DemoClock(Instant.parse("2024-07-01T01:00:00Z"), Demo.ZONE)).zone(Demo.ZONE).build();

    @Test
    void theCheckRaisesTheTwoShortStocksOnceAndThePlanOrdersWhatKeepsTheMinimum() {
        SparePartsStep.Outcome outcome = SparePartsStep.run(keyline, ResourcesChapter.NETWORK_CENTRE, ResourcesChapter.STATION);

        assertThat(outcome.check().day()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(outcome.check().raised()).extracting(SpareBelowMinimum::stock)
                .containsExactly(SparePartsStep.LINE_CARDS, SparePartsStep.OPTICS);
        assertThat(outcome.checkAgain().raised()).isEmpty();
        // July's issues over the three months June to August's plan reads: optics 5, line cards 2, fans 1
        assertThat(outcome.plan()).containsExactly(
                new SparePlanLine(SparePartsStep.FANS, YearMonth.of(2024, 8), 1, 1, 4, 0, 0),
                new SparePlanLine(SparePartsStep.LINE_CARDS, YearMonth.of(2024, 8), 1, 2, 1, 0, 2),
                new SparePlanLine(SparePartsStep.OPTICS, YearMonth.of(2024, 8), 2, 4, 3, 1, 2));
        assertThat(outcome.lines()).containsExactly(
                "Daily check 2024-07-01: 2 below minimum (available of minimum): LC-E1 1 of 2, OPT-10G 3 of 4;"
                        + " run again the same day: 0 raised",
                "Spare-parts plan 2024-08 for SZ-CENTRAL: order FAN-7 0 (need 1), LC-E1 2 (need 1), OPT-10G 2 (need 2)");
        assertThat(SpareParts.on(keyline).stock(SparePartsStep.OPTICS).underRepair()).isEqualTo(1);
    }

    @Test
    void theStepRefusesAMarketingManagerAsStockkeeperBeforeAnyStockExists() {
        assertThatThrownBy(() -> SparePartsStep.run(keyline, ResourcesChapter.MARKETING, ResourcesChapter.STATION))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not");
        assertThatThrownBy(() -> SpareParts.on(keyline).stock(SparePartsStep.OPTICS)).isInstanceOf(NotFoundException.class);
    }
}
