package dev.keyline.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.DeliveryStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's CAPEX step runs a rolling project from proposal to acceptance, one printed line per step. */
class CapexStepTest {

    @Test
    void aRollingProjectRunsFromProposalToAcceptanceAndItsCapacityIsAnnounced() {
        InMemoryStorage storage = new InMemoryStorage();
        DemoClock clock = new DemoClock(Instant.parse("2026-01-05T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Keyline keyline = Keyline.builder().storage(storage).clock(clock).build();
        List<String> printed = new ArrayList<>();

        CapexProjectSnapshot accepted = CapexStep.run(keyline, clock, new CapexBudgetLine(new BudgetId("BUD-SZ-2026"), new BudgetLineId("CAPEX-NET")),
                printed::add);

        assertThat(accepted.stage()).isEqualTo(CapexStage.ACCEPTED);
        assertThat(accepted.firstTimeRight()).isTrue();
        assertThat(accepted.builtCapacity()).containsExactly(CapexStep.FIBRE);
        assertThat(printed).hasSize(7);
        assertThat(printed.get(0)).contains("PROPOSED").contains("IR-SZ-FIBRE-001");
        assertThat(printed.get(5)).contains("committed 0.00 CNY").contains("actual 349500.00 CNY");
        assertThat(printed.get(4)).contains("committed 352000.00 CNY");
        assertThat(printed.get(6)).contains("ACCEPTED").contains("POOL-SZ-FIBRE");
        assertThat(printed.get(6)).startsWith("2026-04-");
        List<String> types = storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 100))
                .stream().map(e -> e.message().type()).toList();
        assertThat(types).last().isEqualTo("budget.capex-project-accepted");
        assertThat(types).filteredOn("budget.capex-amount-booked"::equals).hasSize(3);
    }
}
