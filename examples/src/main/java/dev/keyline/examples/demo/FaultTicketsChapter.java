package dev.keyline.examples.demo;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.json.tmf.Tmf621;
import dev.keyline.runtime.workorder.FaultTickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fault (故障) on the circuit {@link WorkOrdersChapter} provisioned, in January 2026: the call
 * centre reports it, the network centre diagnoses and dispatches it, the repair waits three hours
 * for the customer's locked equipment room (credited to the resolution deadline), the station
 * repairs it and the call centre replies to the customer. The TMF621 trouble ticket is written
 * beside the report.
 */
public final class FaultTicketsChapter implements DemoChapter {

    /** The fault ticket of the chapter. */
    public static final FaultTicketId TICKET = new FaultTicketId("FT-2026-0001");

    /** The file the ticket's TMF621 trouble ticket is written to, in the report's folder. */
    public static final String TROUBLE_TICKET_FILE = "tmf621-trouble-ticket.json";

    /** When the customer calls: Monday 12 January 2026, 09:00. */
    public static final LocalDateTime REPORTED = LocalDateTime.of(2026, 1, 12, 9, 0);

    private static final Actor CALL_CENTRE = Actor.accountManager(new UserId("ding.hui"));
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("pan.jun"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor REPAIRER = Actor.withRoles(new UserId("fang.lei"), Role.STATION_EXECUTOR);

    /** A fault-tickets chapter. */
    public FaultTicketsChapter() {
    }

    @Override
    public String title() {
        return "Fault tickets";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        FaultTickets faults = WorkOrdersChapter.faults(context);
        context.moveTo(REPORTED);
        List<String> states = new ArrayList<>();
        states.add(faults.report(CALL_CENTRE, TICKET, WorkOrdersChapter.CUSTOMER, WorkOrdersChapter.PRODUCT,
                FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(), "DDN circuit Suzhou to Kunming is down")
                .state().name());
        context.moveTo(REPORTED.plusMinutes(20));
        states.add(faults.diagnose(NETWORK_CENTRE, TICKET, "far-end line card failed").state().name());
        states.add(faults.dispatch(NETWORK_CENTRE, TICKET, new FaultStation("KM-TRANS-1"), "replace the card")
                .state().name());
        context.moveTo(REPORTED.plusMinutes(90));
        states.add(faults.awaitCustomer(REPAIRER, TICKET, "the customer's equipment room is locked").state().name());
        context.moveTo(REPORTED.plusMinutes(270));
        states.add(faults.resume(REPAIRER, TICKET, "room opened").state().name());
        states.add(faults.startRepair(REPAIRER, TICKET, "on site").state().name());
        context.moveTo(REPORTED.plusHours(6));
        states.add(faults.returnRepaired(NETWORK_CENTRE, TICKET, new FaultCause("LINE-CARD"), "card replaced")
                .state().name());
        FaultTicketSnapshot replied = faults.reply(CALL_CENTRE, TICKET, "told the customer's IT director");
        states.add(replied.state().name());
        context.deliverNotifications("the fault was answered");

        out.summary("Fault " + TICKET + " on " + WorkOrdersChapter.CUSTOMER + "'s DDN circuit goes from report to reply"
                + " in " + (states.size() - 1) + " steps, with a pause for the customer; written as TMF621 JSON.");
        out.paragraph("The call centre (" + CALL_CENTRE.user() + ") takes the customer's call, the network centre ("
                + NETWORK_CENTRE.user() + ") diagnoses the fault and dispatches it to the Kunming transmission station,"
                + " whose repairer (" + REPAIRER.user() + ") waits for the customer to open the equipment room before"
                + " repairing; the call centre replies once the repair is returned. The ticket's response and"
                + " resolution clocks follow its priority; time spent waiting for the customer does not count.");
        out.fact("Fault states", String.join(" → ", states));
        out.fact("Resolution deadline", replied.resolution().deadline() + " (3 hours waiting for the customer credited)");
        Path ticketFile = write(context.reportDir().resolve(TROUBLE_TICKET_FILE), Tmf621.troubleTicketJson(replied));
        out.fact("TMF621 trouble ticket", ticketFile.getFileName().toString());
    }

    private static Path write(Path file, String json) {
        try {
            return Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
