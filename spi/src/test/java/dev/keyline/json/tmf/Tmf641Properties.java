package dev.keyline.json.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Provisioning orders through TMF641 by properties: random orders over random plans, moved through
 * random legal stage transitions, export documents that validate against the specification's
 * ServiceOrder definition and read back to exactly the fields the mapping keeps; random plans as
 * ServiceOrder_Create documents read into the same plan; every mutation is refused with a
 * {@link MalformedInputException} naming the field.
 */
class Tmf641Properties {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private static final BusinessCalendar ALL_DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);

    /** A random plan of 1 to 8 stages, each after some of the earlier ones, so never cyclic. */
    static StagePlan randomPlan(Random random) {
        int size = 1 + random.nextInt(8);
        List<PlannedStage> stages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<StageId> after = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(3) == 0) {
                    after.add(stages.get(j).id());
                }
            }
            stages.add(new PlannedStage(new StageId("s" + i), Duration.ofMinutes(1 + random.nextInt(5 * 24 * 60)),
                    after));
        }
        java.util.Collections.shuffle(stages, random);
        return StagePlan.of(stages);
    }

    static List<StageAssignment> assignments(StagePlan plan, Random random) {
        List<StageAssignment> list = new ArrayList<>();
        for (PlannedStage p : plan.stages()) {
            list.add(new StageAssignment(p.id(), new WorkOrderStation("st-" + random.nextInt(4)),
                    new LocalNetworkId(random.nextBoolean() ? "KM" : "SZ"), new UserId("sm-" + p.id()),
                    new UserId("ex-" + random.nextInt(4))));
        }
        return list;
    }

    static ProvisioningParties parties(Random random) {
        return new ProvisioningParties(new AccountId(random.nextBoolean() ? "KA-1" : "A-BANK"),
                new ProductCode(random.nextBoolean() ? "DDN" : "MPLS-VPN"), new LocalNetworkId("KM"),
                new UserId("am-wang"), new UserId("it-li"));
    }

    /** An order over a random plan, moved by up to 40 random legal commands. */
    static ProvisioningOrder randomOrder(long seed) {
        Random random = new Random(seed);
        StagePlan plan = randomPlan(random);
        Optional<ProvisioningSlaLink> sla = random.nextBoolean() ? Optional.empty()
                : Optional.of(new ProvisioningSlaLink("SLA-" + random.nextInt(100), START.plus(Duration.ofDays(5))));
        ProvisioningOrder order = ProvisioningOrder.open(new ProvisioningOrderId("PO-" + random.nextInt(100)),
                parties(random), plan, assignments(plan, random), START, ALL_DAYS,
                ProvisioningOrder.DEFAULT_WARNING_SHARE, sla);
        Instant now = START;
        int steps = random.nextInt(40);
        for (int step = 0; step < steps; step++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
            if (order.state() == ProvisioningOrderState.AWAITING_ACCEPTANCE) {
                if (random.nextBoolean()) {
                    order.accept("customer zhang", now);
                }
                continue;
            }
            if (order.state() == ProvisioningOrderState.ACCEPTED) {
                break;
            }
            List<StageProgress> stages = order.stages();
            StageProgress stage = stages.get(random.nextInt(stages.size()));
            StageId id = stage.stage();
            try {
                switch (stage.state()) {
                    case READY -> order.start(id, ALL_DAYS, now);
                    case STARTED -> {
                        switch (random.nextInt(3)) {
                            case 0 -> order.hold(id, new UserId("sm"), "waiting for the site", now);
                            case 1 -> order.handOff(new StageAssignment(id, new WorkOrderStation("st-h" + step),
                                    new LocalNetworkId("SZ"), new UserId("sm-x"), new UserId("ex-h" + step)), "passed on",
                                    now);
                            default -> order.complete(id, now);
                        }
                    }
                    case HELD -> order.resume(id, new UserId("sm"), ALL_DAYS, now);
                    default -> order.raiseDueAlerts(now);
                }
            } catch (KeylineException refused) {
                throw new AssertionError("a legal move was refused: " + refused.getMessage(), refused);
            }
        }
        return order;
    }

    @Test
    void exportedOrdersValidateAndReadBackToWhatTheMappingKeeps() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            ProvisioningOrderSnapshot order = randomOrder(seed).snapshot();
            String json = Tmf641.serviceOrderJson(order);
            assertThat(TmfSchemas.errors(TmfSchemas.TMF641, "ServiceOrder", json)).as(json).isEmpty();
            assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF641, "ServiceOrder", json)).as(json).isEmpty();
            Tmf641Order read = Tmf641.readServiceOrder(json);
            assertThat(read).isEqualTo(Tmf641Order.of(order));
            assertThat(read.id()).isEqualTo(order.id());
            assertThat(read.parties()).isEqualTo(order.parties());
            assertThat(read.start()).isEqualTo(order.start());
            assertThat(read.committedCompletion()).isEqualTo(order.committedCompletion());
            assertThat(read.acceptedBy()).isEqualTo(order.acceptedBy());
            assertThat(read.acceptedAt()).isEqualTo(order.acceptedAt());
            assertThat(read.slaOrder()).isEqualTo(order.slaLink() == null ? null : order.slaLink().slaOrder());
            assertThat(read.state()).isIn(Tmf641.ORDER_STATES).isEqualTo(switch (order.state().name()) {
                case "ACCEPTED" -> "completed";
                case "AWAITING_ACCEPTANCE" -> "pending";
                default -> "inProgress";
            });
            assertThat(read.items()).hasSameSizeAs(order.plan());
            for (int i = 0; i < order.plan().size(); i++) {
                Tmf641Item item = read.items().get(i);
                assertThat(new PlannedStage(item.stage(), item.duration(), item.after())).isEqualTo(order.plan().get(i));
                assertThat(item.assignment()).isEqualTo(order.stages().get(i).assignment());
                StageState state = order.stages().get(i).state();
                assertThat(item.state()).isIn(Tmf641.ITEM_STATES).isEqualTo(switch (state.name()) {
                    case "PENDING" -> "pending";
                    case "READY" -> "acknowledged";
                    case "STARTED" -> "inProgress";
                    case "HELD" -> "held";
                    default -> "completed";
                });
            }
        });
    }

    /** A ServiceOrder_Create for the plan, written field by field as a client would. */
    static ObjectNode createDocument(ProvisioningParties parties, StagePlan plan, List<StageAssignment> assignments) {
        ObjectNode doc = TmfNodes.object();
        doc.put("category", parties.product().value());
        doc.put("requestedStartDate", START.toString());
        ArrayNode related = doc.putArray("relatedParty");
        party(related, parties.account().value(), "customer");
        party(related, parties.originatingUnit().value(), "originatingUnit");
        party(related, parties.accountManager().value(), "accountManager");
        party(related, parties.itSupport().value(), "itSupport");
        ArrayNode items = doc.putArray("serviceOrderItem");
        for (int i = 0; i < plan.stages().size(); i++) {
            PlannedStage stage = plan.stages().get(i);
            StageAssignment a = assignments.get(i);
            ObjectNode item = items.addObject();
            item.put("id", stage.id().value());
            item.put("action", "add");
            ArrayNode characteristics = item.putObject("service").putArray("serviceCharacteristic");
            characteristic(characteristics, "plannedDuration", stage.duration().toString());
            characteristic(characteristics, "station", a.station().value());
            characteristic(characteristics, "unit", a.unit().value());
            characteristic(characteristics, "stationManager", a.stationManager().value());
            characteristic(characteristics, "executor", a.executor().value());
            if (!stage.after().isEmpty()) {
                ArrayNode relationships = item.putArray("serviceOrderItemRelationship");
                for (StageId before : stage.after()) {
                    ObjectNode relationship = relationships.addObject();
                    relationship.put("relationshipType", "dependsOn");
                    relationship.putObject("orderItem").put("id", before.value()).put("itemId", before.value());
                }
            }
        }
        doc.put("@type", "ServiceOrder");
        return doc;
    }

    private static void party(ArrayNode related, String id, String role) {
        related.addObject().put("id", id).put("role", role).put("@referredType", "Organization")
                .put("@type", "RelatedParty");
    }

    private static void characteristic(ArrayNode characteristics, String name, String value) {
        characteristics.addObject().put("name", name).put("value", value);
    }

    @Test
    void createDocumentsValidateAndReadIntoThePlan() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StagePlan plan = randomPlan(random);
            List<StageAssignment> assignments = assignments(plan, random);
            ProvisioningParties parties = parties(random);
            String json = createDocument(parties, plan, assignments).toString();
            assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF641, "ServiceOrder_Create", json)).as(json).isEmpty();
            ServiceOrderRequest request = Tmf641.readCreate(json);
            assertThat(request.parties()).isEqualTo(parties);
            assertThat(request.plan().stages()).isEqualTo(plan.stages());
            assertThat(request.assignments()).isEqualTo(assignments);
            assertThat(request.requestedStart()).contains(START);
        });
    }

    @Test
    void mutatedServiceOrdersAreRefusedNamingTheField() {
        List<String> required = List.of("id", "category", "state", "startDate", "expectedCompletionDate",
                "relatedParty", "serviceOrderItem");
        qt().forAll(longs().all(), Tmf621Properties.mutations()).checkAssert((seed, mutation) -> {
            ObjectNode doc = Tmf641.serviceOrder(randomOrder(seed).snapshot());
            checkMutation(doc, mutation, required, Tmf641::readServiceOrder);
        });
    }

    @Test
    void mutatedCreateDocumentsAreRefusedNamingTheField() {
        List<String> required = List.of("category", "relatedParty", "serviceOrderItem");
        qt().forAll(longs().all(), Tmf621Properties.mutations()).checkAssert((seed, mutation) -> {
            Random random = new Random(seed);
            StagePlan plan = randomPlan(random);
            ObjectNode doc = createDocument(parties(random), plan, assignments(plan, random));
            checkMutation(doc, mutation, required, Tmf641::readCreate);
        });
    }

    @Test
    void createDocumentsWithABrokenPlanAreRefusedNamingTheStages() {
        qt().forAll(longs().all(), integers().between(0, 2)).checkAssert((seed, kind) -> {
            Random random = new Random(seed);
            StagePlan plan = randomPlan(random);
            ObjectNode doc = createDocument(parties(random), plan, assignments(plan, random));
            ArrayNode items = (ArrayNode) doc.get("serviceOrderItem");
            ObjectNode first = (ObjectNode) items.get(0);
            String id = first.get("id").asText();
            String named;
            switch (kind) {
                case 0 -> { // the stage waits for itself
                    first.putArray("serviceOrderItemRelationship").addObject().put("relationshipType", "dependsOn")
                            .putObject("orderItem").put("itemId", id);
                    named = id;
                }
                case 1 -> { // it waits for a stage that is not in the order
                    first.putArray("serviceOrderItemRelationship").addObject().put("relationshipType", "dependsOn")
                            .putObject("orderItem").put("itemId", "nowhere");
                    named = "nowhere";
                }
                default -> { // the stage is listed twice
                    items.add(first.deepCopy());
                    named = id;
                }
            }
            Throwable thrown = catchThrowable(() -> Tmf641.readCreate(doc.toString()));
            assertThat(thrown).as(doc.toString()).isInstanceOf(MalformedInputException.class);
            assertThat(thrown.getMessage()).contains("serviceOrderItem").contains(named);
        });
    }

    @Test
    void createDocumentsWithAnInvalidCharacteristicAreRefusedNamingTheItem() {
        qt().forAll(longs().all(), integers().between(0, 4),
                org.quicktheories.generators.SourceDSL.arbitrary().pick(List.of("", " ", "x y", "半天")))
                .checkAssert((seed, which, value) -> {
                    Random random = new Random(seed);
                    StagePlan plan = randomPlan(random);
                    ObjectNode doc = createDocument(parties(random), plan, assignments(plan, random));
                    int item = random.nextInt(plan.stages().size());
                    ((ObjectNode) doc.get("serviceOrderItem").get(item).get("service").get("serviceCharacteristic")
                            .get(which)).put("value", value);
                    Throwable thrown = catchThrowable(() -> Tmf641.readCreate(doc.toString()));
                    assertThat(thrown).as(doc.toString()).isInstanceOf(MalformedInputException.class);
                    assertThat(thrown.getMessage()).contains("serviceOrderItem[" + item + "].service.serviceCharacteristic");
                });
    }

    private static void checkMutation(ObjectNode doc, Tmf621Properties.Mutation mutation, List<String> required,
            java.util.function.Function<String, ?> reader) {
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(mutation.field() % fields.size());
        String text;
        String named;
        switch (mutation.kind()) {
            case 0 -> {
                field = required.get(mutation.field() % required.size());
                doc.remove(field);
                text = doc.toString();
                named = field;
            }
            case 1 -> {
                named = "x-unknown-" + mutation.seed();
                doc.put(named, "value");
                text = doc.toString();
            }
            case 2 -> {
                doc.put(field, mutation.seed());
                text = doc.toString();
                named = field;
            }
            case 3 -> {
                named = List.of("externalId", "priority", "notificationContact", "orderRelationship",
                        "cancellationReason").get(mutation.seed() % 5);
                doc.putArray(named);
                text = doc.toString();
            }
            case 4 -> {
                ObjectNode item = (ObjectNode) doc.get("serviceOrderItem").get(0);
                named = "serviceOrderItem[0].x" + mutation.seed();
                item.put("x" + mutation.seed(), true);
                text = doc.toString();
            }
            default -> {
                String whole = doc.toString();
                text = whole.substring(0, mutation.seed() % whole.length());
                named = "JSON";
            }
        }
        Throwable thrown = catchThrowable(() -> reader.apply(text));
        assertThat(thrown).as(text).isInstanceOf(MalformedInputException.class);
        assertThat(thrown.getMessage()).as(text).contains(named);
    }
}
