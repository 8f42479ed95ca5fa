package dev.keyline.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * One in-memory H2 database per test JVM behind a HikariCP pool, closed by a shutdown hook. Tests
 * reset the Keyline tables before each test (see {@link TestDatabases#reset}).
 */
final class H2Database {

    private static HikariDataSource dataSource;

    private H2Database() {
    }

    /** The pooled data source on the shared in-memory database. */
    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:mem:keyline_test;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
            config.setMaximumPoolSize(6);
            config.setPoolName("keyline-h2-test");
            HikariDataSource pool = new HikariDataSource(config);
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "keyline-h2-test-shutdown"));
            dataSource = pool;
        }
        return dataSource;
    }

    /** A data source on a fresh, empty in-memory database of its own (unpooled). */
    static DataSource fresh(String name) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }
}
