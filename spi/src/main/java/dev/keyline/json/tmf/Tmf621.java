package dev.keyline.json.tmf;

import static dev.keyline.json.tmf.TmfNodes.convert;
import static dev.keyline.json.tmf.TmfNodes.join;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.json.SerialisationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fault tickets as TMF621 TroubleTicket (v4.0.0) documents, and TMF621 documents into Keyline.
 *
 * <ul>
 *   <li>{@link #troubleTicket(FaultTicketSnapshot)} writes a ticket as a {@code TroubleTicket};</li>
 *   <li>{@link #readTroubleTicket(String)} reads such a document back into what it keeps
 *       ({@link Tmf621Ticket});</li>
 *   <li>{@link #readCreate(String)} reads a {@code TroubleTicket_Create} into the arguments of a
 *       fault report ({@link FaultReportRequest}).</li>
 * </ul>
 *
 * <p>Reading is strict: a field the specification does not define, one it defines but Keyline does
 * not take, a missing required field, a value of the wrong type or outside Keyline's codes, and
 * text that is not JSON are each refused with a {@link MalformedInputException} naming the field.
 */
public final class Tmf621 {

    /** The TMF621 {@code TroubleTicketStatusType} values, in the specification's order and spelling. */
    public static final List<String> STATUSES = List.of("acknowledged", "rejected", "pending", "held", "inProgress",
            "cancelled", "closed", "resolved");

    /** The {@code ticketType} of every Keyline fault ticket. */
    public static final String TICKET_TYPE = "incident";

    static final String CUSTOMER = "customer";
    static final String REPAIR_STATION = "repairStation";
    static final String AFFECTED_PRODUCT = "affectedProduct";
    static final String SERVICE_CLASS = "serviceClass";
    static final String FAULT_CAUSE = "faultCause";

    private static final Map<FaultPriority, String> PRIORITY = Map.of(FaultPriority.CRITICAL, "Critical",
            FaultPriority.HIGH, "High", FaultPriority.MEDIUM, "Medium", FaultPriority.LOW, "Low");
    private static final Map<FaultPriority, String> SEVERITY = Map.of(FaultPriority.CRITICAL, "Critical",
            FaultPriority.HIGH, "Major", FaultPriority.MEDIUM, "Minor", FaultPriority.LOW, "Minor");
    private static final Map<String, FaultPriority> PRIORITY_OF_SEVERITY = Map.of("Critical", FaultPriority.CRITICAL,
            "Major", FaultPriority.HIGH, "Minor", FaultPriority.MEDIUM);
    private static final Map<FaultSource, String> CHANNEL = Map.of(FaultSource.CALL_CENTRE, "callCentre",
            FaultSource.NETWORK_DETECTED, "networkDetected");
    private static final Map<FaultSource, String> CHANNEL_NAME = Map.of(FaultSource.CALL_CENTRE, "call centre",
            FaultSource.NETWORK_DETECTED, "network management");

    /** Every property of TroubleTicket in the specification. */
    private static final Set<String> TICKET_FIELDS = Set.of("id", "href", "creationDate", "description",
            "expectedResolutionDate", "externalId", "lastUpdate", "name", "priority", "requestedResolutionDate",
            "resolutionDate", "severity", "statusChangeDate", "statusChangeReason", "ticketType", "attachment",
            "channel", "note", "relatedEntity", "relatedParty", "status", "statusChange", "troubleTicketRelationship");
    /** Every property of TroubleTicket_Create: those of TroubleTicket but id and href. */
    private static final Set<String> CREATE_FIELDS = TICKET_FIELDS.stream()
            .filter(f -> !f.equals("id") && !f.equals("href")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> CREATE_TAKEN = Set.of("description", "severity", "ticketType", "priority",
            "channel", "relatedParty", "relatedEntity");
    private static final Set<String> TICKET_TAKEN = Set.of("id", "description", "severity", "ticketType", "priority",
            "channel", "relatedParty", "relatedEntity", "status", "creationDate", "lastUpdate", "statusChangeDate",
            "statusChangeReason", "expectedResolutionDate", "resolutionDate", "statusChange", "note");
    private static final Set<String> REF_FIELDS = Set.of("id", "href", "name", "role", "@referredType");
    private static final Set<String> CHANGE_FIELDS = Set.of("id", "href", "changeDate", "changeReason", "status");
    private static final Set<String> NOTE_FIELDS = Set.of("id", "author", "date", "text");

    private Tmf621() {
    }

    /**
     * The TMF621 status of a Keyline state: {@code REPORTED} → {@code acknowledged};
     * {@code DIAGNOSED}, {@code DISPATCHED}, {@code IN_REPAIR} → {@code inProgress};
     * {@code PENDING_CUSTOMER} → {@code pending}; {@code RETURNED}, {@code REPLIED} →
     * {@code resolved}; {@code CLOSED} → {@code closed}; {@code CANCELLED} → {@code cancelled}.
     *
     * @param state a Keyline state
     * @return the TMF621 status
     * @throws dev.keyline.domain.common.InvalidArgumentException when the state is null
     */
    public static String status(FaultTicketState state) {
        Require.nonNull(state, "state");
        return switch (state) {
            case REPORTED -> "acknowledged";
            case DIAGNOSED, DISPATCHED, IN_REPAIR -> "inProgress";
            case PENDING_CUSTOMER -> "pending";
            case RETURNED, REPLIED -> "resolved";
            case CLOSED -> "closed";
            case CANCELLED -> "cancelled";
        };
    }

    /**
     * Writes a ticket as a TMF621 {@code TroubleTicket}.
     *
     * @param ticket the stored form of a ticket
     * @return the document as a Jackson tree
     * @throws dev.keyline.domain.common.InvalidArgumentException when the ticket is null
     */
    public static ObjectNode troubleTicket(FaultTicketSnapshot ticket) {
        return write(Tmf621Ticket.of(ticket));
    }

    /**
     * Writes a ticket as the text of a TMF621 {@code TroubleTicket}.
     *
     * @param ticket the stored form of a ticket
     * @return the JSON text, pretty-printed
     * @throws dev.keyline.domain.common.InvalidArgumentException when the ticket is null
     * @throws SerialisationException when the tree cannot be written (not expected)
     */
    public static String troubleTicketJson(FaultTicketSnapshot ticket) {
        try {
            return TmfNodes.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(troubleTicket(ticket));
        } catch (JsonProcessingException e) {
            throw new SerialisationException("could not write the TMF621 TroubleTicket of " + ticket.id(), e);
        }
    }

    /**
     * Writes what Keyline keeps of a ticket as a TMF621 {@code TroubleTicket}.
     *
     * @param ticket the kept fields
     * @return the document as a Jackson tree
     * @throws dev.keyline.domain.common.InvalidArgumentException when the ticket is null
     */
    public static ObjectNode write(Tmf621Ticket ticket) {
        Require.nonNull(ticket, "ticket");
        ObjectNode doc = TmfNodes.object();
        doc.put("id", ticket.id().value());
        doc.put("description", ticket.description());
        doc.put("ticketType", TICKET_TYPE);
        doc.put("priority", PRIORITY.get(ticket.priority()));
        doc.put("severity", SEVERITY.get(ticket.priority()));
        doc.put("status", ticket.status());
        doc.put("creationDate", ticket.creationDate().toString());
        doc.put("lastUpdate", ticket.lastUpdate().toString());
        Tmf621Change last = ticket.changes().get(ticket.changes().size() - 1);
        doc.put("statusChangeDate", last.changeDate().toString());
        doc.put("statusChangeReason", last.reason());
        if (ticket.expectedResolutionDate() != null) {
            doc.put("expectedResolutionDate", ticket.expectedResolutionDate().toString());
        }
        if (ticket.resolutionDate() != null) {
            doc.put("resolutionDate", ticket.resolutionDate().toString());
        }
        ObjectNode channel = doc.putObject("channel");
        channel.put("id", CHANNEL.get(ticket.source()));
        channel.put("name", CHANNEL_NAME.get(ticket.source()));
        ArrayNode parties = doc.putArray("relatedParty");
        parties.add(ref(ticket.account().value(), CUSTOMER, "Organization"));
        if (ticket.station() != null) {
            parties.add(ref(ticket.station().value(), REPAIR_STATION, "Organization"));
        }
        ArrayNode entities = doc.putArray("relatedEntity");
        entities.add(ref(ticket.product().value(), AFFECTED_PRODUCT, "Product"));
        if (ticket.serviceClass() != null) {
            entities.add(ref(ticket.serviceClass().name(), SERVICE_CLASS, "ServiceLevelSpecification"));
        }
        if (ticket.cause() != null) {
            entities.add(ref(ticket.cause().value(), FAULT_CAUSE, "FaultCause"));
        }
        ArrayNode changes = doc.putArray("statusChange");
        ArrayNode notes = doc.putArray("note");
        for (int i = 0; i < ticket.changes().size(); i++) {
            Tmf621Change change = ticket.changes().get(i);
            ObjectNode entry = changes.addObject();
            entry.put("id", Integer.toString(i + 1));
            entry.put("changeDate", change.changeDate().toString());
            entry.put("changeReason", change.reason());
            entry.put("status", change.status());
            ObjectNode note = notes.addObject();
            note.put("id", Integer.toString(i + 1));
            note.put("author", change.author().value());
            note.put("date", change.changeDate().toString());
            note.put("text", change.reason());
        }
        doc.put("@type", "TroubleTicket");
        return doc;
    }

    /**
     * Reads a TMF621 {@code TroubleTicket} that Keyline wrote back into the fields it keeps.
     *
     * @param json the document's text
     * @return the kept fields
     * @throws MalformedInputException naming the field when the text is not JSON, or a field is
     *     unknown, not taken, missing, of the wrong type or not one of Keyline's values
     * @throws dev.keyline.domain.common.InvalidArgumentException when the text is null
     */
    public static Tmf621Ticket readTroubleTicket(String json) {
        ObjectNode doc = TmfNodes.parseObject(json, "TMF621 TroubleTicket");
        TmfNodes.onlyFields(doc, "", TICKET_TAKEN, TICKET_FIELDS, "TroubleTicket");
        checkType(doc, "TroubleTicket");
        FaultTicketId id = convert(TmfNodes.requiredText(doc, "", "id"), "id", FaultTicketId::new);
        String description = TmfNodes.requiredText(doc, "", "description");
        FaultPriority priority = priority(doc);
        String status = TmfNodes.requiredText(doc, "", "status");
        if (!STATUSES.contains(status)) {
            throw new MalformedInputException("field 'status' must be one of " + STATUSES + ", not '" + status + "'");
        }
        FaultSource source = source(doc);
        Parties parties = parties(doc, true);
        Entities entities = entities(doc, true);
        Instant created = TmfNodes.requiredInstant(doc, "", "creationDate");
        Instant lastUpdate = TmfNodes.requiredInstant(doc, "", "lastUpdate");
        TmfNodes.optionalInstant(doc, "", "statusChangeDate");
        TmfNodes.optionalText(doc, "", "statusChangeReason");
        Instant expected = TmfNodes.optionalInstant(doc, "", "expectedResolutionDate");
        Instant resolved = TmfNodes.optionalInstant(doc, "", "resolutionDate");
        List<Tmf621Change> changes = changes(doc);
        return new Tmf621Ticket(id, description, priority, source, parties.account, entities.product,
                entities.serviceClass, status, parties.station, entities.cause, created, lastUpdate, expected, resolved,
                changes);
    }

    /**
     * Reads a TMF621 {@code TroubleTicket_Create} into the arguments of a fault report. Keyline
     * takes {@code description}, {@code severity} and {@code ticketType} (required by the
     * specification; the type must be {@value #TICKET_TYPE}), {@code channel} (required: id
     * {@code callCentre} or {@code networkDetected}), {@code relatedParty} (required: one in role
     * {@code customer}, the account), {@code relatedEntity} (required: one in role
     * {@code affectedProduct}; at most one in role {@code serviceClass}, A to E) and
     * {@code priority} (optional: Critical, High, Medium or Low; without it the severity chooses:
     * Critical, Major or Minor → CRITICAL, HIGH or MEDIUM).
     *
     * @param json the document's text
     * @return the report's arguments
     * @throws MalformedInputException naming the field when the text is not JSON, or a field is
     *     unknown, not taken, missing, of the wrong type or not one of Keyline's values
     * @throws dev.keyline.domain.common.InvalidArgumentException when the text is null
     */
    public static FaultReportRequest readCreate(String json) {
        ObjectNode doc = TmfNodes.parseObject(json, "TMF621 TroubleTicket_Create");
        TmfNodes.onlyFields(doc, "", CREATE_TAKEN, CREATE_FIELDS, "TroubleTicket_Create");
        checkType(doc, "TroubleTicket");
        String description = TmfNodes.requiredText(doc, "", "description");
        if (description.length() > Require.MAX_TEXT_LENGTH) {
            throw new MalformedInputException("field 'description' is longer than " + Require.MAX_TEXT_LENGTH
                    + " characters");
        }
        FaultPriority priority = priority(doc);
        FaultSource source = source(doc);
        Parties parties = parties(doc, false);
        Entities entities = entities(doc, false);
        return new FaultReportRequest(parties.account, entities.product, source, priority,
                Optional.ofNullable(entities.serviceClass), description);
    }

    private static ObjectNode ref(String id, String role, String referredType) {
        ObjectNode ref = TmfNodes.object();
        ref.put("id", id);
        ref.put("role", role);
        ref.put("@referredType", referredType);
        return ref;
    }

    private static void checkType(ObjectNode doc, String type) {
        String given = TmfNodes.optionalText(doc, "", "@type");
        if (given != null && !given.equals(type)) {
            throw new MalformedInputException("field '@type' must be '" + type + "' when given, not '" + given + "'");
        }
    }

    /** The priority, or the one the severity implies; the ticket type must be an incident. */
    private static FaultPriority priority(ObjectNode doc) {
        String ticketType = TmfNodes.requiredText(doc, "", "ticketType");
        if (!ticketType.equals(TICKET_TYPE)) {
            throw new MalformedInputException("field 'ticketType' must be '" + TICKET_TYPE
                    + "' (a fault ticket is an incident), not '" + ticketType + "'");
        }
        String severity = TmfNodes.requiredText(doc, "", "severity");
        FaultPriority bySeverity = PRIORITY_OF_SEVERITY.get(severity);
        if (bySeverity == null) {
            throw new MalformedInputException("field 'severity' must be one of " + PRIORITY_OF_SEVERITY.keySet().stream()
                    .sorted().toList() + ", not '" + severity + "'");
        }
        String priority = TmfNodes.optionalText(doc, "", "priority");
        if (priority == null) {
            return bySeverity;
        }
        return PRIORITY.entrySet().stream().filter(e -> e.getValue().equals(priority)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new MalformedInputException("field 'priority' must be one of "
                        + List.of("Critical", "High", "Medium", "Low") + ", not '" + priority + "'"));
    }

    private static FaultSource source(ObjectNode doc) {
        ObjectNode channel = TmfNodes.requiredObject(doc, "", "channel");
        TmfNodes.onlyFields(channel, "channel", REF_FIELDS, Set.of(), "ChannelRef");
        String id = TmfNodes.requiredText(channel, "channel", "id");
        TmfNodes.optionalText(channel, "channel", "name");
        return CHANNEL.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new MalformedInputException("field 'channel.id' must be 'callCentre' or "
                        + "'networkDetected', not '" + id + "'"));
    }

    private record Parties(AccountId account, FaultStation station) {
    }

    private record Entities(ProductCode product, FaultServiceClass serviceClass, FaultCause cause) {
    }

    private static Parties parties(ObjectNode doc, boolean stationAllowed) {
        AccountId account = null;
        FaultStation station = null;
        List<ObjectNode> refs = TmfNodes.objects(doc, "", "relatedParty");
        for (int i = 0; i < refs.size(); i++) {
            String path = "relatedParty[" + i + "]";
            String[] idAndRole = ref(refs.get(i), path, "RelatedParty");
            String field = join(path, "id");
            if (idAndRole[1].equals(CUSTOMER)) {
                once(account, path, CUSTOMER);
                account = convert(idAndRole[0], field, AccountId::new);
            } else if (idAndRole[1].equals(REPAIR_STATION) && stationAllowed) {
                once(station, path, REPAIR_STATION);
                station = convert(idAndRole[0], field, FaultStation::new);
            } else {
                throw new MalformedInputException("field '" + join(path, "role") + "' must be '" + CUSTOMER + "'"
                        + (stationAllowed ? " or '" + REPAIR_STATION + "'" : "") + ", not '" + idAndRole[1] + "'");
            }
        }
        if (account == null) {
            throw new MalformedInputException("missing field 'relatedParty': one in role '" + CUSTOMER
                    + "' names the key account");
        }
        return new Parties(account, station);
    }

    private static Entities entities(ObjectNode doc, boolean causeAllowed) {
        ProductCode product = null;
        FaultServiceClass serviceClass = null;
        FaultCause cause = null;
        List<ObjectNode> refs = TmfNodes.objects(doc, "", "relatedEntity");
        for (int i = 0; i < refs.size(); i++) {
            String path = "relatedEntity[" + i + "]";
            String[] idAndRole = ref(refs.get(i), path, "RelatedEntity");
            String field = join(path, "id");
            switch (idAndRole[1]) {
                case AFFECTED_PRODUCT -> {
                    once(product, path, AFFECTED_PRODUCT);
                    product = convert(idAndRole[0], field, ProductCode::new);
                }
                case SERVICE_CLASS -> {
                    once(serviceClass, path, SERVICE_CLASS);
                    serviceClass = convert(idAndRole[0], field, FaultServiceClass::valueOf);
                }
                case FAULT_CAUSE -> {
                    if (!causeAllowed) {
                        throw roleRefused(path, idAndRole[1], causeAllowed);
                    }
                    once(cause, path, FAULT_CAUSE);
                    cause = convert(idAndRole[0], field, FaultCause::new);
                }
                default -> throw roleRefused(path, idAndRole[1], causeAllowed);
            }
        }
        if (product == null) {
            throw new MalformedInputException("missing field 'relatedEntity': one in role '" + AFFECTED_PRODUCT
                    + "' names the product");
        }
        return new Entities(product, serviceClass, cause);
    }

    private static MalformedInputException roleRefused(String path, String role, boolean causeAllowed) {
        return new MalformedInputException("field '" + join(path, "role") + "' must be '" + AFFECTED_PRODUCT + "' or '"
                + SERVICE_CLASS + "'" + (causeAllowed ? " or '" + FAULT_CAUSE + "'" : "") + ", not '" + role + "'");
    }

    /** The id and role of a reference; {@code @referredType} and {@code role} are required by the specification. */
    private static String[] ref(ObjectNode ref, String path, String definition) {
        TmfNodes.onlyFields(ref, path, REF_FIELDS, Set.of(), definition);
        String id = TmfNodes.requiredText(ref, path, "id");
        String role = TmfNodes.requiredText(ref, path, "role");
        TmfNodes.requiredText(ref, path, "@referredType");
        TmfNodes.optionalText(ref, path, "name");
        TmfNodes.optionalText(ref, path, "href");
        return new String[] {id, role};
    }

    private static void once(Object already, String path, String role) {
        if (already != null) {
            throw new MalformedInputException("field '" + path + "' repeats the role '" + role
                    + "', which Keyline takes once");
        }
    }

    private static List<Tmf621Change> changes(ObjectNode doc) {
        List<ObjectNode> changes = TmfNodes.objects(doc, "", "statusChange");
        List<ObjectNode> notes = TmfNodes.objects(doc, "", "note");
        if (changes.isEmpty()) {
            throw new MalformedInputException("missing field 'statusChange': a ticket has at least its report");
        }
        if (changes.size() != notes.size()) {
            throw new MalformedInputException("field 'note' must have one entry per 'statusChange' entry ("
                    + changes.size() + "), not " + notes.size());
        }
        List<Tmf621Change> read = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            String changePath = "statusChange[" + i + "]";
            String notePath = "note[" + i + "]";
            ObjectNode change = changes.get(i);
            ObjectNode note = notes.get(i);
            TmfNodes.onlyFields(change, changePath, CHANGE_FIELDS, Set.of(), "StatusChange");
            TmfNodes.onlyFields(note, notePath, NOTE_FIELDS, Set.of(), "Note");
            Instant at = TmfNodes.requiredInstant(change, changePath, "changeDate");
            String status = TmfNodes.requiredText(change, changePath, "status");
            if (!STATUSES.contains(status)) {
                throw new MalformedInputException("field '" + join(changePath, "status") + "' must be one of "
                        + STATUSES + ", not '" + status + "'");
            }
            String reason = TmfNodes.requiredText(change, changePath, "changeReason");
            UserId author = convert(TmfNodes.requiredText(note, notePath, "author"), join(notePath, "author"),
                    UserId::new);
            Instant noteAt = TmfNodes.requiredInstant(note, notePath, "date");
            String text = TmfNodes.requiredText(note, notePath, "text");
            if (!noteAt.equals(at) || !text.equals(reason)) {
                throw new MalformedInputException("field '" + notePath + "' must repeat the date and reason of '"
                        + changePath + "'");
            }
            read.add(new Tmf621Change(author, at, status, reason));
        }
        return read;
    }
}
