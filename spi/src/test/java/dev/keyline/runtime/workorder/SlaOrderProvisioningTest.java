package dev.keyline.runtime.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrderAccepted;
import dev.keyline.domain.workorder.ProvisioningOrderOpened;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.tck.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order accepted under the SLA becomes a provisioning order through the reaction
 * {@link SlaOrderProvisioning}: from the catalogue's plan of its product, linked to the SLA order
 * with its class's committed time, once per SLA order however often the event is delivered.
 */
class SlaOrderProvisioningTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final ProductCode DDN = new ProductCode("DDN");

    private InMemoryStorage storage;
    private Keyline keyline;
    private ProvisioningOrders orders;

    @BeforeEach
    void wire() {
        storage = new InMemoryStorage();
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        List<StageAssignment> assignments = plan.stages().stream().map(s -> new StageAssignment(s.id(),
                new WorkOrderStation("st-" + s.id()), new LocalNetworkId("SZ"), new UserId("sm-" + s.id()),
                new UserId("ex-" + s.id()))).toList();
        ProvisioningPlanCatalogue catalogue = ProvisioningPlanCatalogue.of(List.of(new ProvisioningPlanCatalogue.Template(
                new ProvisioningParties(new AccountId("A-BANK"), DDN, new LocalNetworkId("SZ"), new UserId("am-wang"),
                        new UserId("it-li")), plan, assignments)));
        BusinessCalendar days = BusinessCalendar.allDays(SHANGHAI);
        keyline = Keyline.builder().storage(storage).clock(TestClock.at(NOW)).zone(SHANGHAI)
                .reaction(SlaOrderProvisioning.reaction(storage, catalogue, days)).build();
        orders = ProvisioningOrders.on(keyline);
    }

    private SlaOrderAccepted accepted(String reference, ProductCode product) {
        return new SlaOrderAccepted(EventId.random(), NOW, new SlaId("SLA-SZ-2026"), reference, product, ServiceClass.A,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), Money.cny("1200.00"), new UserId("ma"));
    }

    private long opened() {
        return storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.DELIVERED, 1_000).stream()
                .filter(e -> e.message().type().equals(ProvisioningOrderOpened.TYPE)).count()
                + storage.outbox().list(DeliveryStatus.PENDING, 1_000).stream()
                        .filter(e -> e.message().type().equals(ProvisioningOrderOpened.TYPE)).count());
    }

    @Test
    void anOrderAcceptedUnderTheSlaBecomesAProvisioningOrderOnce() {
        keyline.run(ctx -> ctx.publish(accepted("WO-1", DDN)));
        keyline.relay().pumpUntilIdle(20);

        ProvisioningOrderSnapshot order = orders.find(SlaOrderProvisioning.orderIdFor("WO-1"));
        assertThat(order.parties().product()).isEqualTo(DDN);
        assertThat(order.slaLink()).isEqualTo(new ProvisioningSlaLink("WO-1",
                LocalDate.of(2026, 3, 10).atStartOfDay(SHANGHAI).toInstant()));
        assertThat(order.stages()).hasSize(SeedProvisioningPlans.ddnParallel().stages().size());
        assertThat(opened()).isEqualTo(1);

        keyline.run(ctx -> ctx.publish(accepted("WO-1", DDN)));
        keyline.relay().pumpUntilIdle(20);

        assertThat(orders.find(SlaOrderProvisioning.orderIdFor("WO-1"))).as("delivered again").isEqualTo(order);
        assertThat(opened()).isEqualTo(1);
        assertThat(keyline.relay().deadLetters(SlaOrderProvisioning.REACTION, 10)).isEmpty();
    }

    @Test
    void aProductTheCatalogueDoesNotNameIsNotProvisionedThroughWorkOrders() {
        keyline.run(ctx -> ctx.publish(accepted("WO-2", new ProductCode("IDC"))));
        keyline.relay().pumpUntilIdle(20);

        assertThat(opened()).isZero();
        assertThat(keyline.relay().deadLetters(SlaOrderProvisioning.REACTION, 10)).isEmpty();
    }

    @Test
    void aCatalogueHasOneTemplatePerProduct() {
        ProvisioningPlanCatalogue.Template t = new ProvisioningPlanCatalogue.Template(new ProvisioningParties(
                new AccountId("A"), DDN, new LocalNetworkId("SZ"), new UserId("am"), new UserId("it")),
                SeedProvisioningPlans.ddnParallel(), List.of());
        assertThatThrownBy(() -> ProvisioningPlanCatalogue.of(List.of(t, t))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("templates").hasMessageContaining("DDN");
        assertThat(ProvisioningPlanCatalogue.of(List.of(t)).templateFor(new ProductCode("IDC"))).isEqualTo(Optional.empty());
    }
}
