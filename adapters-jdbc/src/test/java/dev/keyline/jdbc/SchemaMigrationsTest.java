package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.ReasonCode;
import dev.keyline.spi.Areas;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Migrations on fresh H2 databases: idempotent, safe next to a host's tables, failures reported. */
class SchemaMigrationsTest {

    private static final List<JdbcArea> KEYLINE_AREAS = Areas.discover(JdbcArea.class, JdbcArea::name);

    private final DataSource fresh = H2Database.fresh("migrations_" + UUID.randomUUID().toString().replace("-", ""));

    @Test
    void migrating_twice_applies_the_migrations_once() {
        int first = SchemaMigrations.migrate(fresh, SqlDialect.H2, KEYLINE_AREAS);
        int second = SchemaMigrations.migrate(fresh, SqlDialect.H2, KEYLINE_AREAS);

        assertThat(first).isPositive();
        assertThat(second).isZero();
        assertThat(tables()).contains("KEYLINE_OUTBOX", "KEYLINE_SCHEMA_HISTORY");
        assertThat(successfulVersions()).contains("1");
    }

    @Test
    void the_outbox_claim_indexes_migrations_are_recorded_on_h2_and_change_nothing_there() {
        SchemaMigrations.migrate(fresh, SqlDialect.H2, KEYLINE_AREAS);

        assertThat(query("SELECT \"type\" FROM keyline_schema_history WHERE \"version\" IN ('3', '6') AND \"success\" = TRUE"))
                .containsExactly("JDBC", "JDBC");
        assertThat(query("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'KEYLINE_OUTBOX'"))
                .contains("KEYLINE_OUTBOX_AGGREGATE_IX", "KEYLINE_OUTBOX_TIMER_DUE_IX")
                .doesNotContain("KEYLINE_OUTBOX_OPEN_IX");
    }

