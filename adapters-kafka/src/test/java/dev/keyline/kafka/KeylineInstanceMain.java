package dev.keyline.kafka;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.runtime.account.KeyAccounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One Keyline instance of {@code MultiInstanceTest}, in a JVM of its own: a runtime on the shared
 * PostgreSQL with a Kafka sink and its own relay pumping in the background, running key-account
 * commands (register, assign a manager, activate, in one transaction), every fourth of which is
 * rolled back on purpose. After each command it appends {@code COMMITTED <id>} or
 * {@code ROLLED_BACK <id>} to its journal, and {@code DONE} after the last; then it keeps relaying
 * until its standard input closes.
 */
final class KeylineInstanceMain {

    private KeylineInstanceMain() {
    }

    /** Thrown inside a command to roll it back. */
    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs one instance.
     *
     * @param args JDBC URL, bootstrap servers, instance name, number of commands, journal path
     */
    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String bootstrap = args[1];
        String instance = args[2];
        int commands = Integer.parseInt(args[3]);
        Path journal = Path.of(args[4]);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        ScheduledExecutorService relayThread = Executors.newSingleThreadScheduledExecutor();
        try (HikariDataSource dataSource = new HikariDataSource(config);
             KafkaSink sink = KafkaSink.builder().bootstrapServers(bootstrap).topics(TopicMapping.perArea("mi.")).build();
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(journal, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            JdbcStorage storage = JdbcStorage.builder(dataSource).build();
            Keyline keyline = Keyline.builder().storage(storage).sink(sink).areaReactions(false)
                    .retryPolicy(RetryPolicy.defaults().withLease(Duration.ofSeconds(5))
                            .withInitialBackoff(Duration.ofMillis(100)).withMaxBackoff(Duration.ofSeconds(1))
                            .withBatchSize(50))
                    .build();
            keyline.relay().start(relayThread, Duration.ofMillis(20));
            KeyAccounts accounts = KeyAccounts.on(keyline);
            Actor general = Actor.withRoles(new UserId("gm-" + instance), Role.GENERAL_MANAGER);
            for (int i = 0; i < commands; i++) {
                AccountId id = new AccountId("KA-" + instance + "-" + i);
                boolean rollBack = i % 4 == 3;
                try {
                    keyline.run(ctx -> {
                        accounts.register(general, id, "Customer " + id.value(), new LocalNetworkId("KM"), Industry.FINANCE);
                        accounts.assignManager(general, id, new UserId("am-" + instance));
                        accounts.activate(general, id);
                        if (rollBack) {
                            throw new RollBack();
                        }
                    });
                    out.println("COMMITTED " + id.value());
                } catch (RollBack e) {
                    out.println("ROLLED_BACK " + id.value());
                }
            }
            out.println("DONE");
            while (System.in.read() >= 0) {
                // relay until the test closes this instance's standard input
            }
            keyline.relay().stop();
        } catch (IOException e) {
            throw new IllegalStateException("instance " + instance + " failed", e);
        } finally {
            relayThread.shutdownNow();
        }
    }
}
