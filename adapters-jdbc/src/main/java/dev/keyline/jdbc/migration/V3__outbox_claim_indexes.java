package dev.keyline.jdbc.migration;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 3 of the core's schema: on PostgreSQL, the outbox's indexes that leave the delivered
 * history and the absent timer columns out, so that a claim costs the same however many delivered
 * entries wait to be purged, and an entry marked done writes fewer index entries. On H2, which has
 * no partial indexes, it changes nothing (and is recorded all the same).
 *
 * <p>A Java migration because the DDL differs by database; Flyway finds it in the core's location
 * ({@link dev.keyline.jdbc.JdbcStorage#MIGRATION_LOCATION}) beside the SQL migrations, so a host
 * that runs Keyline's migrations with its own Flyway gets it too. On PostgreSQL (and on any database
 * that does not report itself as H2: the provider supports H2 and the PostgreSQL-compatible ones):
 * <ul>
 *   <li>{@code keyline_outbox_open_ix}: the open entries ({@code PENDING}, {@code IN_FLIGHT},
 *       {@code FAILED}) in sequence order. The claim walks it and stops when it has found enough
 *       due entries, instead of walking the table's primary key through the delivered history, or
 *       reading every open entry and sorting them.</li>
 *   <li>{@code keyline_outbox_aggregate_ix} again, with only the entries not done: the claim asks
 *       per candidate whether an earlier entry of its aggregate is still open, and that question no
 *       longer walks the aggregate's delivered entries.</li>
 *   <li>{@code keyline_outbox_pending_timer_uk} (a unique index now, no longer a constraint, with
 *       the same name and the same uniqueness) and {@code keyline_outbox_timer_due_ix} hold only the
 *       rows whose key or due time is set, that is the pending timers, and no longer an entry per
 *       event.</li>
 * </ul>
 * The claim's results do not depend on these indexes, only its cost does.
 */
public class V3__outbox_claim_indexes extends BaseJavaMigration {

    /** The statements run on PostgreSQL, in order. */
    static final List<String> POSTGRESQL = List.of(
            "CREATE INDEX keyline_outbox_open_ix ON keyline_outbox (sequence_number) "
                    + "WHERE status IN ('PENDING', 'IN_FLIGHT', 'FAILED')",
            "DROP INDEX keyline_outbox_aggregate_ix",
            "CREATE INDEX keyline_outbox_aggregate_ix ON keyline_outbox (aggregate_id, sequence_number) "
                    + "WHERE status NOT IN ('DELIVERED', 'DEAD_LETTER')",
            "ALTER TABLE keyline_outbox DROP CONSTRAINT keyline_outbox_pending_timer_uk",
            "CREATE UNIQUE INDEX keyline_outbox_pending_timer_uk ON keyline_outbox (pending_timer_key) "
                    + "WHERE pending_timer_key IS NOT NULL",
            "DROP INDEX keyline_outbox_timer_due_ix",
            "CREATE INDEX keyline_outbox_timer_due_ix ON keyline_outbox (timer_due_at) WHERE timer_due_at IS NOT NULL");

    /** Flyway creates the migration. */
    public V3__outbox_claim_indexes() {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        PostgresqlStatements.run(context, POSTGRESQL);
    }
}
