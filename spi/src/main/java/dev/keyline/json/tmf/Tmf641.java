package dev.keyline.json.tmf;

import static dev.keyline.json.tmf.TmfNodes.convert;
import static dev.keyline.json.tmf.TmfNodes.join;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageHandOff;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.json.SerialisationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Provisioning orders as TMF641 ServiceOrder (v4.1.0) documents, and TMF641 documents into Keyline.
 *
 * <p>Each stage is a {@code serviceOrderItem}: the specification gives an item its own state and
 * lets items depend on each other ({@code serviceOrderItemRelationship} of type
 * {@value #DEPENDS_ON}), which is exactly the plan's DAG; milestones carry neither a duration nor a
 * dependency. The stage's planned duration and assignment are characteristics of the item's
 * service.
 *
 * <ul>
 *   <li>{@link #serviceOrder(ProvisioningOrderSnapshot)} writes an order as a {@code ServiceOrder};</li>
 *   <li>{@link #readServiceOrder(String)} reads such a document back into what it keeps
 *       ({@link Tmf641Order});</li>
 *   <li>{@link #readCreate(String)} reads a {@code ServiceOrder_Create} into an order's parties
 *       and plan ({@link ServiceOrderRequest}).</li>
 * </ul>
 *
 * <p>Reading is strict, as for {@link Tmf621}: every refusal is a {@link MalformedInputException}
 * naming the field.
 */
public final class Tmf641 {

    /** The TMF641 {@code ServiceOrderStateType} values, in the specification's order and spelling. */
    public static final List<String> ORDER_STATES = List.of("acknowledged", "rejected", "pending", "held",
            "inProgress", "cancelled", "completed", "failed", "partial", "assessingCancellation",
            "pendingCancellation");

    /** The TMF641 {@code ServiceOrderItemStateType} values, in the specification's order and spelling. */
    public static final List<String> ITEM_STATES = List.of("acknowledged", "rejected", "pending", "held",
            "inProgress", "cancelled", "completed", "failed", "assessingCancellation", "pendingCancellation",
            "partial");

    /** The relationship type by which an item waits for another. */
    public static final String DEPENDS_ON = "dependsOn";

    private static final String CUSTOMER = "customer";
    private static final String ORIGINATING_UNIT = "originatingUnit";
    private static final String ACCOUNT_MANAGER = "accountManager";
    private static final String IT_SUPPORT = "itSupport";
    private static final String ACCEPTED_BY = "acceptedBy";
    private static final String SLA_ORDER = "slaOrder";

    private static final String PLANNED_DURATION = "plannedDuration";
    private static final String STATION = "station";
    private static final String UNIT = "unit";
    private static final String STATION_MANAGER = "stationManager";
    private static final String EXECUTOR = "executor";
    private static final List<String> CHARACTERISTICS = List.of(PLANNED_DURATION, STATION, UNIT, STATION_MANAGER,
            EXECUTOR);

    private static final Set<String> ORDER_FIELDS = Set.of("id", "href", "cancellationDate", "cancellationReason",
            "category", "completionDate", "description", "expectedCompletionDate", "externalId",
            "notificationContact", "orderDate", "priority", "requestedCompletionDate", "requestedStartDate",
            "startDate", "errorMessage", "externalReference", "jeopardyAlert", "milestone", "note",
            "orderRelationship", "relatedParty", "serviceOrderItem", "state");
    private static final Set<String> ORDER_TAKEN = Set.of("id", "category", "description", "state", "orderDate",
            "startDate", "expectedCompletionDate", "requestedCompletionDate", "completionDate", "externalReference",
            "relatedParty", "serviceOrderItem", "note");
    private static final Set<String> CREATE_FIELDS = Set.of("cancellationDate", "cancellationReason", "category",
            "description", "externalId", "notificationContact", "priority", "requestedCompletionDate",
            "requestedStartDate", "externalReference", "note", "orderRelationship", "relatedParty",
            "serviceOrderItem");
    private static final Set<String> CREATE_TAKEN = Set.of("category", "description", "requestedStartDate",
            "relatedParty", "serviceOrderItem");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "quantity", "action", "appointment", "service",
            "serviceOrderItem", "serviceOrderItemRelationship", "state");
    private static final Set<String> ITEM_TAKEN = Set.of("id", "action", "service", "serviceOrderItemRelationship",
            "state");
    private static final Set<String> SERVICE_FIELDS = Set.of("id", "href", "category", "description", "endDate",
            "hasStarted", "isBundle", "isServiceEnabled", "isStateful", "name", "serviceDate", "serviceType",
            "startDate", "startMode", "feature", "note", "place", "relatedEntity", "relatedParty",
            "serviceCharacteristic", "serviceOrderItem", "serviceRelationship", "serviceSpecification", "state",
            "supportingResource", "supportingService", "@referredType");
    private static final Set<String> SERVICE_TAKEN = Set.of("name", "serviceCharacteristic");
    private static final Set<String> PARTY_FIELDS = Set.of("id", "href", "name", "role", "@referredType");
    private static final Set<String> CHARACTERISTIC_FIELDS = Set.of("id", "name", "valueType",
            "characteristicRelationship", "value");
    private static final Set<String> CHARACTERISTIC_TAKEN = Set.of("name", "valueType", "value");
    private static final Set<String> RELATIONSHIP_FIELDS = Set.of("relationshipType", "orderItem");
    private static final Set<String> ITEM_REF_FIELDS = Set.of("id", "itemId", "serviceOrderHref", "serviceOrderId",
            "@referredType");
    private static final Set<String> REFERENCE_FIELDS = Set.of("id", "href", "externalReferenceType", "name");
    private static final Set<String> NOTE_FIELDS = Set.of("id", "href", "author", "date", "text");

    private Tmf641() {
    }

    /**
     * The TMF641 state of an order: {@code IN_PROGRESS} → {@code inProgress};
     * {@code AWAITING_ACCEPTANCE} → {@code pending} (it waits for the customer);
     * {@code ACCEPTED} → {@code completed}.
     *
     * @param state a Keyline order state
     * @return the TMF641 order state
     * @throws dev.keyline.domain.common.InvalidArgumentException when the state is null
     */
    public static String orderState(ProvisioningOrderState state) {
        Require.nonNull(state, "state");
        return switch (state) {
            case IN_PROGRESS -> "inProgress";
            case AWAITING_ACCEPTANCE -> "pending";
            case ACCEPTED -> "completed";
        };
    }

    /**
     * The TMF641 item state of a stage: {@code PENDING} → {@code pending} (it waits for its
     * predecessors); {@code READY} → {@code acknowledged}; {@code STARTED} → {@code inProgress};
     * {@code HELD} → {@code held}; {@code DONE} → {@code completed}.
     *
     * @param state a Keyline stage state
     * @return the TMF641 item state
     * @throws dev.keyline.domain.common.InvalidArgumentException when the state is null
     */
    public static String itemState(StageState state) {
        Require.nonNull(state, "state");
        return switch (state) {
            case PENDING -> "pending";
            case READY -> "acknowledged";
            case STARTED -> "inProgress";
            case HELD -> "held";
            case DONE -> "completed";
        };
    }

    /**
     * Writes an order as a TMF641 {@code ServiceOrder}, with its hand-offs as notes.
     *
     * @param order the stored form of an order
     * @return the document as a Jackson tree
     * @throws dev.keyline.domain.common.InvalidArgumentException when the order is null
     */
    public static ObjectNode serviceOrder(ProvisioningOrderSnapshot order) {
        ObjectNode doc = write(Tmf641Order.of(order));
        ArrayNode notes = doc.putArray("note");
        for (int i = 0; i < order.handOffs().size(); i++) {
            StageHandOff handOff = order.handOffs().get(i);
            ObjectNode note = notes.addObject();
            note.put("id", Integer.toString(i + 1));
            note.put("author", handOff.toExecutor().value());
            note.put("date", handOff.at().toString());
            note.put("text", "stage " + handOff.stage() + " handed off from " + handOff.fromStation() + " ("
                    + handOff.fromExecutor() + ") to " + handOff.toStation() + " (" + handOff.toExecutor() + "): "
                    + handOff.note());
            note.put("@type", "Note");
        }
        if (notes.isEmpty()) {
            doc.remove("note");
        }
        return doc;
    }

    /**
     * Writes an order as the text of a TMF641 {@code ServiceOrder}.
     *
     * @param order the stored form of an order
     * @return the JSON text, pretty-printed
     * @throws dev.keyline.domain.common.InvalidArgumentException when the order is null
     * @throws SerialisationException when the tree cannot be written (not expected)
     */
    public static String serviceOrderJson(ProvisioningOrderSnapshot order) {
        try {
            return TmfNodes.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(serviceOrder(order));
        } catch (JsonProcessingException e) {
            throw new SerialisationException("could not write the TMF641 ServiceOrder of " + order.id(), e);
        }
    }

    /**
     * Writes what Keyline keeps of an order as a TMF641 {@code ServiceOrder} (without notes).
     *
     * @param order the kept fields
     * @return the document as a Jackson tree
     * @throws dev.keyline.domain.common.InvalidArgumentException when the order is null
     */
    public static ObjectNode write(Tmf641Order order) {
        Require.nonNull(order, "order");
        ObjectNode doc = TmfNodes.object();
        doc.put("id", order.id().value());
        doc.put("category", order.parties().product().value());
        doc.put("description", "provisioning of " + order.parties().product() + " for " + order.parties().account());
        doc.put("state", order.state());
        doc.put("orderDate", order.start().toString());
        doc.put("startDate", order.start().toString());
        doc.put("expectedCompletionDate", order.committedCompletion().toString());
        if (order.slaOrder() != null) {
            doc.put("requestedCompletionDate", order.slaCommittedBy().toString());
            ObjectNode reference = doc.putArray("externalReference").addObject();
            reference.put("name", order.slaOrder());
            reference.put("externalReferenceType", SLA_ORDER);
        }
        if (order.acceptedAt() != null) {
            doc.put("completionDate", order.acceptedAt().toString());
        }
        ArrayNode parties = doc.putArray("relatedParty");
        ProvisioningParties p = order.parties();
        parties.add(party(p.account().value(), CUSTOMER, "Organization"));
        parties.add(party(p.originatingUnit().value(), ORIGINATING_UNIT, "Organization"));
        parties.add(party(p.accountManager().value(), ACCOUNT_MANAGER, "Individual"));
        parties.add(party(p.itSupport().value(), IT_SUPPORT, "Individual"));
        if (order.acceptedBy() != null) {
            parties.add(party(order.acceptedBy(), ACCEPTED_BY, "Individual"));
        }
        ArrayNode items = doc.putArray("serviceOrderItem");
        for (Tmf641Item item : order.items()) {
            ObjectNode node = items.addObject();
            node.put("id", item.stage().value());
            node.put("action", "add");
            node.put("state", item.state());
            ObjectNode service = node.putObject("service");
            service.put("name", item.stage().value());
            service.put("@type", "Service");
            ArrayNode characteristics = service.putArray("serviceCharacteristic");
            StageAssignment a = item.assignment();
            characteristic(characteristics, PLANNED_DURATION, item.duration().toString());
            characteristic(characteristics, STATION, a.station().value());
            characteristic(characteristics, UNIT, a.unit().value());
            characteristic(characteristics, STATION_MANAGER, a.stationManager().value());
            characteristic(characteristics, EXECUTOR, a.executor().value());
            if (!item.after().isEmpty()) {
                ArrayNode relationships = node.putArray("serviceOrderItemRelationship");
                for (StageId before : item.after()) {
                    ObjectNode relationship = relationships.addObject();
                    relationship.put("relationshipType", DEPENDS_ON);
                    ObjectNode ref = relationship.putObject("orderItem");
                    // the specification requires "id" of an item reference, and names the item by "itemId"
                    ref.put("id", before.value());
                    ref.put("itemId", before.value());
                    ref.put("serviceOrderId", order.id().value());
                }
            }
            node.put("@type", "ServiceOrderItem");
        }
        doc.put("@type", "ServiceOrder");
        return doc;
    }

    /**
     * Reads a TMF641 {@code ServiceOrder} that Keyline wrote back into the fields it keeps.
     *
     * @param json the document's text
     * @return the kept fields
     * @throws MalformedInputException naming the field when the text is not JSON, or a field is
     *     unknown, not taken, missing, of the wrong type or not one of Keyline's values
     * @throws dev.keyline.domain.common.InvalidArgumentException when the text is null
     */
    public static Tmf641Order readServiceOrder(String json) {
        ObjectNode doc = TmfNodes.parseObject(json, "TMF641 ServiceOrder");
        TmfNodes.onlyFields(doc, "", ORDER_TAKEN, ORDER_FIELDS, "ServiceOrder");
        checkType(doc, "", "ServiceOrder");
        ProvisioningOrderId id = convert(TmfNodes.requiredText(doc, "", "id"), "id", ProvisioningOrderId::new);
        ProductCode product = convert(TmfNodes.requiredText(doc, "", "category"), "category", ProductCode::new);
        TmfNodes.optionalText(doc, "", "description");
        String state = TmfNodes.requiredText(doc, "", "state");
        if (!ORDER_STATES.contains(state)) {
            throw new MalformedInputException("field 'state' must be one of " + ORDER_STATES + ", not '" + state + "'");
        }
        TmfNodes.optionalInstant(doc, "", "orderDate");
        Instant start = TmfNodes.requiredInstant(doc, "", "startDate");
        Instant committed = TmfNodes.requiredInstant(doc, "", "expectedCompletionDate");
        Instant slaCommittedBy = TmfNodes.optionalInstant(doc, "", "requestedCompletionDate");
        Instant acceptedAt = TmfNodes.optionalInstant(doc, "", "completionDate");
        String slaOrder = slaOrder(doc);
        if ((slaOrder == null) != (slaCommittedBy == null)) {
            throw new MalformedInputException("field '" + (slaOrder == null ? "externalReference" : "requestedCompletionDate")
                    + "' is missing: an SLA order and the completion it commits come together");
        }
        Map<String, String> roles = parties(doc, true);
        String acceptedBy = roles.get(ACCEPTED_BY);
        if ((acceptedBy == null) != (acceptedAt == null)) {
            throw new MalformedInputException("field '" + (acceptedBy == null ? "relatedParty" : "completionDate")
                    + "' is missing: who accepted and when come together");
        }
        for (ObjectNode note : TmfNodes.objects(doc, "", "note")) {
            TmfNodes.onlyFields(note, "note", NOTE_FIELDS, Set.of(), "Note");
            TmfNodes.requiredText(note, "note", "text");
        }
        List<Tmf641Item> items = items(doc, id, true);
        return new Tmf641Order(id, state, parties(roles, product), start, committed, slaOrder, slaCommittedBy, acceptedBy,
                acceptedAt, items);
    }

    /**
     * Reads a TMF641 {@code ServiceOrder_Create} into an order's parties and plan. Keyline takes
     * {@code relatedParty} (required: one each in roles {@code customer}, {@code originatingUnit},
     * {@code accountManager} and {@code itSupport}), {@code serviceOrderItem} (required: one per
     * stage, action {@code add}, its {@code service} with the characteristics
     * {@code plannedDuration} (an ISO-8601 duration), {@code station}, {@code unit},
     * {@code stationManager} and {@code executor}, and a {@code dependsOn} relationship per
     * predecessor), {@code category} (required: the product's code), {@code requestedStartDate}
     * and {@code description}.
     *
     * @param json the document's text
     * @return the parties, plan and assignments
     * @throws MalformedInputException naming the field when the text is not JSON, a field is
     *     unknown, not taken, missing, of the wrong type or not one of Keyline's values, or the
     *     items do not form a valid plan (naming the stages at fault)
     * @throws dev.keyline.domain.common.InvalidArgumentException when the text is null
     */
    public static ServiceOrderRequest readCreate(String json) {
        ObjectNode doc = TmfNodes.parseObject(json, "TMF641 ServiceOrder_Create");
        TmfNodes.onlyFields(doc, "", CREATE_TAKEN, CREATE_FIELDS, "ServiceOrder_Create");
        checkType(doc, "", "ServiceOrder");
        ProductCode product = convert(TmfNodes.requiredText(doc, "", "category"), "category", ProductCode::new);
        TmfNodes.optionalText(doc, "", "description");
        Instant start = TmfNodes.optionalInstant(doc, "", "requestedStartDate");
        ProvisioningParties parties = parties(parties(doc, false), product);
        List<Tmf641Item> items = items(doc, null, false);
        List<PlannedStage> stages = new ArrayList<>();
        List<StageAssignment> assignments = new ArrayList<>();
        for (Tmf641Item item : items) {
            stages.add(TmfNodes.attempt("serviceOrderItem(" + item.stage() + ")",
                    () -> new PlannedStage(item.stage(), item.duration(), item.after())));
            assignments.add(item.assignment());
        }
        StagePlan plan;
        try {
            plan = StagePlan.of(stages);
        } catch (KeylineException e) {
            throw new MalformedInputException("field 'serviceOrderItem' is not a valid plan: " + e.getMessage(), e);
        }
        return new ServiceOrderRequest(parties, plan, assignments, Optional.ofNullable(start));
    }

    private static ObjectNode party(String id, String role, String referredType) {
        ObjectNode party = TmfNodes.object();
        party.put("id", id);
        party.put("role", role);
        party.put("@referredType", referredType);
        party.put("@type", "RelatedParty");
        return party;
    }

    private static void characteristic(ArrayNode characteristics, String name, String value) {
        ObjectNode characteristic = characteristics.addObject();
        characteristic.put("name", name);
        characteristic.put("valueType", "string");
        characteristic.put("value", value);
    }

    private static void checkType(ObjectNode node, String path, String type) {
        String given = TmfNodes.optionalText(node, path, "@type");
        if (given != null && !given.equals(type)) {
            throw new MalformedInputException("field '" + join(path, "@type") + "' must be '" + type
                    + "' when given, not '" + given + "'");
        }
    }

    private static String slaOrder(ObjectNode doc) {
        List<ObjectNode> references = TmfNodes.objects(doc, "", "externalReference");
        String slaOrder = null;
        for (int i = 0; i < references.size(); i++) {
            String path = "externalReference[" + i + "]";
            ObjectNode reference = references.get(i);
            TmfNodes.onlyFields(reference, path, REFERENCE_FIELDS, Set.of(), "ExternalReference");
            String type = TmfNodes.requiredText(reference, path, "externalReferenceType");
            if (!type.equals(SLA_ORDER) || slaOrder != null) {
                throw new MalformedInputException("field '" + join(path, "externalReferenceType") + "' must be '"
                        + SLA_ORDER + "', once, not '" + type + "'");
            }
            slaOrder = TmfNodes.requiredText(reference, path, "name");
        }
        return slaOrder;
    }

    /** The related parties by role, each role once. */
    private static Map<String, String> parties(ObjectNode doc, boolean acceptedByAllowed) {
        List<String> allowed = new ArrayList<>(List.of(CUSTOMER, ORIGINATING_UNIT, ACCOUNT_MANAGER, IT_SUPPORT));
        if (acceptedByAllowed) {
            allowed.add(ACCEPTED_BY);
        }
        Map<String, String> byRole = new HashMap<>();
        List<ObjectNode> refs = TmfNodes.objects(doc, "", "relatedParty");
        for (int i = 0; i < refs.size(); i++) {
            String path = "relatedParty[" + i + "]";
            ObjectNode ref = refs.get(i);
            TmfNodes.onlyFields(ref, path, PARTY_FIELDS, Set.of(), "RelatedParty");
            String id = TmfNodes.requiredText(ref, path, "id");
            String role = TmfNodes.requiredText(ref, path, "role");
            TmfNodes.requiredText(ref, path, "@referredType");
            TmfNodes.optionalText(ref, path, "name");
            TmfNodes.optionalText(ref, path, "href");
            if (!allowed.contains(role)) {
                throw new MalformedInputException("field '" + join(path, "role") + "' must be one of " + allowed
                        + ", not '" + role + "'");
            }
            if (byRole.put(role, id) != null) {
                throw new MalformedInputException("field '" + path + "' repeats the role '" + role
                        + "', which Keyline takes once");
            }
        }
        for (String role : List.of(CUSTOMER, ORIGINATING_UNIT, ACCOUNT_MANAGER, IT_SUPPORT)) {
            if (!byRole.containsKey(role)) {
                throw new MalformedInputException("missing field 'relatedParty' in role '" + role + "'");
            }
        }
        return byRole;
    }

    private static ProvisioningParties parties(Map<String, String> byRole, ProductCode product) {
        String field = "relatedParty";
        AccountId account = convert(byRole.get(CUSTOMER), field + "(customer).id", AccountId::new);
        LocalNetworkId unit = convert(byRole.get(ORIGINATING_UNIT), field + "(originatingUnit).id",
                LocalNetworkId::new);
        UserId manager = convert(byRole.get(ACCOUNT_MANAGER), field + "(accountManager).id", UserId::new);
        UserId itSupport = convert(byRole.get(IT_SUPPORT), field + "(itSupport).id", UserId::new);
        return new ProvisioningParties(account, product, unit, manager, itSupport);
    }

    private static List<Tmf641Item> items(ObjectNode doc, ProvisioningOrderId order, boolean stateRequired) {
        List<ObjectNode> nodes = TmfNodes.objects(doc, "", "serviceOrderItem");
        if (nodes.isEmpty()) {
            throw new MalformedInputException("missing field 'serviceOrderItem': an order has at least one stage");
        }
        List<Tmf641Item> items = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "serviceOrderItem[" + i + "]";
            ObjectNode node = nodes.get(i);
            TmfNodes.onlyFields(node, path, ITEM_TAKEN, ITEM_FIELDS, "ServiceOrderItem");
            checkType(node, path, "ServiceOrderItem");
            StageId stage = convert(TmfNodes.requiredText(node, path, "id"), join(path, "id"), StageId::new);
            String action = TmfNodes.requiredText(node, path, "action");
            if (!action.equals("add")) {
                throw new MalformedInputException("field '" + join(path, "action") + "' must be 'add', not '"
                        + action + "'");
            }
            String state = stateRequired ? TmfNodes.requiredText(node, path, "state")
                    : TmfNodes.optionalText(node, path, "state");
            if (!stateRequired && state != null) {
                throw new MalformedInputException("field '" + join(path, "state") + "' is not taken on creation; "
                        + "leave it out");
            }
            if (stateRequired && !ITEM_STATES.contains(state)) {
                throw new MalformedInputException("field '" + join(path, "state") + "' must be one of " + ITEM_STATES
                        + ", not '" + state + "'");
            }
            ObjectNode service = TmfNodes.requiredObject(node, path, "service");
            String servicePath = join(path, "service");
            TmfNodes.onlyFields(service, servicePath, SERVICE_TAKEN, SERVICE_FIELDS, "ServiceRefOrValue");
            String name = TmfNodes.optionalText(service, servicePath, "name");
            if (name != null && !name.equals(stage.value())) {
                throw new MalformedInputException("field '" + join(servicePath, "name") + "' must be the item's id '"
                        + stage + "' when given, not '" + name + "'");
            }
            Map<String, String> values = characteristics(service, servicePath);
            Duration duration = convert(values.get(PLANNED_DURATION),
                    join(servicePath, "serviceCharacteristic(" + PLANNED_DURATION + ")"), Duration::parse);
            StageAssignment assignment = TmfNodes.attempt(join(servicePath, "serviceCharacteristic"),
                    () -> new StageAssignment(stage, new WorkOrderStation(values.get(STATION)),
                            new LocalNetworkId(values.get(UNIT)), new UserId(values.get(STATION_MANAGER)),
                            new UserId(values.get(EXECUTOR))));
            List<StageId> after = after(node, path, order);
            items.add(new Tmf641Item(stage, duration, after, assignment, stateRequired ? state : "acknowledged"));
        }
        return items;
    }

    private static Map<String, String> characteristics(ObjectNode service, String servicePath) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ObjectNode> nodes = TmfNodes.objects(service, servicePath, "serviceCharacteristic");
        for (int i = 0; i < nodes.size(); i++) {
            String path = join(servicePath, "serviceCharacteristic[" + i + "]");
            ObjectNode node = nodes.get(i);
            TmfNodes.onlyFields(node, path, CHARACTERISTIC_TAKEN, CHARACTERISTIC_FIELDS, "Characteristic");
            String name = TmfNodes.requiredText(node, path, "name");
            if (!CHARACTERISTICS.contains(name)) {
                throw new MalformedInputException("field '" + join(path, "name") + "' must be one of "
                        + CHARACTERISTICS + ", not '" + name + "'");
            }
            String valueType = TmfNodes.optionalText(node, path, "valueType");
            if (valueType != null && !valueType.equals("string")) {
                throw new MalformedInputException("field '" + join(path, "valueType") + "' must be 'string', not '"
                        + valueType + "'");
            }
            String value = TmfNodes.requiredText(node, path, "value");
            if (values.put(name, value) != null) {
                throw new MalformedInputException("field '" + path + "' repeats the characteristic '" + name + "'");
            }
        }
        for (String name : CHARACTERISTICS) {
            if (!values.containsKey(name)) {
                throw new MalformedInputException("missing field '" + join(servicePath, "serviceCharacteristic")
                        + "' named '" + name + "'");
            }
        }
        return values;
    }

    private static List<StageId> after(ObjectNode item, String itemPath, ProvisioningOrderId order) {
        List<StageId> after = new ArrayList<>();
        List<ObjectNode> relationships = TmfNodes.objects(item, itemPath, "serviceOrderItemRelationship");
        for (int i = 0; i < relationships.size(); i++) {
            String path = join(itemPath, "serviceOrderItemRelationship[" + i + "]");
            ObjectNode relationship = relationships.get(i);
            TmfNodes.onlyFields(relationship, path, RELATIONSHIP_FIELDS, Set.of(), "ServiceOrderItemRelationship");
            String type = TmfNodes.requiredText(relationship, path, "relationshipType");
            if (!type.equals(DEPENDS_ON)) {
                throw new MalformedInputException("field '" + join(path, "relationshipType") + "' must be '"
                        + DEPENDS_ON + "', not '" + type + "'");
            }
            ObjectNode ref = TmfNodes.requiredObject(relationship, path, "orderItem");
            String refPath = join(path, "orderItem");
            TmfNodes.onlyFields(ref, refPath, ITEM_REF_FIELDS, Set.of(), "ServiceOrderItemRef");
            String itemId = TmfNodes.requiredText(ref, refPath, "itemId");
            String id = TmfNodes.optionalText(ref, refPath, "id");
            if (id != null && !id.equals(itemId)) {
                throw new MalformedInputException("field '" + join(refPath, "id") + "' must repeat the itemId '"
                        + itemId + "', not '" + id + "'");
            }
            String orderId = TmfNodes.optionalText(ref, refPath, "serviceOrderId");
            if (orderId != null && order != null && !orderId.equals(order.value())) {
                throw new MalformedInputException("field '" + join(refPath, "serviceOrderId")
                        + "' must name this order '" + order + "', not '" + orderId + "'");
            }
            after.add(convert(itemId, join(refPath, "itemId"), StageId::new));
        }
        return after;
    }
}
