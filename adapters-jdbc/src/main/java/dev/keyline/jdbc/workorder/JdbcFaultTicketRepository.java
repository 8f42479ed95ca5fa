package dev.keyline.jdbc.workorder;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ClockTransition;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.FaultTransition;
import dev.keyline.domain.workorder.TicketClock;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.workorder.FaultTicketRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The fault tickets of a {@link dev.keyline.jdbc.JdbcStorage}: one row per ticket in
 * {@code keyline_fault_ticket} (with each clock's target, state and derived instants, so the
 * sweeps and the dispatch desk query them directly), the transition log in
 * {@code keyline_fault_ticket_transition} and each clock's log in
 * {@code keyline_fault_clock_transition}. Both logs are append-only: saving writes the row with the
 * optimistic version check and inserts only the entries added since the ticket was loaded, in the
 * caller's transaction. Loading reads them consistently and restores through
 * {@link FaultTicket#restore(FaultTicketSnapshot)}, which replays the log. Instants are kept to the
 * microsecond.
 */
public final class JdbcFaultTicketRepository
        extends JdbcParentChildRepository<FaultTicket, FaultTicketId, JdbcFaultTicketRepository.Parent>
        implements FaultTicketRepository {

    private static final String TABLE = "keyline_fault_ticket";
    private static final String TRANSITIONS = "keyline_fault_ticket_transition";
    private static final String CLOCK_TRANSITIONS = "keyline_fault_clock_transition";
    private static final String COUNTING = " IN ('RUNNING', 'PAUSED')";

    /**
     * What one ticket row holds, before its logs are read.
     *
     * @param id the ticket's id
     * @param version the stored version
     * @param account the key account
     * @param product the product
     * @param source who learnt of the fault first
     * @param priority its priority
     * @param serviceClass its service class, or null
     * @param state its state
     * @param station its station, or null
     * @param cause its cause, or null
     * @param clocks each clock's stored columns
     */
    record Parent(FaultTicketId id, long version, AccountId account, ProductCode product, FaultSource source,
            FaultPriority priority, FaultServiceClass serviceClass, FaultTicketState state, FaultStation station,
            FaultCause cause, Map<TicketClockKind, ClockColumns> clocks) {
    }

    /**
     * What a ticket row holds of one clock.
     *
     * @param target the target
     * @param warningShare the warning share
     * @param deadline the deadline, or null
     * @param warningAt the warning instant, or null
     * @param warnedAt the recorded warning, or null
     * @param breachedAt the recorded breach, or null
     */
    record ClockColumns(Duration target, BigDecimal warningShare, Instant deadline, Instant warningAt, Instant warnedAt,
            Instant breachedAt) {
    }

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcFaultTicketRepository(JdbcSession session) {
        super(session, "fault ticket", TABLE, "ticket_id", FaultTicket::snapshot, FaultTicket::restore);
    }

    @Override
    public Stream<FaultTicket> byStateAndDeadline(FaultTicketState state, TicketClockKind clock, Instant before) {
        Require.nonNull(state, "state");
        Require.nonNull(clock, "clock");
        Require.nonNull(before, "before");
        String deadline = prefix(clock) + "deadline";
        return streamWhere("state = ? AND " + deadline + " < ?", deadline + ", ticket_id", state, before);
    }

    @Override
    public List<FaultTicket> warningsDue(Instant now) {
        Require.nonNull(now, "now");
        return listWhere(warningDue("response_") + " OR " + warningDue("resolution_"), "ticket_id", now, now);
    }

    @Override
    public List<FaultTicket> breachesDue(Instant now) {
        Require.nonNull(now, "now");
        return listWhere(breachDue("response_") + " OR " + breachDue("resolution_"), "ticket_id", now, now);
    }

    @Override
    public Stream<FaultTicket> resolvedIn(Period period, ZoneId zone) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        return streamWhere("resolved_at >= ? AND resolved_at < ?", "resolved_at, ticket_id", period.startAt(zone),
                period.endAt(zone));
    }

    private static String warningDue(String clock) {
        return "(" + clock + "clock_state" + COUNTING + " AND " + clock + "warned_at IS NULL AND " + clock
                + "warning_at <= ?)";
    }

    private static String breachDue(String clock) {
        return "(" + clock + "clock_state" + COUNTING + " AND " + clock + "breached_at IS NULL AND " + clock
                + "deadline < ?)";
    }

    private static String prefix(TicketClockKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "_";
    }

    @Override
    protected Columns columns(FaultTicket ticket) {
        Columns columns = Columns.create()
                .set("account_id", ticket.account())
                .set("product_code", ticket.product())
                .set("source", ticket.source())
                .set("priority", ticket.priority())
                .set("service_class", ticket.serviceClass())
                .set("state", ticket.state())
                .set("station_id", ticket.station())
                .set("cause_code", ticket.cause())
                .set("resolved_at", ticket.resolvedAt());
        for (TicketClockKind kind : TicketClockKind.values()) {
            TicketClock clock = ticket.clock(kind);
            String p = prefix(kind);
            columns.set(p + "target_seconds", clock.target().getSeconds())
                    .set(p + "warning_share", clock.warningShare())
                    .set(p + "clock_state", clock.state())
                    .set(p + "deadline", clock.deadline())
                    .set(p + "warning_at", clock.warningAt())
                    .set(p + "warned_at", clock.warnedAt())
                    .set(p + "breached_at", clock.breachedAt());
        }
        return columns;
    }

    @Override
    protected void saveChildren(FaultTicket ticket, boolean inserted) {
        List<Object[]> rows = appendRows(ticket.log(), (i, t) -> new Object[] {ticket.id(), i + 1, t.from(), t.to(),
                t.actedBy(), t.at(), t.note(), t.station(), t.cause()});
        appendChildren(TRANSITIONS, "ticket_id", ticket.id(), inserted, "INSERT INTO " + TRANSITIONS
                + " (ticket_id, line_no, from_state, to_state, acted_by, acted_at, note, station_id, cause_code)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        for (TicketClockKind kind : TicketClockKind.values()) {
            List<ClockTransition> transitions = ticket.clock(kind).transitions();
            int stored = inserted ? 0 : session().queryOne("SELECT COUNT(*) AS stored_rows FROM " + CLOCK_TRANSITIONS
                    + " WHERE ticket_id = ? AND clock_kind = ?", row -> row.intValue("stored_rows"), ticket.id(), kind)
                    .orElse(0);
            if (stored > transitions.size()) {
                throw new dev.keyline.spi.StorageException("fault ticket " + ticket.id() + " holds "
                        + transitions.size() + " transitions of its " + kind + " clock but " + stored
                        + " are stored; a clock's log never shrinks", null);
            }
            List<Object[]> clockRows = new ArrayList<>();
            for (int i = stored; i < transitions.size(); i++) {
                ClockTransition t = transitions.get(i);
                clockRows.add(new Object[] {ticket.id(), kind, i + 1, t.kind(), t.at()});
            }
            insertChildren("INSERT INTO " + CLOCK_TRANSITIONS
                    + " (ticket_id, clock_kind, line_no, transition_kind, transition_at) VALUES (?, ?, ?, ?, ?)", clockRows);
        }
    }

    @Override
    protected Parent parent(Row row) {
        FaultTicketId id = required(row, "ticket_id", FaultTicketId::new);
        return stored(() -> "fault ticket " + id, () -> {
            Map<TicketClockKind, ClockColumns> clocks = new EnumMap<>(TicketClockKind.class);
            for (TicketClockKind kind : TicketClockKind.values()) {
                String p = prefix(kind);
                clocks.put(kind, new ClockColumns(Duration.ofSeconds(row.longValue(p + "target_seconds")),
                        row.bigDecimal(p + "warning_share"), row.instant(p + "deadline"), row.instant(p + "warning_at"),
                        row.instant(p + "warned_at"), row.instant(p + "breached_at")));
            }
            return new Parent(id, row.longValue("version"), required(row, "account_id", AccountId::new),
                    required(row, "product_code", ProductCode::new), requiredEnum(row, "source", FaultSource.class),
                    requiredEnum(row, "priority", FaultPriority.class),
                    row.enumValue("service_class", FaultServiceClass.class),
                    requiredEnum(row, "state", FaultTicketState.class), row.identifier("station_id", FaultStation::new),
                    row.identifier("cause_code", FaultCause::new), clocks);
        });
    }

    @Override
    protected String idOf(Parent parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(Parent parent) {
        return parent.version();
    }

    @Override
    protected Function<Parent, FaultTicket> readChildren(List<Parent> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<FaultTransition>> logs = childrenOf(TRANSITIONS, "ticket_id", ids, "line_no",
                (row, id) -> stored(() -> "transition " + row.intValue("line_no") + " of fault ticket " + id,
                        () -> new FaultTransition(user(row, "acted_by"), row.instant("acted_at"),
                                row.enumValue("from_state", FaultTicketState.class),
                                requiredEnum(row, "to_state", FaultTicketState.class), row.requiredString("note"),
                                row.identifier("station_id", FaultStation::new),
                                row.identifier("cause_code", FaultCause::new))));
        Map<String, Map<TicketClockKind, List<ClockTransition>>> clockLogs = new HashMap<>();
        childrenAndVersionsOf(CLOCK_TRANSITIONS, "ticket_id", ids, "line_no", (row, id) -> {
            TicketClockKind kind = requiredEnum(row, "clock_kind", TicketClockKind.class);
            ClockTransition t = stored(() -> "clock transition " + row.intValue("line_no") + " of fault ticket " + id,
                    () -> new ClockTransition(requiredEnum(row, "transition_kind", ClockTransition.Kind.class),
                            row.instant("transition_at")));
            clockLogs.computeIfAbsent(id, k -> new EnumMap<>(TicketClockKind.class))
                    .computeIfAbsent(kind, k -> new ArrayList<>()).add(t);
            return t;
        });
        return p -> {
            Map<TicketClockKind, List<ClockTransition>> own = clockLogs.getOrDefault(p.id().value(), Map.of());
            TicketClock response = clock(p, TicketClockKind.RESPONSE, own);
            TicketClock resolution = clock(p, TicketClockKind.RESOLUTION, own);
            return FaultTicket.restore(new FaultTicketSnapshot(p.id(), p.version(), p.account(), p.product(),
                    p.source(), p.priority(), p.serviceClass(), p.state(), p.station(), p.cause(),
                    logs.getOrDefault(p.id().value(), List.of()), response, resolution));
        };
    }

    private static TicketClock clock(Parent p, TicketClockKind kind, Map<TicketClockKind, List<ClockTransition>> logs) {
        ClockColumns c = p.clocks().get(kind);
        return stored(() -> kind + " clock of fault ticket " + p.id(), () -> new TicketClock(kind, c.target(),
                c.warningShare(), logs.getOrDefault(kind, List.of()), c.deadline(), c.warningAt(), c.warnedAt(),
                c.breachedAt()));
    }
}
