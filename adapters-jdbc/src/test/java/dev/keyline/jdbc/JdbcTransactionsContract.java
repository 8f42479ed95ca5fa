package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.common.InvalidStateException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC transactions add to the TCK's transaction contract: the connection's settings
 * while bound, rollback-only after a swallowed nested failure, and connections always returned
 * to the host's pool.
 */
abstract class JdbcTransactionsContract {

    JdbcStorage storage;
    JdbcTransactions transactions;
    OneStatementTransactions session;

    /** The pooled database to run on. */
    abstract HikariDataSource dataSource();

    @BeforeEach
    void createFixtureTable() {
        storage = TestDatabases.emptyStorage(dataSource());
        transactions = storage.transactions();
        session = new OneStatementTransactions(storage);
        session.update("DROP TABLE IF EXISTS keyline_tx_fixture");
        session.update("CREATE TABLE keyline_tx_fixture (id VARCHAR(64) NOT NULL PRIMARY KEY)");
    }

    @AfterEach
    void dropFixtureTable() {
        session.update("DROP TABLE IF EXISTS keyline_tx_fixture");
        assertThat(transactions.isActive()).isFalse();
    }

    @Test
    void the_bound_connection_runs_read_committed_without_auto_commit() {
        int[] seen = transactions.execute(() -> {
            Connection c = transactions.currentConnection();
            try {
                return new int[] {c.getTransactionIsolation(), c.getAutoCommit() ? 1 : 0};
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seen).containsExactly(Connection.TRANSACTION_READ_COMMITTED, 0);
    }

    @Test
    void there_is_no_current_connection_outside_a_transaction() {
        assertThatThrownBy(transactions::currentConnection).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("no JDBC transaction");
    }

    @Test
    void nested_calls_share_the_outer_connection() {
        boolean same = transactions.execute(() -> {
            Connection outer = transactions.currentConnection();
            return transactions.execute(() -> transactions.currentConnection() == outer);
        });

        assertThat(same).isTrue();
    }

    @Test
    void a_nested_failure_the_outer_work_swallows_still_rolls_everything_back() {
        IllegalStateException nested = new IllegalStateException("nested work failed");

        Throwable thrown = catchThrowable(() -> transactions.run(() -> {
            insert("outer");
            try {
                transactions.run(() -> {
                    insert("inner");
                    throw nested;
                });
            } catch (IllegalStateException swallowed) {
                // the outer work carries on as if nothing happened
            }
        }));

        assertThat(thrown).isInstanceOf(InvalidStateException.class).hasCause(nested)
                .hasMessageContaining("nested call failed").hasMessageContaining("nested work failed");
        assertThat(rows()).isZero();
    }

    @Test
    void the_work_exception_propagates_as_the_same_instance_and_nothing_is_written() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");

        Throwable thrown = catchThrowable(() -> transactions.run(() -> {
            insert("a");
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void connections_go_back_to_the_pool_after_commit_rollback_and_nesting() {
        transactions.run(() -> insert("a"));
        catchThrowable(() -> transactions.run(() -> {
            insert("b");
            throw new IllegalStateException("roll back");
        }));
        catchThrowable(() -> transactions.run(() -> transactions.run(() -> {
            throw new IllegalStateException("nested");
        })));

        assertThat(dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
        assertThat(rows()).isEqualTo(1);
    }

    void insert(String id) {
        session.update("INSERT INTO keyline_tx_fixture (id) VALUES (?)", id);
    }

    long rows() {
        return session.queryOne("SELECT COUNT(*) AS n FROM keyline_tx_fixture", row -> row.longValue("n")).orElseThrow();
    }

    static HikariDataSource pooled(DataSource dataSource) {
        return (HikariDataSource) dataSource;
    }
}
