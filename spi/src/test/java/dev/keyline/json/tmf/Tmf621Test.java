package dev.keyline.json.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
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
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fault tickets through TMF621 by example: the guide's example documents are what the mapping
 * writes and reads, the status table matches the specification's spelling, the validator used by
 * the properties rejects what it should, and input errors name their field.
 */
class Tmf621Test {

    private static final Path GUIDE = Path.of("..", "docs", "work-orders.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The guide's ticket: reported, diagnosed, dispatched, waiting for the customer, repaired and closed. */
    static FaultTicket guideTicket() {
        BusinessCalendar allDays = BusinessCalendar.allDays(ZoneId.of("Asia/Shanghai"));
        TicketClockTargets targets = new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8));
        Map<FaultPriority, TicketClockTargets> table = new EnumMap<>(FaultPriority.class);
        Arrays.stream(FaultPriority.values()).forEach(p -> table.put(p, targets));
        Actor li = Actor.accountManager(new UserId("li"));
        Actor zhao = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
        Actor wu = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);
        Instant t = Instant.parse("2026-03-02T01:00:00Z");
        FaultTicket ticket = FaultTicket.report(new FaultTicketId("FT-2026-0001"), new AccountId("A-BANK"),
                new ProductCode("DDN"), FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.of(FaultServiceClass.B),
                "DDN line to the Pingjiang branch is down", TicketClockPolicy.byPriority(table), li, allDays, t);
        ticket.diagnose(zhao, "far-end line card failed", allDays, t.plus(Duration.ofMinutes(50)));
        ticket.dispatch(zhao, new FaultStation("SZ-TRANS-1"), "replace the line card", allDays,
                t.plus(Duration.ofHours(1)));
        ticket.awaitCustomer(wu, "the branch's equipment room is locked", allDays, t.plus(Duration.ofHours(2)));
        return ticket;
    }

    static void finish(FaultTicket ticket) {
        BusinessCalendar allDays = BusinessCalendar.allDays(ZoneId.of("Asia/Shanghai"));
        Actor li = Actor.accountManager(new UserId("li"));
        Actor zhao = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
        Actor wu = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);
        Instant t = Instant.parse("2026-03-02T05:00:00Z");
        ticket.resume(wu, "room opened", allDays, t);
        ticket.startRepair(wu, "on site", allDays, t.plus(Duration.ofMinutes(10)));
        ticket.returnRepaired(zhao, new FaultCause("LINE-CARD"), "card replaced, line tested", allDays,
                t.plus(Duration.ofHours(2)));
        ticket.reply(li, "told the branch manager", allDays, t.plus(Duration.ofHours(2).plusMinutes(10)));
        ticket.close(li, "customer confirmed", allDays, t.plus(Duration.ofHours(2).plusMinutes(30)));
    }

    @Test
    void theGuidesExamplesAreWhatTheMappingWritesAndReads() throws IOException {
        FaultTicket ticket = guideTicket();
        finish(ticket);
        String written = Tmf621.troubleTicketJson(ticket.snapshot());
        assertThat(JSON.readTree(guideBlock("tmf621-trouble-ticket"))).as(written).isEqualTo(JSON.readTree(written));
        assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF621, "TroubleTicket", written)).isEmpty();

        String create = guideBlock("tmf621-create");
        assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF621, "TroubleTicket_Create", create)).isEmpty();
        assertThat(Tmf621.readCreate(create)).isEqualTo(new FaultReportRequest(new AccountId("A-BANK"),
                new ProductCode("DDN"), FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.of(FaultServiceClass.B),
                "DDN line to the Pingjiang branch is down"));
    }

    @Test
    void theGuidesStatusTableIsTheMappingsAndSpellsTheSpecificationsValues() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        JsonNode spec = JSON.readTree(getClass().getClassLoader().getResource(TmfSchemas.TMF621));
        List<String> specified = JSON.convertValue(spec.at("/definitions/TroubleTicketStatusType/enum"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(Tmf621.STATUSES).isEqualTo(specified);
        for (FaultTicketState state : FaultTicketState.values()) {
            String status = Tmf621.status(state);
            assertThat(specified).contains(status);
            assertThat(guide).contains("| `" + state + "` | `" + status + "` |");
        }
    }

    @Test
    void theValidatorRejectsWhatTheSpecificationForbids() {
        ObjectNode doc = Tmf621.troubleTicket(guideTicket().snapshot());
        assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket", doc.toString())).isEmpty();

        ObjectNode badStatus = doc.deepCopy().put("status", "open");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket", badStatus.toString())).isNotEmpty();
        ObjectNode badDate = doc.deepCopy().put("creationDate", "Monday morning");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket", badDate.toString())).isNotEmpty();
        ObjectNode refWithoutRole = doc.deepCopy();
        ((ObjectNode) refWithoutRole.get("relatedEntity").get(0)).remove("role");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket", refWithoutRole.toString())).isNotEmpty();
        ObjectNode extra = doc.deepCopy().put("faultCause", "x");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket", extra.toString())).isEmpty();
        assertThat(TmfSchemas.strictErrors(TmfSchemas.TMF621, "TroubleTicket", extra.toString())).isNotEmpty();
        ObjectNode createWithoutSeverity = Tmf621Properties.createDocument(new Tmf621Properties.Report("A-BANK", "DDN",
                FaultSource.CALL_CENTRE, FaultPriority.LOW, Optional.empty(), "x"), false);
        createWithoutSeverity.remove("severity");
        assertThat(TmfSchemas.errors(TmfSchemas.TMF621, "TroubleTicket_Create", createWithoutSeverity.toString()))
                .isNotEmpty();
    }

    @Test
    void aPendingTicketShowsThePauseAndNoResolution() {
        Tmf621Ticket pending = Tmf621.readTroubleTicket(Tmf621.troubleTicketJson(guideTicket().snapshot()));
        assertThat(pending.status()).isEqualTo("pending");
        assertThat(pending.station()).isEqualTo(new FaultStation("SZ-TRANS-1"));
        assertThat(pending.cause()).isNull();
        assertThat(pending.resolutionDate()).isNull();
        assertThat(pending.changes()).extracting(Tmf621Change::status)
                .containsExactly("acknowledged", "inProgress", "inProgress", "pending");
    }

    @Test
    void inputErrorsNameTheirField() {
        String create = Tmf621Properties.createDocument(new Tmf621Properties.Report("A-BANK", "DDN",
                FaultSource.NETWORK_DETECTED, FaultPriority.CRITICAL, Optional.empty(), "x"), true).toString();
        assertThatThrownBy(() -> Tmf621.readCreate(create.replace("\"description\":\"x\",", "")))
                .isInstanceOf(MalformedInputException.class).hasMessageEndingWith("missing field 'description'");
        assertThatThrownBy(() -> Tmf621.readCreate(create.replace("\"ticketType\"", "\"ticketKind\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageEndingWith("unknown field 'ticketKind': TroubleTicket_Create defines no such field");
        assertThatThrownBy(() -> Tmf621.readCreate(create.replace("\"@type\"", "\"externalId\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageEndingWith("field 'externalId' of TroubleTicket_Create is not taken by Keyline; leave it out");
        assertThatThrownBy(() -> Tmf621.readCreate(create.replace("\"Critical\"", "\"Blocker\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageEndingWith("field 'severity' must be one of [Critical, Major, Minor], not 'Blocker'");
        assertThatThrownBy(() -> Tmf621.readCreate(create.replace("\"A-BANK\"", "\"A BANK\"")))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining(
                        "field 'relatedParty[0].id' has an invalid value 'A BANK'");
        assertThatThrownBy(() -> Tmf621.readCreate(create.replace("\"customer\"", "\"payer\"")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageEndingWith("field 'relatedParty[0].role' must be 'customer', not 'payer'");
        assertThatThrownBy(() -> Tmf621.readCreate("[]")).isInstanceOf(MalformedInputException.class)
                .hasMessageEndingWith("a TMF621 TroubleTicket_Create must be a JSON object");
        assertThatThrownBy(() -> Tmf621.readCreate("")).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> Tmf621.readCreate("null")).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> Tmf621.readCreate(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("json");
    }

    /** The JSON block of the guide that follows the marker comment {@code <!-- name -->}. */
    static String guideBlock(String name) throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- " + Pattern.quote(name) + " -->\\s*```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertThat(m.find()).as("the guide has a block marked " + name).isTrue();
        return m.group(1);
    }
}
