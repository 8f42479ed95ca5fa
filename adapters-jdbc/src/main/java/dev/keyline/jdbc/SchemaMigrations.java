package dev.keyline.jdbc;

import dev.keyline.domain.common.Require;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.StorageException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The provider's schema, brought up to date with Flyway's Java API.
 *
 * <p>Migrations are read from the core's location {@value JdbcStorage#MIGRATION_LOCATION}
 * (versions 1–99), from the location of every installed {@link JdbcArea} (each within its
 * {@link MigrationBlock}), and recorded in the one table {@value JdbcStorage#SCHEMA_HISTORY_TABLE}, in the connection's
 * default schema, spelled as the database folds unquoted names (Flyway quotes the name, so this
 * way the unquoted {@code keyline_schema_history} refers to it on H2 and PostgreSQL alike). A database that already holds the host's own tables but no Keyline history is
 * baselined at version 0, so that Keyline's V1 still runs there. Migrations run out of order where
 * needed, so an area added later with a lower block than one already applied still migrates.
 *
 * <p>Before migrating, the blocks are checked: two areas (or an area and the core) whose blocks
 * overlap, or a migration whose version lies outside its area's block, is a
 * {@link ConfigurationException} naming the area, the migration and the block.
 */
final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /**
     * Applies every pending migration.
     *
     * @param dataSource the host's data source
     * @param dialect the database's dialect, which decides the case of the history table's name
     * @param areas the installed areas, whose migrations run too
     * @return how many migrations were applied
     * @throws ConfigurationException when blocks overlap or a migration lies outside its area's block
     */
    static int migrate(DataSource dataSource, SqlDialect dialect, List<JdbcArea> areas) {
        Require.nonNull(dataSource, "dataSource");
        Require.nonNull(dialect, "dialect");
        Require.nonNullElements(areas, "areas");
        checkBlocksApart(areas);
        List<String> locations = new ArrayList<>();
        locations.add(JdbcStorage.MIGRATION_LOCATION);
        try {
            checkVersions(dataSource, dialect, "core", JdbcStorage.MIGRATION_LOCATION, MigrationBlock.CORE);
            for (JdbcArea area : areas) {
                checkVersions(dataSource, dialect, area.name(), area.migrationLocation(), area.versions());
                locations.add(area.migrationLocation());
            }
            MigrateResult result = configure(dataSource, dialect, locations)
                    .outOfOrder(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StorageException("migrating the Keyline schema failed: " + e.getMessage(), sqlState(e), e);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource,
            SqlDialect dialect, List<String> locations) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .table(dialect.catalogueName(JdbcStorage.SCHEMA_HISTORY_TABLE))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true);
    }

    /** No two areas, nor an area and the core, share a version. */
    static void checkBlocksApart(List<JdbcArea> areas) {
        List<String> names = new ArrayList<>();
        List<MigrationBlock> blocks = new ArrayList<>();
        names.add("core");
        blocks.add(MigrationBlock.CORE);
        for (JdbcArea area : areas) {
            MigrationBlock block = Require.nonNull(area.versions(), "versions of the area '" + area.name() + "'");
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).overlaps(block)) {
                    throw new ConfigurationException("the migration block " + block + " of the area '" + area.name()
                            + "' overlaps the block " + blocks.get(i) + " of " + describe(names.get(i))
                            + "; give each area a block of its own (a host's areas use "
                            + MigrationBlock.FIRST_HOST_VERSION + " and above)");
                }
            }
            names.add(area.name());
            blocks.add(block);
        }
    }

    private static String describe(String name) {
        return name.equals("core") ? "the core" : "the area '" + name + "'";
    }

    /** Every migration found in {@code location} lies in {@code block}. */
    private static void checkVersions(DataSource dataSource, SqlDialect dialect, String name, String location,
            MigrationBlock block) {
        for (MigrationInfo info : configure(dataSource, dialect, List.of(location)).load().info().all()) {
            MigrationVersion version = info.getVersion();
            if (!info.getState().isResolved() || version == null || info.getPhysicalLocation() == null
                    || info.getPhysicalLocation().isEmpty()) {
                continue;
            }
            if (!inBlock(version, block)) {
                throw new ConfigurationException("the migration " + info.getScript() + " (version " + version
                        + ") of " + describe(name) + " lies outside its block " + block + "; number it within the block");
            }
        }
    }

    private static boolean inBlock(MigrationVersion version, MigrationBlock block) {
        // a version such as 150.1 lies in the block when its major number does
        java.math.BigInteger major = version.getMajor();
        return major.compareTo(java.math.BigInteger.valueOf(block.first())) >= 0
                && major.compareTo(java.math.BigInteger.valueOf(block.last())) <= 0;
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
