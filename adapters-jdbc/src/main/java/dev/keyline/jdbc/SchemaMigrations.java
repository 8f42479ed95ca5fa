package dev.keyline.jdbc;

import dev.keyline.domain.common.Require;
import dev.keyline.spi.StorageException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The provider's schema, brought up to date with Flyway's Java API.
 *
 * <p>Migrations are read from {@value JdbcStorage#MIGRATION_LOCATION} (plus any extra locations)
 * and recorded in the table {@value JdbcStorage#SCHEMA_HISTORY_TABLE}, in the connection's
 * default schema, spelled as the database folds unquoted names (Flyway quotes the name, so this
 * way the unquoted {@code keyline_schema_history} refers to it on H2 and PostgreSQL alike). A database that already holds the host's own tables but no Keyline history is
 * baselined at version 0, so that Keyline's V1 still runs there.
 */
final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /**
     * Applies every pending migration.
     *
     * @param dataSource the host's data source
     * @param dialect the database's dialect, which decides the case of the history table's name
     * @param extraLocations further Flyway locations, for example {@code classpath:com/example/keyline}
     * @return how many migrations were applied
     */
    static int migrate(DataSource dataSource, SqlDialect dialect, List<String> extraLocations) {
        Require.nonNull(dataSource, "dataSource");
        Require.nonNull(dialect, "dialect");
        List<String> locations = new ArrayList<>();
        locations.add(JdbcStorage.MIGRATION_LOCATION);
        locations.addAll(extraLocations);
        try {
            MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .table(dialect.catalogueName(JdbcStorage.SCHEMA_HISTORY_TABLE))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StorageException("migrating the Keyline schema failed: " + e.getMessage(), sqlState(e), e);
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return SqlFailures.sqlState(s);
            }
        }
        return null;
    }
}
