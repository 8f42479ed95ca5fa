package dev.keyline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.OutboxMessage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How fast relays drain a PostgreSQL outbox into Kafka, with one relay and with three, each a
 * runtime of its own (own connection pool, own producer). Not part of the suite: its numbers depend
 * on the machine. Run it with {@code -Dtest=RelayThroughputMeasurement}; it prints events per
 * second for {@code docs/scaling.md}.
 */
class RelayThroughputMeasurement {

    private static final int EVENTS = 6_000;
    private static final int AGGREGATES = 300;

    @Test
    void measure() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             KafkaTestCluster cluster = KafkaTestCluster.start(3, Map.of())) {
            cluster.createTopics(Set.of("measure.account"), 6, (short) 3, Map.of("min.insync.replicas", "2"));
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE keyline");
            }
            String url = postgres.getJdbcUrl("postgres", "keyline");
            for (int relays : new int[] {1, 3, 1, 3}) {
                double rate = drain(url, cluster, relays);
                System.out.printf("%d relay(s): %d events in %.0f events/s%n", relays, EVENTS, rate);
            }
        }
    }

    private static double drain(String url, KafkaTestCluster cluster, int relays) throws Exception {
        List<HikariDataSource> pools = new ArrayList<>();
        List<KafkaSink> sinks = new ArrayList<>();
        List<Keyline> runtimes = new ArrayList<>();
        try {
            for (int i = 0; i < relays; i++) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setUsername("postgres");
                config.setMaximumPoolSize(3);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                JdbcStorage storage = JdbcStorage.builder(pool).migrate(i == 0).build();
                KafkaSink sink = KafkaSink.builder().bootstrapServers(cluster.bootstrapServers())
                        .topics(TopicMapping.perArea("measure.")).build();
                sinks.add(sink);
                runtimes.add(Keyline.builder().storage(storage).sink(sink).areaReactions(false)
                        .retryPolicy(RetryPolicy.defaults().withBatchSize(100)).build());
            }
            Keyline first = runtimes.get(0);
            int[] sequence = new int[AGGREGATES];
            List<OutboxMessage> messages = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                int aggregate = i % AGGREGATES;
                messages.add(OutboxEvents.event("account.noted", "KA-" + aggregate, ++sequence[aggregate]));
            }
            first.transactions().run(() -> first.storage().outbox().append(messages));

            ExecutorService threads = Executors.newFixedThreadPool(relays);
            long started = System.nanoTime();
            AtomicInteger total = new AtomicInteger();
            List<Future<Integer>> done = new ArrayList<>();
            for (Keyline runtime : runtimes) {
                done.add(threads.submit(() -> {
                    int delivered = 0;
                    while (total.get() < EVENTS) {
                        RelayReport report = runtime.relay().pumpOnce();
                        delivered += report.delivered();
                        total.addAndGet(report.delivered());
                        if (report.attempted() == 0) {
                            Thread.sleep(5);
                        }
                    }
                    return delivered;
                }));
            }
            int delivered = 0;
            for (Future<Integer> f : done) {
                int own = f.get();
                System.out.printf("  one relay delivered %d%n", own);
                delivered += own;
            }
            long nanos = System.nanoTime() - started;
            threads.shutdown();
            assertThat(delivered).isEqualTo(EVENTS);
            first.relay().purgeDelivered(first.clock().instant().plus(Duration.ofDays(1)));
            return EVENTS / (nanos / 1e9);
        } finally {
            sinks.forEach(KafkaSink::close);
            pools.forEach(HikariDataSource::close);
        }
    }
}
