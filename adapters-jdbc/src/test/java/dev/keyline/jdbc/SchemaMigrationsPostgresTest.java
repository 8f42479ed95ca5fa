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
    void the_outbox_claim_indexes_are_partial_on_postgresql_and_there_is_no_aggregate_index() {
        JdbcStorage storage = TestDatabases.emptyStorage(postgres);
        OneStatementTransactions sql = new OneStatementTransactions(storage);

        assertThat(sql.query("SELECT version FROM keyline_schema_history WHERE success AND type = 'JDBC'",
                row -> row.string("version"))).containsExactly("3", "6");
        java.util.Map<String, String> indexes = new java.util.HashMap<>();
        sql.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'keyline_outbox'",
                row -> java.util.Map.entry(row.string("indexname"), row.string("indexdef")))
                .forEach(e -> indexes.put(e.getKey(), e.getValue()));
        assertThat(indexes.get("keyline_outbox_open_ix")).as("%s", indexes)
                .contains("(sequence_number)", "WHERE", "'PENDING'", "'IN_FLIGHT'", "'FAILED'");
        assertThat(indexes).as("the claim walks the open entries in order, and no aggregate index is written "
                + "for every entry").doesNotContainKey("keyline_outbox_aggregate_ix");
        assertThat(indexes.get("keyline_outbox_pending_timer_uk")).as("%s", indexes)
                .contains("UNIQUE", "(pending_timer_key) WHERE (pending_timer_key IS NOT NULL)");
        assertThat(indexes.get("keyline_outbox_timer_due_ix")).as("%s", indexes)
                .contains("(timer_due_at) WHERE (timer_due_at IS NOT NULL)");
    }

    @Test
    void the_delivery_rows_have_no_foreign_key_to_their_entry_and_the_receipts_keep_theirs() {
        JdbcStorage storage = TestDatabases.emptyStorage(postgres);
        OneStatementTransactions sql = new OneStatementTransactions(storage);

        assertThat(sql.query("SELECT version FROM keyline_schema_history WHERE success AND type = 'SQL' AND version = '4'",
                row -> row.string("version"))).containsExactly("4");
        String foreignKeys = "SELECT constraint_name FROM information_schema.table_constraints "
                + "WHERE table_name = ? AND constraint_type = 'FOREIGN KEY'";
        assertThat(sql.query(foreignKeys, row -> row.string("constraint_name"), "keyline_outbox_delivery")).isEmpty();
        assertThat(sql.query(foreignKeys, row -> row.string("constraint_name"), "keyline_reaction_receipt"))
                .containsExactly("keyline_reaction_receipt_entry_fk");
    }

    @Test
    void a_postgresql_server_is_detected_as_postgresql() {
        JdbcStorage storage = JdbcStorage.builder(postgres).build();

        assertThat(storage.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(storage.name()).isEqualTo("jdbc:postgresql");
    }
}
