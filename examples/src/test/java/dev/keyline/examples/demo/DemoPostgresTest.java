package dev.keyline.examples.demo;

import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo --postgres JDBC_URL}: the same story on a real PostgreSQL server, in a schema of its own. */
class DemoPostgresTest {

    private static final Pattern SCHEMA = Pattern.compile("PostgreSQL schema (keyline_demo_\\w+) through HikariCP");

    private static EmbeddedPostgres server;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTheServer() throws IOException, SQLException {
        // a throwaway server: durability buys nothing here
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE keyline_demo");
        }
        url = server.getJdbcUrl("postgres", "keyline_demo").replaceFirst("\\?.*$", "");
    }

    @AfterAll
    static void stopTheServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theStoryRunsInASchemaOfItsOwnAndStaysThere() throws Exception {
        CliRun run = CliRun.of("demo", "--out", dir.resolve("pg").toString(), "--postgres", url, "--db-user", "postgres");

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains("Keyline demo on ", "Report: ");
        Matcher schema = SCHEMA.matcher(run.out());
        assertThat(schema.find()).as(run.out()).isTrue();
        String html = Files.readString(dir.resolve("pg").resolve(Demo.REPORT_FILE));
        assertThat(html).contains("PostgreSQL", schema.group(1), "<h2>Foundation</h2>", "<h2>Key accounts</h2>",
                "<h2>Notifications</h2>");
        try (Connection c = server.getDatabase("postgres", "keyline_demo").getConnection();
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM " + schema.group(1) + ".keyline_spend_fact")).isPositive();
            assertThat(count(s, "SELECT COUNT(*) FROM " + schema.group(1) + ".keyline_outbox")).isPositive();
            // nothing in the database's default schema
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'keyline%' "
                    + "AND table_schema = 'public'")).isZero();
        }
    }

    @Test
    void theCredentialsMayBeInTheUrlAndEachRunHasANewSchema() throws IOException {
        DemoDatabase first = DemoDatabase.postgres(url + "?user=postgres", Optional.empty(), Optional.empty());
        DemoDatabase second = DemoDatabase.postgres(url + "?user=postgres", Optional.empty(), Optional.empty());
        first.requireReachable();

        DemoOutcome one = new Demo(List.of(new FoundationChapter())).run(dir.resolve("one"), Optional.empty(), first);
        DemoOutcome two = new Demo(List.of(new FoundationChapter())).run(dir.resolve("two"), Optional.empty(), second);

        assertThat(first.schema()).isNotEqualTo(second.schema());
        assertThat(one.report().introduction()).contains(first.schema().orElseThrow(), "PostgreSQL");
        assertThat(two.report().introduction()).contains(second.schema().orElseThrow());
    }

    @Test
    void anUnreachableServerIsBadInputNamedBeforeTheStoryStarts() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:" + port + "/keyline";

        CliRun run = CliRun.of("demo", "--out", dir.resolve("none").toString(), "--postgres", nowhere,
                "--db-user", "postgres");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("keyline demo: ").contains("--postgres: cannot connect to " + nowhere);
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void aWrongPasswordOrAnotherDatabaseIsBadInput() {
        CliRun other = CliRun.of("demo", "--out", dir.resolve("x").toString(), "--postgres", "jdbc:h2:mem:x");
        assertThat(other.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(other.err()).contains("--postgres: must be a PostgreSQL JDBC URL");

        CliRun missingDatabase = CliRun.of("demo", "--out", dir.resolve("y").toString(), "--postgres",
                url.replace("keyline_demo", "no_such_database"), "--db-user", "postgres");
        assertThat(missingDatabase.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(missingDatabase.out()).isEmpty();
        assertThat(missingDatabase.err()).contains("--postgres: cannot connect to", "no_such_database");

        CliRun userWithoutServer = CliRun.of("demo", "--out", dir.resolve("z").toString(), "--db-user", "postgres");
        assertThat(userWithoutServer.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(userWithoutServer.err()).contains("--db-user: is only for --postgres");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
