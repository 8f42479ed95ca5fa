package dev.keyline.json.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketProperties;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.FaultTransition;
import dev.keyline.domain.workorder.TicketClockPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fault tickets through TMF621 by properties: random tickets moved through random legal
 * transitions export documents that validate against the specification's TroubleTicket
 * definition, read back to exactly the fields the mapping keeps, and every mutation of a document
 * is refused with a {@link MalformedInputException} naming the field.
 */
class Tmf621Properties {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Actor REPORTER = Actor.withRoles(new UserId("li"), Role.ACCOUNT_MANAGER);
    private static final Actor ANYONE = Actor.withRoles(new UserId("gm-wang"), Role.GENERAL_MANAGER);
    private static final List<String> DESCRIPTIONS = List.of("line down", "DDN 线路中断, 平江支行",
            "packet loss \"50 %\" on the\nbackup path", "  leading and trailing blanks  ");

    /** A random report. */
    record Report(String account, String product, FaultSource source, FaultPriority priority,
            Optional<FaultServiceClass> serviceClass, String description) {
    }

    /** One random move: which of the legal moves, how many minutes later, and a code variant. */
    record Move(int choice, int minutes, int variant) {
    }

    static Gen<Report> reports() {
        Gen<Optional<FaultServiceClass>> classes = arbitrary().enumValues(FaultServiceClass.class).map(Optional::of)
                .mix(arbitrary().constant(Optional.empty()), 40);
        return arbitrary().pick(List.of("A-BANK", "A-RAIL", "ACC_7.x")).zip(arbitrary().pick(List.of("DDN", "MPLS-VPN")),
                arbitrary().enumValues(FaultSource.class), arbitrary().enumValues(FaultPriority.class),
                (a, p, s, pr) -> new Report(a, p, s, pr, Optional.empty(), DESCRIPTIONS.get(0)))
                .zip(classes, arbitrary().pick(DESCRIPTIONS), (r, c, d) -> new Report(r.account(), r.product(),
                        r.source(), r.priority(), c, d));
    }

    static Gen<List<Move>> moves() {
        return lists().of(integers().between(0, 8).zip(integers().between(0, 3_000), integers().between(0, 2),
                Move::new)).ofSizeBetween(0, 14);
    }

    /** A ticket reported and moved; empty when the calendar has no working time for its clocks. */
    static Optional<FaultTicket> ticket(Report report, BusinessCalendar calendar, TicketClockPolicy policy,
            List<Move> moves) {
        FaultTicket ticket;
        try {
            ticket = FaultTicket.report(new FaultTicketId("FT-42"), new AccountId(report.account()),
                    new ProductCode(report.product()), report.source(), report.priority(), report.serviceClass(),
                    report.description(), policy, REPORTER, calendar, T0);
        } catch (KeylineException noWorkingTime) {
            return Optional.empty();
        }
        Instant now = T0;
        for (Move move : moves) {
            now = now.plus(Duration.ofMinutes(move.minutes()));
            List<FaultTicketState> legal = legalMoves(ticket);
            if (legal.isEmpty()) {
                break;
            }
            FaultTicketState to = legal.get(move.choice() % legal.size());
            String note = "move to " + to + " (" + move.variant() + ")";
            try {
                switch (to) {
                    case DIAGNOSED -> ticket.diagnose(ANYONE, note, calendar, now);
                    case DISPATCHED -> ticket.dispatch(ANYONE, new FaultStation("ST-" + move.variant()), note, calendar,
                            now);
                    case IN_REPAIR -> ticket.startRepair(ANYONE, note, calendar, now);
                    case RETURNED -> ticket.returnRepaired(ANYONE, new FaultCause("CAUSE-" + move.variant()), note,
                            calendar, now);
                    case REPLIED -> ticket.reply(ANYONE, note, calendar, now);
                    case CLOSED -> ticket.close(ANYONE, note, calendar, now);
                    case PENDING_CUSTOMER -> ticket.awaitCustomer(ANYONE, note, calendar, now);
                    case REPORTED -> ticket.resume(ANYONE, note, calendar, now);
                    case CANCELLED -> ticket.cancel(ANYONE, note, calendar, now);
                    default -> throw new IllegalStateException("no move to " + to);
                }
            } catch (KeylineException noWorkingTimeLeft) {
                // a clock that cannot find working time refuses the move and the ticket is unchanged
            }
        }
        return Optional.of(ticket);
    }

    /** The moves the flow allows now, by target; a resume is listed as REPORTED. */
    private static List<FaultTicketState> legalMoves(FaultTicket ticket) {
        List<FaultTicketState> legal = new ArrayList<>();
        if (ticket.state() == FaultTicketState.PENDING_CUSTOMER) {
            legal.add(FaultTicketState.REPORTED);
            legal.add(FaultTicketState.CANCELLED);
            return legal;
        }
        for (FaultTicketState to : FaultTicketState.values()) {
            if (to != FaultTicketState.REPORTED && ticket.canMoveTo(to)) {
                legal.add(to);
            }
        }
        return legal;
    }

