package dev.keyline.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database the demo's story runs on: a fresh private in-memory H2 database (the default), or
 * a PostgreSQL server the user names with {@code --postgres}. On PostgreSQL every run creates a
 * schema of its own, {@code keyline_demo_<UTC time>_<random>}, and runs the story there, so it
 * starts empty, never touches the server's other tables and can be looked at afterwards.
 */
public final class DemoDatabase {

    /** How long the demo waits for a PostgreSQL server to answer before giving up. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;

    private static final DateTimeFormatter SCHEMA_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Optional<String> schema;

    private DemoDatabase(String url, Optional<String> user, Optional<String> password, Optional<String> schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /**
     * A fresh private in-memory H2 database, dropped when the demo's pool closes.
     *
     * @return the database
     */
    public static DemoDatabase inMemoryH2() {
        return new DemoDatabase("jdbc:h2:mem:keyline-demo-" + UUID.randomUUID(), Optional.of("sa"), Optional.of(""),
                Optional.empty());
    }

    /**
     * A new schema on a PostgreSQL server. Nothing is contacted yet; {@link #requireReachable()}
     * checks the server, {@link #open()} creates the schema.
     *
     * @param url the server's JDBC URL, {@code jdbc:postgresql://host:port/database}, which may carry
     *     {@code user} and {@code password} parameters
     * @param user the user, unless the URL or the driver's defaults name it
     * @param password the password, unless the URL names it
     * @return the database
     * @throws InvalidArgumentException naming {@code --postgres} when the URL is not a PostgreSQL JDBC URL
     */
    public static DemoDatabase postgres(String url, Optional<String> user, Optional<String> password) {
        Require.nonNull(url, "url");
        Require.nonNull(user, "user");
        Require.nonNull(password, "password");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new InvalidArgumentException("--postgres", "must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/keyline, but was '" + url + "'");
        }
        String schema = "keyline_demo_" + SCHEMA_TIME.format(Instant.now()) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        return new DemoDatabase(url, user, password, Optional.of(schema));
    }

    /** Whether the story runs on PostgreSQL. */
    public boolean isPostgres() {
        return schema.isPresent();
    }

    /** The schema the story runs in on PostgreSQL; empty on H2. */
    public Optional<String> schema() {
        return schema;
    }

    /**
     * The database in a few words: {@code a fresh in-memory H2 database} or
     * {@code the new schema keyline_demo_… on PostgreSQL}.
     *
     * @return the description
     */
    public String description() {
        return schema.map(s -> "the new schema " + s + " on PostgreSQL").orElse("a fresh in-memory H2 database");
    }

    /**
     * Connects once to check that the server answers and lets the user in.
     *
     * @throws InvalidArgumentException naming {@code --postgres} with the driver's reason when it
     *     cannot connect
     */
    public void requireReachable() {
        if (!isPostgres()) {
            return;
        }
        try (Connection ignored = connect()) {
            // reached
        } catch (SQLException e) {
            throw new InvalidArgumentException("--postgres", "cannot connect to " + url + ": " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")"));
        }
    }

    /**
     * Opens a connection pool on the database; on PostgreSQL it first creates the run's schema,
     * and the pool's connections work in it.
     *
     * @return the pool, which the caller closes
     * @throws InvalidArgumentException naming {@code --postgres} when the server cannot be reached
     *     or the schema cannot be created
     */
    public HikariDataSource open() {
        if (schema.isPresent()) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema.get());
            } catch (SQLException e) {
                throw new InvalidArgumentException("--postgres", "cannot create the schema " + schema.get() + " on "
                        + url + ": " + e.getMessage());
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        schema.ifPresent(config::setSchema);
        config.setPoolName("keyline-demo");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        return DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
    }

    @Override
    public String toString() {
        return description();
    }
}
