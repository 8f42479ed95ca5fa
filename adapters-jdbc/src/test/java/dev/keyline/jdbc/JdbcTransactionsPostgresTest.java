package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.spi.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The JDBC transactions on a real PostgreSQL server, including failures only a server produces
 * on demand: a commit rejected by a deferred constraint, a connection lost before rollback.
 */
class JdbcTransactionsPostgresTest extends JdbcTransactionsContract {

    @Override
    HikariDataSource dataSource() {
        return pooled(PostgresServer.dataSource());
    }

    @Test
    void a_failed_commit_is_reported_with_its_sql_state_and_nothing_is_written() {
        session.update("DROP TABLE IF EXISTS keyline_tx_deferred");
        session.update("CREATE TABLE keyline_tx_deferred (code VARCHAR(8) NOT NULL, "
                + "CONSTRAINT keyline_tx_deferred_uk UNIQUE (code) DEFERRABLE INITIALLY DEFERRED)");
        try {
            Throwable thrown = catchThrowable(() -> transactions.run(() -> {
                insert("a");
                session.update("INSERT INTO keyline_tx_deferred (code) VALUES ('x')");
                session.update("INSERT INTO keyline_tx_deferred (code) VALUES ('x')");
            }));

            assertThat(thrown).isInstanceOfSatisfying(StorageException.class, e -> {
                assertThat(e.sqlState()).isEqualTo("23505");
                assertThat(e.getMessage()).contains("committing the transaction failed");
            });
            assertThat(rows()).isZero();
            assertThat(dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            session.update("DROP TABLE IF EXISTS keyline_tx_deferred");
        }
    }

    @Test
    void a_rollback_that_fails_is_added_to_the_original_exception_as_suppressed() {
        IllegalStateException failure = new IllegalStateException("the work failed after its connection was lost");

        Throwable thrown = catchThrowable(() -> transactions.run(() -> {
            insert("a");
            long pid = session.queryOne("SELECT pg_backend_pid() AS pid", row -> row.longValue("pid")).orElseThrow();
            terminateFromAnotherConnection(pid);
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(failure.getSuppressed()).isNotEmpty();
        assertThat(failure.getSuppressed()[0]).isInstanceOf(StorageException.class)
                .hasMessageContaining("rolling back the transaction failed");
        assertThat(rows()).isZero();
        assertThat(dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    private void terminateFromAnotherConnection(long pid) {
        try (Connection other = dataSource().getConnection(); Statement s = other.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