    @Test
    void exportedTicketsValidateAndReadBackToWhatTheMappingKeeps() {
        qt().forAll(reports(), FaultTicketProperties.calendars(), FaultTicketProperties.policies(), moves())
                .checkAssert((report, calendar, policy, moves) -> ticket(report, calendar, policy, moves)
                        .ifPresent(ticket -> {
                            FaultTicketSnapshot snapshot = ticket.snapshot();
                            String json = Tmf621.troubleTicketJson(snapshot);
                            assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket", json)).as(json).isEmpty();
                            assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF621, "TroubleTicket", json)).as(json)
                                    .isEmpty();
                            Tmf621Ticket read = Tmf621.readTroubleTicket(json);
                            assertThat(read).isEqualTo(Tmf621Ticket.of(snapshot));
                            assertKeeps(read, snapshot);
                        }));
    }

    /** The kept fields against the ticket itself, not against the mapping's own view of it. */
    private static void assertKeeps(Tmf621Ticket read, FaultTicketSnapshot ticket) {
        List<FaultTransition> log = ticket.log();
        assertThat(read.id()).isEqualTo(ticket.id());
        assertThat(read.account()).isEqualTo(ticket.account());
        assertThat(read.product()).isEqualTo(ticket.product());
        assertThat(read.source()).isEqualTo(ticket.source());
        assertThat(read.priority()).isEqualTo(ticket.priority());
        assertThat(read.serviceClass()).isEqualTo(ticket.serviceClass());
        assertThat(read.station()).isEqualTo(ticket.station());
        assertThat(read.cause()).isEqualTo(ticket.cause());
        assertThat(read.description()).isEqualTo(log.get(0).note());
        assertThat(read.creationDate()).isEqualTo(log.get(0).at());
        assertThat(read.lastUpdate()).isEqualTo(log.get(log.size() - 1).at());
        assertThat(read.expectedResolutionDate()).isEqualTo(ticket.resolution().deadlineIfAny().orElse(null));
        assertThat(read.resolutionDate() != null).isEqualTo(log.stream().anyMatch(m -> m.to() == FaultTicketState.RETURNED));
        assertThat(read.status()).isIn(Tmf621.STATUSES).isEqualTo(expectedStatus(ticket.state()));
        assertThat(read.changes()).hasSameSizeAs(log);
        for (int i = 0; i < log.size(); i++) {
            assertThat(read.changes().get(i).author()).isEqualTo(log.get(i).actedBy());
            assertThat(read.changes().get(i).changeDate()).isEqualTo(log.get(i).at());
            assertThat(read.changes().get(i).reason()).isEqualTo(log.get(i).note());
            assertThat(read.changes().get(i).status()).isEqualTo(expectedStatus(log.get(i).to()));
        }
    }

    /** The documented table, written out independently of the mapping's switch. */
    private static String expectedStatus(FaultTicketState state) {
        return switch (state.name()) {
            case "REPORTED" -> "acknowledged";
            case "PENDING_CUSTOMER" -> "pending";
            case "RETURNED", "REPLIED" -> "resolved";
            case "CLOSED" -> "closed";
            case "CANCELLED" -> "cancelled";
            default -> "inProgress";
        };
    }

    @Test
    void createDocumentsValidateAndReadIntoTheReport() {
        qt().forAll(reports(), booleans().all()).checkAssert((report, withPriority) -> {
            String json = createDocument(report, withPriority).toString();
            assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF621, "TroubleTicket_Create", json)).as(json).isEmpty();
            FaultReportRequest request = Tmf621.readCreate(json);
            assertThat(request.account()).isEqualTo(new AccountId(report.account()));
            assertThat(request.product()).isEqualTo(new ProductCode(report.product()));
            assertThat(request.source()).isEqualTo(report.source());
            assertThat(request.serviceClass()).isEqualTo(report.serviceClass());
            assertThat(request.description()).isEqualTo(report.description());
            FaultPriority bySeverity = report.priority() == FaultPriority.LOW ? FaultPriority.MEDIUM : report.priority();
            assertThat(request.priority()).isEqualTo(withPriority ? report.priority() : bySeverity);
        });
    }

    /** A TroubleTicket_Create for the report, written field by field as a client would. */
    static ObjectNode createDocument(Report report, boolean withPriority) {
        ObjectNode doc = TmfNodes.object();
        doc.put("description", report.description());
        doc.put("ticketType", "incident");
        doc.put("severity", switch (report.priority()) {
            case CRITICAL -> "Critical";
            case HIGH -> "Major";
            default -> "Minor";
        });
        if (withPriority) {
            doc.put("priority", switch (report.priority()) {
                case CRITICAL -> "Critical";
                case HIGH -> "High";
                case MEDIUM -> "Medium";
                case LOW -> "Low";
            });
        }
        ObjectNode channel = doc.putObject("channel");
        channel.put("id", report.source() == FaultSource.CALL_CENTRE ? "callCentre" : "networkDetected");
        ObjectNode party = doc.putArray("relatedParty").addObject();
        party.put("id", report.account());
        party.put("role", "customer");
        party.put("@referredType", "Organization");
        ArrayNode entities = doc.putArray("relatedEntity");
        ObjectNode product = entities.addObject();
        product.put("id", report.product());
        product.put("role", "affectedProduct");
        product.put("@referredType", "Product");
        report.serviceClass().ifPresent(c -> {
            ObjectNode sc = entities.addObject();
            sc.put("id", c.name());
            sc.put("role", "serviceClass");
            sc.put("@referredType", "ServiceLevelSpecification");
        });
        doc.put("@type", "TroubleTicket");
        return doc;
    }

    /** One mutation: which kind, which field (by index into the document's fields), and a seed. */
    record Mutation(int kind, int field, int seed) {
    }

    static Gen<Mutation> mutations() {
        return integers().between(0, 5).zip(integers().between(0, 1_000), integers().between(0, 1_000), Mutation::new);
    }

    @Test
    void mutatedTroubleTicketsAreRefusedNamingTheField() {
        List<String> required = List.of("id", "description", "ticketType", "severity", "status", "channel",
                "relatedParty", "relatedEntity", "creationDate", "lastUpdate", "statusChange", "note");
        qt().forAll(reports(), FaultTicketProperties.policies(), moves(), mutations())
                .checkAssert((report, policy, moves, mutation) -> ticket(report,
                        BusinessCalendar.allDays(java.time.ZoneOffset.UTC), policy, moves).ifPresent(ticket -> {
                            ObjectNode doc = Tmf621.troubleTicket(ticket.snapshot());
                            checkMutation(doc, mutation, required, Tmf621::readTroubleTicket);
                        }));
    }

    @Test
    void mutatedCreateDocumentsAreRefusedNamingTheField() {
        List<String> required = List.of("description", "ticketType", "severity", "channel", "relatedParty",
                "relatedEntity");
        qt().forAll(reports(), booleans().all(), mutations()).checkAssert((report, withPriority, mutation) ->
                checkMutation(createDocument(report, withPriority), mutation, required, Tmf621::readCreate));
    }

    private static void checkMutation(ObjectNode doc, Mutation mutation, List<String> required,
            java.util.function.Function<String, ?> reader) {
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(mutation.field() % fields.size());
        String text;
        String named;
        switch (mutation.kind()) {
            case 0 -> { // a field Keyline needs is left out
                field = required.get(mutation.field() % required.size());
                doc.remove(field);
                text = doc.toString();
                named = field;
            }
            case 1 -> { // a field no specification defines
                named = "x-unknown-" + mutation.seed();
                doc.put(named, "value");
                text = doc.toString();
            }
            case 2 -> { // a field of the wrong type
                doc.put(field, mutation.seed());
                text = doc.toString();
                named = field;
            }
            case 3 -> { // a field the specification defines but Keyline does not take
                named = List.of("externalId", "name", "requestedResolutionDate", "attachment",
                        "troubleTicketRelationship").get(mutation.seed() % 5);
                doc.putArray(named);
                text = doc.toString();
            }
            case 4 -> { // an unknown field inside a reference
                ObjectNode ref = (ObjectNode) ((ArrayNode) doc.get("relatedParty")).get(0);
                named = "relatedParty[0].x" + mutation.seed();
                ref.put("x" + mutation.seed(), true);
                text = doc.toString();
            }
            default -> { // cut-off text
                String whole = doc.toString();
                text = whole.substring(0, mutation.seed() % whole.length());
                named = "JSON";
            }
        }
        Throwable thrown = catchThrowable(() -> reader.apply(text));
        assertThat(thrown).as(text).isInstanceOf(MalformedInputException.class);
        assertThat(thrown.getMessage()).as(text).contains(named);
    }

    @Test
    void documentsOfOtherValuesAreRefusedNamingTheField() {
        qt().forAll(reports(), integers().between(0, 4), arbitrary().pick(List.of("", " ", "open", "42", "ST 1", "平江")))
                .checkAssert((report, which, value) -> {
                    ObjectNode doc = createDocument(report, true);
                    String field;
                    switch (which) {
                        case 0 -> {
                            field = "severity";
                            doc.put(field, value);
                        }
                        case 1 -> {
                            field = "priority";
                            doc.put(field, value);
                        }
                        case 2 -> {
                            field = "channel.id";
                            ((ObjectNode) doc.get("channel")).put("id", value);
                        }
                        case 3 -> {
                            field = "relatedParty[0].id";
                            ((ObjectNode) doc.get("relatedParty").get(0)).put("id", value);
                        }
                        default -> {
                            field = "relatedEntity[0].role";
                            ((ObjectNode) doc.get("relatedEntity").get(0)).put("role", value);
                        }
                    }
                    JsonNode changed = doc;
                    Throwable thrown = catchThrowable(() -> Tmf621.readCreate(changed.toString()));
                    if (which == 3 && (value.equals("42") || value.equals("open"))) {
                        assertThat(thrown).as("a valid account id").isNull();
                        return;
                    }
                    assertThat(thrown).as(changed.toString()).isInstanceOf(MalformedInputException.class);
                    assertThat(thrown.getMessage()).contains(field);
                });
    }
}
