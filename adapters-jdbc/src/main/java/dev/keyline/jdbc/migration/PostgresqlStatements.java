package dev.keyline.jdbc.migration;

import dev.keyline.domain.common.Require;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;

/**
 * The body of the core's Java migrations whose DDL is PostgreSQL's only: they run their statements
 * on PostgreSQL (and on any database that does not report itself as H2: the provider supports H2
 * and the PostgreSQL-compatible ones) and change nothing on H2, where Flyway records them all the
 * same.
 */
final class PostgresqlStatements {

    private PostgresqlStatements() {
    }

    /**
     * Runs the statements in order on the migration's connection, unless the database is H2.
     *
     * @param context the migration's context
     * @param statements the DDL, in order
     * @throws SQLException when a statement fails
     */
    static void run(Context context, List<String> statements) throws SQLException {
        Connection connection = Require.nonNull(context, "context").getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        if (product != null && product.trim().toUpperCase(Locale.ROOT).equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
