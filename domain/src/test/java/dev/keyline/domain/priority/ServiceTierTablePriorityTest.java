package dev.keyline.domain.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host's rank-to-tier table, its validation, and how a service priority tightens targets. */
class ServiceTierTablePriorityTest {

    static final ServiceTierTable TABLE = ServiceTierTable.of(
            new ServiceTierBand("PLATINUM", 1, 1, new BigDecimal("0.5"), new BigDecimal("0.5")),
            new ServiceTierBand("GOLD", 2, 2, new BigDecimal("0.75"), new BigDecimal("0.75")));

    @Test
    void ranks_map_to_their_band_and_later_ranks_to_standard() {
        assertThat(TABLE.priorityAt(1)).isEqualTo(new ServicePriority("PLATINUM", 1, new BigDecimal("0.5"), new BigDecimal("0.5")));
        assertThat(TABLE.priorityAt(2).tier()).isEqualTo("GOLD");
        assertThat(TABLE.priorityAt(3)).isEqualTo(ServicePriority.STANDARD);
        assertThat(new ServiceTierTable(List.of()).priorityAt(1)).isEqualTo(ServicePriority.STANDARD);
    }

    @Test
    void the_lookup_follows_a_ranking_and_leaves_unranked_accounts_standard() {
        PriorityRanking ranking = PriorityRanking.record(Period.quarter(2026, 1), Segment.all(), RankingWeights.EQUAL,
                GrowthBasis.SAME_PERIOD_LAST_YEAR, List.of(RankingPriorityProperties.result(1, 10, 1, Optional.empty()),
                        RankingPriorityProperties.result(2, 50, 5, Optional.empty()),
                        RankingPriorityProperties.result(3, 5, 0, Optional.empty())),
                Instant.parse("2026-04-01T00:00:00Z"));
        ServicePriorityLookup lookup = TABLE.lookup(ranking);
        assertThat(lookup.priorityOf(new AccountId("KA-2")).tier()).isEqualTo("PLATINUM");
        assertThat(lookup.priorityOf(new AccountId("KA-1")).tier()).isEqualTo("GOLD");
        assertThat(lookup.priorityOf(new AccountId("KA-3"))).isEqualTo(ServicePriority.STANDARD);
        assertThat(lookup.priorityOf(new AccountId("KA-9"))).isEqualTo(ServicePriority.STANDARD);
    }

    @Test
    void bands_must_start_at_one_be_contiguous_and_never_get_tighter_further_down() {
        BigDecimal half = new BigDecimal("0.5");
        assertThatThrownBy(() -> ServiceTierTable.of(new ServiceTierBand("P", 2, 5, half, half)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("contiguous from rank 1");
        assertThatThrownBy(() -> ServiceTierTable.of(new ServiceTierBand("P", 1, 5, half, half),
                new ServiceTierBand("G", 7, 9, half, half))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("starts at rank 7 but the next rank is 6");
        assertThatThrownBy(() -> ServiceTierTable.of(new ServiceTierBand("P", 1, 5, half, half),
                new ServiceTierBand("G", 4, 9, half, half))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("starts at rank 4");
        assertThatThrownBy(() -> ServiceTierTable.of(new ServiceTierBand("P", 1, 5, half, half),
                new ServiceTierBand("G", 6, 9, new BigDecimal("0.4"), BigDecimal.ONE)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("tighter");
        assertThatThrownBy(() -> ServiceTierTable.of(new ServiceTierBand("P", 1, 5, half, half),
                new ServiceTierBand("P", 6, 9, half, half))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new ServiceTierBand("P", 1, 5, BigDecimal.ZERO, half))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("provisioningFactor");
        assertThatThrownBy(() -> new ServiceTierBand("P", 1, 5, half, new BigDecimal("1.01")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("faultFactor");
        assertThatThrownBy(() -> new ServiceTierBand("P", 5, 4, half, half))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("toRank");
        assertThatThrownBy(() -> ServiceTierTable.of(new ServiceTierBand("STANDARD", 1, 5, half, half)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("STANDARD");
    }

    @Test
    void a_priority_tightens_every_stage_and_every_clock_target_rounding_up_to_the_second() {
        ServicePriority gold = TABLE.priorityAt(2);
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        StagePlan tight = gold.tighten(plan);
        for (int i = 0; i < plan.stages().size(); i++) {
            PlannedStage was = plan.stages().get(i);
            PlannedStage now = tight.stages().get(i);
            assertThat(now.id()).isEqualTo(was.id());
            assertThat(now.after()).isEqualTo(was.after());
            assertThat(now.duration()).isEqualTo(Duration.ofNanos(was.duration().toNanos() / 4 * 3));
        }
        assertThat(tight.longestPath()).isEqualTo(Duration.ofHours(90));   // 5 days × 0.75
        assertThat(ServicePriority.STANDARD.tighten(plan)).isSameAs(plan);

        Map<FaultPriority, TicketClockTargets> targets = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            targets.put(p, new TicketClockTargets(Duration.ofSeconds(3), Duration.ofHours(4)));
        }
        TicketClockPolicy tightened = gold.tighten(TicketClockPolicy.byPriority(targets));
        assertThat(tightened.byPriority().values()).allSatisfy(t -> {
            assertThat(t.response()).isEqualTo(Duration.ofSeconds(3));   // 2.25 s rounds up
            assertThat(t.resolution()).isEqualTo(Duration.ofHours(3));
        });
        assertThat(tightened.warningShare()).isEqualTo(TicketClockPolicy.DEFAULT_WARNING_SHARE);
    }
}
