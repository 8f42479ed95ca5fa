package dev.keyline.jdbc.migration;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 6 of the core's schema: on PostgreSQL, drops {@code keyline_outbox_aggregate_ix}, the
 * index of the entries not done by aggregate. The claim on PostgreSQL no longer asks, per candidate,
 * whether an earlier entry of its aggregate is open: it walks the claimable entries in sequence
 * order, so an aggregate's earlier entries come first (see {@code JdbcOutbox.CLAIMABLE_PAGE}), and
 * nothing else reads the index there, while every appended entry wrote an entry into it. On H2 the
 * claim still groups the open entries by aggregate, and the index stays.
 *
 * <p>A Java migration because the DDL differs by database, like
 * {@link V3__outbox_claim_indexes}; Flyway finds it in the core's location beside the SQL
 * migrations, so a host that runs Keyline's migrations with its own Flyway gets it too.
 */
public class V6__outbox_aggregate_index_on_h2_only extends BaseJavaMigration {

    /** The statement run on PostgreSQL. */
    static final String POSTGRESQL = "DROP INDEX keyline_outbox_aggregate_ix";

    /** Flyway creates the migration. */
    public V6__outbox_aggregate_index_on_h2_only() {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        PostgresqlStatements.run(context, List.of(POSTGRESQL));
    }
}
