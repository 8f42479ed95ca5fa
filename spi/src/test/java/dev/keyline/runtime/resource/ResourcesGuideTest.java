package dev.keyline.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of the resources guide's section "A complete example", run as written there. */
class ResourcesGuideTest {

    @Test
    void theGuidesExampleRuns() {
        TestClock clock = TestClock.standard();                                   // 2026-03-02T08:00Z
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).build();
        ResourcePools resources = ResourcePools.on(keyline);
        Actor networkCentre = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
        Actor marketing = Actor.withRoles(new UserId("lu"), Role.MARKETING_MANAGER);
        PoolId pool = new PoolId("SZ-DDN-1");
        AccountId bank = new AccountId("A01");

        resources.openPool(networkCentre, pool, ResourceType.DDN_PORT,
                new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 10, Duration.ofHours(1));
        Instant now = clock.instant();
        ReservationSnapshot order = resources.reserve(marketing, pool, new ReservationId("R1"),
                new ReservationTerms(bank, ReservationPurpose.ORDER, "ORD-7", 4, now, now.plus(Duration.ofDays(30)),
                        now.plus(Duration.ofDays(2))));
        Allocation ports = resources.allocate(networkCentre, order.id(), new AllocationId("L1"), 3);   // units 1-3
        ReservationSnapshot rejected = resources.reserve(marketing, pool, new ReservationId("R2"),
                new ReservationTerms(bank, ReservationPurpose.ORDER, "ORD-8", 20, now, now.plus(Duration.ofDays(30)),
                        now.plus(Duration.ofDays(2))));                  // REJECTED, an emergency investment request

        clock.advance(Duration.ofDays(3));
        List<ReservationId> expired = resources.expireDue(100);          // R1 expires; its fourth port returns
        Optional<BigDecimal> utilisation = resources.utilisationAt(pool, clock.instant());   // Optional[0.300000]

        assertThat(ports.units()).isEqualTo(UnitSet.of(1, 3));
        assertThat(rejected.state()).isEqualTo(ReservationState.REJECTED);
        assertThat(expired).containsExactly(order.id());
        assertThat(resources.checkAvailability(pool).available()).isEqualTo(7);
        assertThat(utilisation).contains(new BigDecimal("0.300000"));
    }
}
