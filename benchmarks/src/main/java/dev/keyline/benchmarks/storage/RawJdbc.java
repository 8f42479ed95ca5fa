package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Identifier;
import dev.keyline.json.KeylineJson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the raw-JDBC sides of the reservation, SLA-order and budget-commitment mixes share: plain
 * prepared statements, batched where a command writes several rows into one table, one
 * transaction per command on one connection, and the outbox rows written by hand (events as JSON
 * by Keyline's mapper, the one thing the raw sides borrow, so that payloads are identical).
 */
final class RawJdbc {

    /**
     * Every outbox row of a command, events and timers alike, in one statement: the status and the
     * timer columns are parameters, so a command that raises events and sets a timer still sends
     * one batch.
     */
    static final String INSERT_OUTBOX = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload, status, version, timer_key, pending_timer_key, timer_due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";

    /** Moves a pending timer to a new event and due time, in place of deleting it and inserting another. */
    static final String RESCHEDULE_TIMER = "UPDATE keyline_outbox SET event_id = ?, event_type = ?, occurred_at = ?, "
            + "audience_role = ?, audience_organisation_unit = ?, audience_account_id = ?, audience_station_id = ?, "
            + "audience_subject = ?, payload = ?, timer_due_at = ? WHERE pending_timer_key = ? AND status = 'SCHEDULED'";

    /** Cancels a pending timer. */
    static final String CANCEL_TIMER = "DELETE FROM keyline_outbox WHERE pending_timer_key = ? AND status = 'SCHEDULED'";

    /** One command: its statements on the connection, committed after it returns. */
    @FunctionalInterface
    interface Command {
        void run(Connection c) throws SQLException;
    }

    /** A timer to set: its key and the event to deliver when it is due. */
    record Timer(String key, DomainEvent event) {
    }

    private final DataSource dataSource;
    private final KeylineJson json = KeylineJson.create();

    RawJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the first {@code count} commands on one connection, each in a transaction of its own; a
     * failure rolls its command back.
     */
    void transactions(int count, Command... commands) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int i = 0; i < count; i++) {
                    commands[i].run(c);
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Executes one statement; returns the rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    /** Executes a versioned update that must change exactly one row of {@code id}. */
    static void versioned(Connection c, String sql, String id, Object... params) throws SQLException {
        RawKeyAccountMix.requireOneRow(update(c, sql, params), id);
    }

    /**
     * Updates an aggregate's changed columns ({@code sql} sets them, then {@code version}, and
     * checks id and version), requiring one row, and moves the aggregate to its new version.
     */
    static void versioned(Connection c, AggregateRoot<?> aggregate, String sql, Object... changed) throws SQLException {
        Object[] params = Arrays.copyOf(changed, changed.length + 3);
        params[changed.length] = aggregate.version() + 1;
        params[changed.length + 1] = aggregate.id();
        params[changed.length + 2] = aggregate.version();
        versioned(c, sql, aggregate.id().value(), params);
        aggregate.markSaved(aggregate.version() + 1);
    }

    /** Executes one statement for every row, as one batch; nothing for no rows. */
    static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (rows.size() == 1) {
                bind(s, rows.get(0));
                s.executeUpdate();
                return;
            }
            for (Object[] row : rows) {
                bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Writes the events and timers of a command to the outbox in one statement; nothing for none. */
    void outbox(Connection c, List<DomainEvent> events, Timer... timers) throws SQLException {
        List<Object[]> rows = new ArrayList<>(events.size() + timers.length);
        for (DomainEvent e : events) {
            rows.add(outboxRow(e, "PENDING", null));
        }
        for (Timer t : timers) {
            rows.add(outboxRow(t.event(), "SCHEDULED", t.key()));
        }
        batch(c, INSERT_OUTBOX, rows);
    }

    /** Moves the pending timer {@code key} to {@code event}: one update. */
    void reschedule(Connection c, String key, DomainEvent event) throws SQLException {
        Audience a = event.audience();
        RawKeyAccountMix.requireOneRow(update(c, RESCHEDULE_TIMER, event.eventId().value(), event.type(),
                event.occurredAt(), a.role(), a.organisationUnit(), a.accountId(), a.stationId(), a.subject(),
                json.writeEvent(event), event.occurredAt(), key), key);
    }

    private Object[] outboxRow(DomainEvent e, String status, String timerKey) {
        Audience a = e.audience();
        return new Object[] {e.eventId().value(), e.aggregateId(), e.type(), e.occurredAt(), a.role(), a.organisationUnit(),
                a.accountId(), a.stationId(), a.subject(), json.writeEvent(e), status, timerKey, timerKey,
                timerKey == null ? null : e.occurredAt()};
    }

    /** Binds the values to the placeholders 1..n: ids by value, enums by name, instants in UTC. */
    static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(s, i + 1, params[i]);
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        Object v = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (v == null) {
            s.setNull(index, Types.NULL);
        } else if (v instanceof String text) {
            s.setString(index, text);
        } else if (v instanceof Instant at) {
            s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean || v instanceof UUID
                || v instanceof LocalDate) {
            s.setObject(index, v);
        } else if (v instanceof BigDecimal decimal) {
            s.setBigDecimal(index, decimal);
        } else if (v instanceof YearMonth month) {
            s.setString(index, month.toString());
        } else if (v instanceof Enum<?> constant) {
            s.setString(index, constant.name());
        } else if (v instanceof Identifier id) {
            s.setString(index, id.value());
        } else if (v instanceof java.util.Currency currency) {
            s.setString(index, currency.getCurrencyCode());
        } else {
            throw new IllegalArgumentException("cannot bind a " + v.getClass().getName() + " to parameter " + index);
        }
    }
}
