package dev.keyline.domain.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provisioning-order example of docs/work-orders.md, run as written, so the guide stays true. */
class ProvisioningOrderGuideTest {

    @Test
    void theGuidesOrder() {
        BusinessCalendar days = BusinessCalendar.allDays(ZoneOffset.UTC);
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        ProvisioningParties parties = new ProvisioningParties(new AccountId("KA-0042"), new ProductCode("DDN"),
                new LocalNetworkId("KM"), new UserId("am-wang"), new UserId("it-li"));
        List<StageAssignment> assignments = plan.stages().stream()
                .map(stage -> new StageAssignment(stage.id(), new WorkOrderStation("st-" + stage.id()),
                        new LocalNetworkId("KM"), new UserId("sm-zhao"), new UserId("ex-qian")))
                .toList();
        ProvisioningOrder order = ProvisioningOrder.open(new ProvisioningOrderId("PO-1"), parties, plan,
                assignments, Instant.parse("2026-03-02T09:00:00Z"), days, ProvisioningOrder.DEFAULT_WARNING_SHARE,
                Optional.of(new ProvisioningSlaLink("SLA-7", Instant.parse("2026-03-09T09:00:00Z"))));
        assertThat(order.committedCompletion()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
        assertThat(order.meetsSla()).isTrue();
        assertThat(order.stagesIn(StageState.READY)).extracting(StageId::value).containsExactly("order-established");

        order.start(SeedProvisioningPlans.ORDER_ESTABLISHED, days, Instant.parse("2026-03-02T09:00:00Z"));
        order.complete(SeedProvisioningPlans.ORDER_ESTABLISHED, Instant.parse("2026-03-02T20:00:00Z"));
        assertThat(order.stagesIn(StageState.READY)).extracting(StageId::value).containsExactly("local", "provincial",
                "inter-provincial", "far-end-provincial", "far-end-local");
    }
}
