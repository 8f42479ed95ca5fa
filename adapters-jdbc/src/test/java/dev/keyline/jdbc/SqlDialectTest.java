package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.spi.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Dialect detection and the dialect differences that do not need a PostgreSQL server. */
class SqlDialectTest {

    @Test
    void an_h2_connection_is_detected_as_h2() throws SQLException {
        try (Connection c = H2Database.dataSource().getConnection()) {
            assertThat(SqlDialect.detect(c)).isEqualTo(SqlDialect.H2);
        }
        assertThat(JdbcStorage.builder(H2Database.dataSource()).build().name()).isEqualTo("jdbc:h2");
    }

    @Test
    void product_names_are_matched_ignoring_case() {
        assertThat(SqlDialect.fromProductName("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromProductName("postgresql")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromProductName("H2")).isEqualTo(SqlDialect.H2);
    }

    @Test
    void an_unsupported_database_is_a_configuration_failure_naming_it() {
        assertThatThrownBy(() -> SqlDialect.fromProductName("MySQL"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining("MySQL");
    }

    @Test
    void a_named_dialect_wins_over_detection() {
        JdbcStorage storage = JdbcStorage.builder(H2Database.dataSource()).dialect(SqlDialect.POSTGRESQL).build();

        assertThat(storage.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(storage.name()).isEqualTo("jdbc:postgresql");
    }

    @Test
    void unique_violations_are_recognised_by_sql_state_also_when_chained() {
        SQLException unique = new SQLException("duplicate key", "23505");
        SQLException batch = new SQLException("batch entry 0 failed", "08000");
        batch.setNextException(unique);

        assertThat(SqlDialect.POSTGRESQL.isUniqueViolation(batch)).isTrue();
        assertThat(SqlDialect.H2.isUniqueViolation(unique)).isTrue();
        assertThat(SqlDialect.H2.isUniqueViolation(new SQLException("not null", "23502"))).isFalse();
    }

    @Test
    void catalogue_names_follow_the_databases_identifier_case() {
        assertThat(SqlDialect.H2.catalogueName("keyline_outbox")).isEqualTo("KEYLINE_OUTBOX");
        assertThat(SqlDialect.POSTGRESQL.catalogueName("KEYLINE_outbox")).isEqualTo("keyline_outbox");
    }

    @Test
    void null_and_blank_arguments_are_rejected_by_name() {
        assertThatThrownBy(() -> SqlDialect.detect(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("connection");
        assertThatThrownBy(() -> SqlDialect.fromProductName(" ")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("productName");
        assertThatThrownBy(() -> JdbcStorage.builder(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("dataSource");
    }
}