    @Test
    void the_delivery_rows_have_no_foreign_key_to_their_entry_and_the_receipts_keep_theirs() {
        SchemaMigrations.migrate(fresh, SqlDialect.H2, KEYLINE_AREAS);

        assertThat(query("SELECT \"type\" FROM keyline_schema_history WHERE \"version\" = '4' AND \"success\" = TRUE"))
                .containsExactly("SQL");
        assertThat(query("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                + "WHERE TABLE_NAME = 'KEYLINE_OUTBOX_DELIVERY' AND CONSTRAINT_TYPE = 'FOREIGN KEY'")).isEmpty();
        assertThat(query("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                + "WHERE TABLE_NAME = 'KEYLINE_REACTION_RECEIPT' AND CONSTRAINT_TYPE = 'FOREIGN KEY'"))
                .containsExactly("KEYLINE_REACTION_RECEIPT_ENTRY_FK");
    }

    @Test
    void a_hosts_own_flyway_given_the_core_location_finds_the_java_migration_too() {
        org.flywaydb.core.Flyway.configure().dataSource(fresh).locations(JdbcStorage.MIGRATION_LOCATION)
                .table(SqlDialect.H2.catalogueName(JdbcStorage.SCHEMA_HISTORY_TABLE)).load().migrate();

        assertThat(successfulVersions()).contains("1", "2", "3", "4", "5", "6");
    }

    @Test
    void the_builder_migrates_only_when_asked() {
        JdbcStorage.builder(fresh).build();
        assertThat(tables()).doesNotContain("KEYLINE_OUTBOX");

        JdbcStorage.builder(fresh).migrate(true).build();
        assertThat(tables()).contains("KEYLINE_OUTBOX");
    }

    @Test
    void a_database_holding_the_hosts_own_tables_gets_every_keyline_migration() {
        execute("CREATE TABLE host_customer (id INTEGER PRIMARY KEY)");

        SchemaMigrations.migrate(fresh, SqlDialect.H2, KEYLINE_AREAS);

        assertThat(tables()).contains("HOST_CUSTOMER", "KEYLINE_OUTBOX");
        assertThat(successfulVersions()).contains("0", "1");
    }

    @Test
    void a_failing_migration_is_a_storage_exception_with_the_sql_state() {
        JdbcArea broken = new BlockTestArea("broken", "classpath:dev/keyline/jdbc/brokenmigration",
                new MigrationBlock(10_900, 10_999));

        assertThatThrownBy(() -> JdbcStorage.builder(fresh).migrate(true).area(broken).build())
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.getMessage()).contains("migrating the Keyline schema failed").contains("V10900");
                    assertThat(e.sqlState()).isEqualTo("42S02");
                });
    }

    @Test
    void an_areas_missing_migration_location_is_reported() {
        JdbcArea homeless = new BlockTestArea("homeless", "classpath:dev/keyline/jdbc/no_such_folder",
                MigrationBlock.hundredFrom(MigrationBlock.FIRST_HOST_VERSION));

        assertThatThrownBy(() -> JdbcStorage.builder(fresh).migrate(true).area(homeless).build())
                .isInstanceOf(StorageException.class).hasMessageContaining("no_such_folder");
    }

    @Test
    void keylines_areas_migrate_in_their_blocks_into_one_history() {
        SchemaMigrations.migrate(fresh, SqlDialect.H2, KEYLINE_AREAS);

        assertThat(successfulVersions()).contains("1", "100", "200");
        assertThat(tables()).contains("KEYLINE_KEY_ACCOUNT", "KEYLINE_PRICE_AUTHORISATION");
    }

    @Test
    void an_area_whose_block_overlaps_another_is_a_configuration_error_naming_both() {
        JdbcArea overlapping = new BlockTestArea("overlapping", "classpath:dev/keyline/jdbc/outofblock",
                new MigrationBlock(150, 250));

        assertThatThrownBy(() -> JdbcStorage.builder(fresh).area(overlapping).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining("'overlapping'").hasMessageContaining("150-250")
                .hasMessageContaining("'account'").hasMessageContaining("100-199");
        assertThat(tables()).doesNotContain("KEYLINE_OUTBOX");
    }

    @Test
    void an_area_overlapping_the_core_is_a_configuration_error() {
        JdbcArea overlapping = new BlockTestArea("low", "classpath:dev/keyline/jdbc/outofblock",
                new MigrationBlock(50, 60));

        assertThatThrownBy(() -> JdbcStorage.builder(fresh).discover(false).area(overlapping).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("the core").hasMessageContaining("1-99");
    }

    @Test
    void a_migration_outside_its_areas_block_is_a_configuration_error_and_nothing_runs() {
        JdbcArea misplaced = new BlockTestArea("misplaced", "classpath:dev/keyline/jdbc/outofblock",
                MigrationBlock.hundredFrom(MigrationBlock.FIRST_HOST_VERSION));

        assertThatThrownBy(() -> JdbcStorage.builder(fresh).area(misplaced).migrate(true).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining("V150__misplaced.sql").hasMessageContaining("'misplaced'")
                .hasMessageContaining("10000-10099");
        assertThat(tables()).doesNotContain("KEYLINE_OUTBOX", "MISPLACED_NOTE");
    }

    @Test
    void two_different_areas_with_one_name_are_a_configuration_error() {
        JdbcArea impostor = new BlockTestArea("account", "classpath:dev/keyline/jdbc/outofblock",
                MigrationBlock.hundredFrom(MigrationBlock.FIRST_HOST_VERSION));

        assertThatThrownBy(() -> JdbcStorage.builder(fresh).area(impostor).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("two registrations claim the area 'account'");
    }

    @Test
    void a_database_that_cannot_be_reached_is_a_storage_exception_with_the_sql_state() {
        org.h2.jdbcx.JdbcDataSource missing = new org.h2.jdbcx.JdbcDataSource();
        missing.setURL("jdbc:h2:mem:never_created;IFEXISTS=TRUE");

        assertThatThrownBy(() -> JdbcStorage.builder(missing).build())
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.getMessage()).contains("opening a connection to detect the database failed");
                    assertThat(e.sqlState()).isEqualTo("90146");
                });
    }

    private List<String> tables() {
        return query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    private List<String> successfulVersions() {
        return query("SELECT \"version\" FROM keyline_schema_history WHERE \"success\" = TRUE");
    }

    private List<String> query(String sql) {
        try (Connection c = fresh.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = fresh.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
