package dev.keyline.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The JDBC transactions on H2. */
class JdbcTransactionsH2Test extends JdbcTransactionsContract {

    @Override
    HikariDataSource dataSource() {
        return pooled(H2Database.dataSource());
    }
}
