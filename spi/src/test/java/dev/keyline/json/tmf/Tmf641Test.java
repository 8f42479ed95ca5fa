package dev.keyline.json.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Provisioning orders through TMF641 by example: the guide's example documents are what the
 * mapping writes and reads, the state tables match the specification's spelling, and the
 * validator used by the properties rejects what it should.
 */
class Tmf641Test {

    private static final Path GUIDE = Path.of("..", "docs", "work-orders.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BusinessCalendar ALL_DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);
    private static final ProvisioningParties PARTIES = new ProvisioningParties(new AccountId("A-BANK"),
            new ProductCode("DDN"), new LocalNetworkId("SZ"), new UserId("am-wang"), new UserId("it-li"));

    /** The guide's order: the order is established, then the local and far-end work run in parallel. */
    static ProvisioningOrder guideOrder() {
        StageId order = new StageId("order");
        StageId local = new StageId("local");
        StageId farEnd = new StageId("far-end-local");
        StagePlan plan = StagePlan.of(List.of(
                PlannedStage.ofDays(order, new BigDecimal("0.5"), List.of()),
                PlannedStage.ofDays(local, new BigDecimal("1"), List.of(order)),
                PlannedStage.ofDays(farEnd, new BigDecimal("2"), List.of(order))));
        List<StageAssignment> assignments = List.of(
                new StageAssignment(order, new WorkOrderStation("SZ-BIZ"), new LocalNetworkId("SZ"),
                        new UserId("sm-zhou"), new UserId("ex-chen")),
                new StageAssignment(local, new WorkOrderStation("SZ-TRANS-1"), new LocalNetworkId("SZ"),
                        new UserId("sm-sun"), new UserId("ex-wu")),
                new StageAssignment(farEnd, new WorkOrderStation("KM-TRANS-2"), new LocalNetworkId("KM"),
                        new UserId("sm-li"), new UserId("ex-he")));
        Instant start = Instant.parse("2026-03-02T01:00:00Z");
        ProvisioningOrder o = ProvisioningOrder.open(new ProvisioningOrderId("PO-2026-0007"), PARTIES, plan, assignments,
                start, ALL_DAYS, ProvisioningOrder.DEFAULT_WARNING_SHARE,
                Optional.of(new ProvisioningSlaLink("SLA-2026-0031", start.plus(Duration.ofDays(5)))));
        o.start(order, ALL_DAYS, start);
        o.complete(order, start.plus(Duration.ofHours(10)));
        o.start(local, ALL_DAYS, start.plus(Duration.ofHours(11)));
        o.start(farEnd, ALL_DAYS, start.plus(Duration.ofHours(12)));
        o.handOff(new StageAssignment(farEnd, new WorkOrderStation("KM-TRANS-3"), new LocalNetworkId("KM"),
                new UserId("sm-li"), new UserId("ex-ma")), "the far-end card is at the other station",
                start.plus(Duration.ofHours(13)));
        o.hold(local, new UserId("sm-sun"), "the branch's equipment room is locked", start.plus(Duration.ofHours(14)));
        return o;
    }

    @Test
    void theGuidesExamplesAreWhatTheMappingWritesAndReads() throws IOException {
        String written = Tmf641.serviceOrderJson(guideOrder().snapshot());
        assertThat(JSON.readTree(guideBlock("tmf641-service-order"))).as(written).isEqualTo(JSON.readTree(written));
        assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF641, "ServiceOrder", written)).isEmpty();

        String create = guideBlock("tmf641-create");
        assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF641, "ServiceOrder_Create", create)).isEmpty();
        ServiceOrderRequest request = Tmf641.readCreate(create);
        ProvisioningOrder order = guideOrder();
        assertThat(request.parties()).isEqualTo(PARTIES);
        assertThat(request.plan().stages()).isEqualTo(order.plan().stages());
        assertThat(request.requestedStart()).contains(order.start());
    }

    @Test
    void theGuidesStateTablesAreTheMappingsAndSpellTheSpecificationsValues() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        JsonNode spec = JSON.readTree(getClass().getClassLoader().getResource(TmfSchemas.TMF641));
        assertThat(Tmf641.ORDER_STATES).isEqualTo(strings(spec.at("/definitions/ServiceOrderStateType/enum")));
        assertThat(Tmf641.ITEM_STATES).isEqualTo(strings(spec.at("/definitions/ServiceOrderItemStateType/enum")));
        for (ProvisioningOrderState state : ProvisioningOrderState.values()) {
            assertThat(guide).contains("| order `" + state + "` | `" + Tmf641.orderState(state) + "` |");
        }
        for (StageState state : StageState.values()) {
            assertThat(guide).contains("| stage `" + state + "` | `" + Tmf641.itemState(state) + "` |");
        }
    }

    @Test
    void theValidatorRejectsWhatTheSpecificationForbids() {
        ObjectNode doc = Tmf641.serviceOrder(guideOrder().snapshot());
        assertThat(TmfSchemas.errors(TmfSchemas.TMF641, "ServiceOrder", doc.toString())).isEmpty();
        assertThat(TmfSchemas.errors(TmfSchemas.TMF641, "ServiceOrder", doc.deepCopy().put("state", "closed")
                .toString())).isNotEmpty();
        ObjectNode itemWithoutAction = doc.deepCopy();
        ((ObjectNode) itemWithoutAction.get("serviceOrderItem").get(0)).remove("action");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF641, "ServiceOrder", itemWithoutAction.toString())).isNotEmpty();
        ObjectNode partyWithoutType = doc.deepCopy();
        ((ObjectNode) partyWithoutType.get("relatedParty").get(0)).remove("@type");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF641, "ServiceOrder", partyWithoutType.toString())).isNotEmpty();
        assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF641, "ServiceOrder", doc.deepCopy().put("stages", 3)
                .toString())).isNotEmpty();
    }

    @Test
    void inputErrorsNameTheirField() throws IOException {
        String create = guideBlock("tmf641-create");
        assertThatThrownBy(() -> Tmf641.readCreate(create.replace("\"PT12H\"", "\"half a day\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("serviceOrderItem[0].service.serviceCharacteristic(plannedDuration)");
        assertThatThrownBy(() -> Tmf641.readCreate(create.replace("\"add\"", "\"delete\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageEndingWith("field 'serviceOrderItem[0].action' must be 'add', not 'delete'");
        assertThatThrownBy(() -> Tmf641.readCreate(create.replace("\"dependsOn\"", "\"after\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("serviceOrderItemRelationship[0].relationshipType");
    }

    private static List<String> strings(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    static String guideBlock(String name) throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- " + Pattern.quote(name) + " -->\\s*```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertThat(m.find()).as("the guide has a block marked " + name).isTrue();
        return m.group(1);
    }
}
