package dev.keyline.domain.sla;

import static dev.keyline.domain.sla.SlaSamples.CALENDAR;
import static dev.keyline.domain.sla.SlaSamples.DDN;
import static dev.keyline.domain.sla.SlaSamples.FR;
import static dev.keyline.domain.sla.SlaSamples.GENERAL_MANAGER;
import static dev.keyline.domain.sla.SlaSamples.MARKETING;
import static dev.keyline.domain.sla.SlaSamples.NETWORK_CENTRE;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.ProductCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Drives an SLA with random commands decoded from integer seeds, for properties and the
 * compatibility kit: orders in every class (some by someone without the role, some of an unknown
 * product, some with a taken reference), completions, amendments (some rewriting a begun month),
 * binding reservations made and released, documents, monthly reports and expiry, on a clock that
 * moves forward 0 to 14 days a command from 1 January 2026.
 */
public final class SlaDriver {

    /** The start of the driver's clock: 1 January 2026, 09:00 in Shanghai. */
    public static final Instant START = SlaSamples.at(2026, 1, 1);

    private static final ProductCode UNKNOWN = new ProductCode("ATM");
    private static final ServiceClass[] CLASSES = ServiceClass.values();

    private final ServiceLevelAgreement sla;
    private final ServiceClassTable table;
    private Instant clock;
    private int next;

    /**
     * A driver of an SLA under the seed's service classes.
     *
     * @param sla the SLA, usually in force
     */
    public SlaDriver(ServiceLevelAgreement sla) {
        this(sla, ServiceClassTable.seedDefaults());
    }

    /**
     * A driver of an SLA under a table.
     *
     * @param sla the SLA
     * @param table the service classes
     */
    public SlaDriver(ServiceLevelAgreement sla, ServiceClassTable table) {
        this.sla = sla;
        this.table = table;
        this.clock = START;
    }

    /**
     * Seeds of random commands.
     *
     * @param most the most commands
     * @return lists of seeds
     */
    public static Gen<List<Integer>> seeds(int most) {
        return SourceDSL.lists().of(SourceDSL.integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, most);
    }

    /**
     * The instant the driver's clock shows.
     *
     * @return the instant
     */
    public Instant clock() {
        return clock;
    }

    /**
     * Runs the command a seed decodes to; it may be refused (it throws, leaving the SLA unchanged).
     *
     * @param seed the seed
     */
    public void run(int seed) {
        clock = clock.plus(Duration.ofDays(seed % 15));
        int what = (seed / 15) % 20;
        int a = seed / 300;
        ProductCode product = (a % 7 == 0) ? UNKNOWN : (a % 2 == 0 ? DDN : FR);
        if (what < 9) {
            Actor by = a % 11 == 0 ? NETWORK_CENTRE : MARKETING;
            String reference = a % 13 == 0 && next > 0 ? "O-" + (a % next) : "O-" + next++;
            sla.acceptOrder(by, reference, product, CLASSES[(a / 7) % CLASSES.length], table, CALENDAR, clock);
        } else if (what < 12) {
            List<SlaOrder> orders = sla.orders();
            String reference = orders.isEmpty() ? "O-none" : orders.get(a % orders.size()).reference();
            sla.recordCompletion(NETWORK_CENTRE, reference, clock);
        } else if (what < 14) {
            ProductCode amended = product.equals(UNKNOWN) ? DDN : product;
            List<Integer> volumes = new ArrayList<>(sla.term().months() == 0 ? List.of() : sla.agreedVolumes(amended));
            int month = (a / 7) % volumes.size();
            volumes.set(month, volumes.get(month) + 1 + (a % 3));
            sla.amend(a % 5 == 0 ? NETWORK_CENTRE : MARKETING, GENERAL_MANAGER, amended, volumes, "demand moved", clock);
        } else if (what < 16) {
            List<ReservationEntry> held = sla.heldReservations();
            if (a % 2 == 0 && !held.isEmpty()) {
                sla.recordReservationReleased(held.get(a % held.size()).reference(), clock);
            } else {
                sla.recordBindingReservation("R-" + next++, product, 1 + a % 4, clock);
            }
        } else if (what < 18) {
            SlaDocumentKind kind = SlaDocumentKind.values()[a % SlaDocumentKind.values().length];
            Actor by = a % 3 == 0 ? MARKETING : NETWORK_CENTRE;
            sla.recordDocument(by, kind, "D-" + next++, product, "circuits for the new branch", clock);
        } else if (what < 19) {
            LocalDate today = LocalDate.ofInstant(clock, sla.zone());
            sla.issueMonthlyReport(NETWORK_CENTRE, java.time.YearMonth.from(today).minusMonths(a % 2), clock);
        } else {
            sla.expire(clock);
        }
    }
}
