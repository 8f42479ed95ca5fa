package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.spi.Areas;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Migrations and dialect detection on a real PostgreSQL server. */
class SchemaMigrationsPostgresTest {

    private static final List<JdbcArea> KEYLINE_AREAS = Areas.discover(JdbcArea.class, JdbcArea::name);

    private final DataSource postgres = PostgresServer.dataSource();

    @Test
    void migrating_an_up_to_date_schema_again_applies_nothing() {
        JdbcStorage storage = TestDatabases.emptyStorage(postgres);

        assertThat(SchemaMigrations.migrate(postgres, SqlDialect.POSTGRESQL, KEYLINE_AREAS)).isZero();
        assertThat(new OneStatementTransactions(storage).query("SELECT version FROM keyline_schema_history WHERE success ORDER BY installed_rank",
                row -> row.string("version"))).contains("1");
    }

    @Test
    void a_postgresql_server_is_detected_as_postgresql() {
        JdbcStorage storage = JdbcStorage.builder(postgres).build();

        assertThat(storage.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(storage.name()).isEqualTo("jdbc:postgresql");
    }
}
