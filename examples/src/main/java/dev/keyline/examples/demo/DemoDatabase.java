package dev.keyline.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database the demo's story runs on: a fresh embedded H2 database in the file
 * {@code DIR/}{@value #H2_FILE}{@code .mv.db} (the default), which can be opened afterwards with
 * any H2 client at {@code jdbc:h2:file:DIR/}{@value #H2_FILE} as user {@code sa} with an empty
 * password; a fresh private in-memory H2 database; or a PostgreSQL server the user names with
 * {@code --postgres}. On PostgreSQL every run creates a
 * schema of its own, {@code keyline_demo_<UTC time>_<random>}, and runs the story there, so it
 * starts empty, never touches the server's other tables and can be looked at afterwards.
 */
public final class DemoDatabase {

    /** How long the demo waits for a PostgreSQL server to answer before giving up. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;

    private static final DateTimeFormatter SCHEMA_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The name of the demo's H2 database file inside the output directory, without {@code .mv.db}. */
    public static final String H2_FILE = "keyline-demo";

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Optional<String> schema;
    private final Optional<Path> h2File;

    private DemoDatabase(String url, Optional<String> user, Optional<String> password, Optional<String> schema,
            Optional<Path> h2File) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.h2File = h2File;
    }

    /**
     * A fresh embedded H2 database in {@code dir}: {@link #open()} deletes the database a previous
     * run left there, so every run starts empty.
     *
     * @param dir the demo's output directory
     * @return the database
     */
    public static DemoDatabase h2File(Path dir) {
        Require.nonNull(dir, "dir");
        Path base = dir.toAbsolutePath().resolve(H2_FILE);
        return new DemoDatabase("jdbc:h2:file:" + base, Optional.of("sa"), Optional.of(""), Optional.empty(),
                Optional.of(base));
    }

    /**
     * A fresh private in-memory H2 database, dropped when the demo's pool closes.
     *
     * @return the database
     */
    public static DemoDatabase inMemoryH2() {
        return new DemoDatabase("jdbc:h2:mem:keyline-demo-" + UUID.randomUUID(), Optional.of("sa"), Optional.of(""),
                Optional.empty(), Optional.empty());
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
        return new DemoDatabase(url, user, password, Optional.of(schema), Optional.empty());
    }

    /** Whether the story runs on PostgreSQL. */
    public boolean isPostgres() {
        return schema.isPresent();
    }

    /** The schema the story runs in on PostgreSQL; empty on H2. */
    public Optional<String> schema() {
        return schema;
    }

    /** The JDBC URL the demo connects to. */
    public String url() {
        return url;
    }

    /**
     * The database in a few words, the same for every run of the same kind:
     * {@code a fresh H2 database in the file keyline-demo.mv.db beside this report},
     * {@code a fresh in-memory H2 database} or {@code the new schema keyline_demo_… on PostgreSQL}.
     *
     * @return the description
     */
    public String description() {
        if (schema.isPresent()) {
            return "the new schema " + schema.get() + " on PostgreSQL";
        }
        return h2File.map(f -> "a fresh H2 database in the file " + f.getFileName() + ".mv.db beside this report")
                .orElse("a fresh in-memory H2 database");
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
     * @throws UncheckedIOException when a previous run's H2 database file cannot be deleted
     */
    public HikariDataSource open() {
        if (h2File.isPresent()) {
            for (String suffix : List.of(".mv.db", ".trace.db")) {
                Path file = h2File.get().resolveSibling(h2File.get().getFileName() + suffix);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the previous run's database " + file, e);
                }
            }
        }
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
