package dev.keyline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.jdbc.JdbcStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Keyline instances, each in a JVM of its own, on one real PostgreSQL, each running
 * key-account commands and its own relay to Kafka; one is killed with SIGKILL half-way through
 * its commands, while its relay has deliveries in flight. Every committed command's events reach
 * Kafka at least once, no event of a rolled-back command ever does, and each account's events
 * arrive in the order they were raised.
 */
class MultiInstanceTest {

    private static final int COMMANDS = 120;
    private static final List<String> ORDER = List.of("account.registered", "account.manager-assigned", "account.activated");
    private static KafkaTestCluster cluster;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startServers() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("max_connections", "40")
                .start();
        cluster = KafkaTestCluster.start(1, Map.of());
        cluster.createTopics(Set.of("mi.account"), 3, (short) 1, Map.of());
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void committedEventsReachKafkaRolledBackOnesNeverAndOrderHoldsThoughAnInstanceIsKilled(@TempDir Path journals)
            throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE keyline");
        }
        String jdbcUrl = postgres.getJdbcUrl("postgres", "keyline");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcStorage.builder(dataSource).migrate(true).build();   // the schema once, before the instances start

            List<Process> instances = new ArrayList<>();
            List<Path> journalFiles = new ArrayList<>();
            Instant started = Instant.now();
            for (String name : List.of("a", "b", "c")) {
                Path journal = journals.resolve(name + ".journal");
                journalFiles.add(journal);
                instances.add(launch(jdbcUrl, name, journal, journals.resolve(name + ".log")));
            }
            try {
                Process victim = instances.get(1);
                awaitLines(journalFiles.get(1), COMMANDS / 2, victim, Duration.ofMinutes(2));
                victim.destroyForcibly();
                assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (int i : new int[] {0, 2}) {
                    awaitLines(journalFiles.get(i), COMMANDS + 1, instances.get(i), Duration.ofMinutes(3));
                }
                awaitAllDelivered(dataSource, Duration.ofMinutes(2));
                System.out.printf("three instances (one killed): %d events committed and published in %d ms%n",
                        countEvents(dataSource), Duration.between(started, Instant.now()).toMillis());
            } finally {
                for (Process p : instances) {
                    p.getOutputStream().close();
                }
                for (Process p : instances) {
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }

            Set<String> committed = new HashSet<>();
            Set<String> rolledBack = new HashSet<>();
            for (Path journal : journalFiles) {
                for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                    if (line.startsWith("COMMITTED ")) {
                        committed.add(line.substring("COMMITTED ".length()));
                    } else if (line.startsWith("ROLLED_BACK ")) {
                        rolledBack.add(line.substring("ROLLED_BACK ".length()));
                    }
                }
            }
            assertThat(rolledBack).isNotEmpty();
            Set<String> outboxIds = eventIds(dataSource);
            assertThat(outboxIds.size()).isGreaterThanOrEqualTo(3 * committed.size());

            List<TopicReader.Read> read = TopicReader.readUntil(cluster, List.of("mi.account"),
                    r -> r.stream().map(TopicReader.Read::eventId).distinct().count() >= outboxIds.size(),
                    Duration.ofSeconds(60));
            Map<String, TopicReader.Read> firstById = new LinkedHashMap<>();
            read.forEach(r -> firstById.putIfAbsent(r.eventId(), r));
            assertThat(firstById.keySet()).as("exactly the committed events, each at least once").isEqualTo(outboxIds);

            Map<String, List<String>> typesByAccount = new HashMap<>();
            read.stream()
                    .sorted(java.util.Comparator.comparing(TopicReader.Read::partition).thenComparing(TopicReader.Read::offset))
                    .filter(r -> firstById.get(r.eventId()) == r)
                    .forEach(r -> typesByAccount.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.type()));
            for (String account : committed) {
                assertThat(typesByAccount.get(account)).as("events of %s", account).isEqualTo(ORDER);
            }
            for (String account : rolledBack) {
                assertThat(typesByAccount).as("a rolled-back command's account").doesNotContainKey(account);
            }
            typesByAccount.values().forEach(types -> assertThat(types).isEqualTo(ORDER));
        }
    }

    private static Process launch(String jdbcUrl, String name, Path journal, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), KeylineInstanceMain.class.getName(),
                jdbcUrl, cluster.bootstrapServers(), name, Integer.toString(COMMANDS), journal.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitLines(Path journal, int lines, Process process, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(journal) || Files.readAllLines(journal, StandardCharsets.UTF_8).size() < lines) {
            assertThat(process.isAlive()).as("instance writing %s is alive", journal.getFileName()).isTrue();
            assertThat(Instant.now()).as("%s reached %d lines in time", journal.getFileName(), lines).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitAllDelivered(HikariDataSource dataSource, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM keyline_outbox WHERE status <> 'DELIVERED'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            assertThat(Instant.now()).as("every outbox entry delivered in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static long countEvents(HikariDataSource dataSource) throws Exception {
        return eventIds(dataSource).size();
    }

    private static Set<String> eventIds(HikariDataSource dataSource) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id FROM keyline_outbox")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
