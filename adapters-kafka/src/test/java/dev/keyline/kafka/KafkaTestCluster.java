package dev.keyline.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

/**
 * Real Kafka brokers in KRaft mode for tests, each a child JVM with a small heap started from the
 * test class path, every node both broker and controller, listening on loopback ports. One cluster
 * per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}; closing kills every
 * node and deletes its directory.
 */
final class KafkaTestCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<Node> nodes = new ArrayList<>();
    private final Thread shutdownHook;

    private KafkaTestCluster(Path directory) {
        this.directory = directory;
        this.shutdownHook = new Thread(this::killAll, "kafka-test-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code size} nodes and waits until all of them are in the cluster.
     *
     * @param brokerSettings extra broker settings, for example {@code message.max.bytes}
     */
    static KafkaTestCluster start(int size, Map<String, String> brokerSettings) {
        Path directory;
        try {
            directory = Files.createTempDirectory("keyline-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaTestCluster cluster = new KafkaTestCluster(directory);
        try {
            List<int[]> ports = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ports.add(new int[] {freePort(), freePort()});
            }
            String voters = java.util.stream.IntStream.range(0, size)
                    .mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports.get(i)[1]).collect(Collectors.joining(","));
            for (int i = 0; i < size; i++) {
                cluster.nodes.add(new Node(i + 1, ports.get(i)[0], ports.get(i)[1], directory.resolve("node-" + (i + 1))));
            }
            for (Node node : cluster.nodes) {
                cluster.writeProperties(node, size, voters, brokerSettings);
                node.start(cluster.clusterId);
            }
            cluster.awaitBrokers(size);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The bootstrap servers of every node, {@code 127.0.0.1:port,...}. */
    String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","));
    }

    /** An admin client on the cluster; the caller closes it. */
    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(p);
    }

    /** Creates the topics, each with the given partitions and replication factor, and waits for their leaders. */
    void createTopics(Set<String> names, int partitions, short replication, Map<String, String> config) {
        try (Admin admin = admin()) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, replication).configs(config)).toList())
                    .all().get(60, TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (true) {
                Map<String, TopicDescription> described;
                try {
                    described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // a topic just created may not have reached this broker's metadata yet
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                            || Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                    Thread.sleep(100);
                    continue;
                }
                boolean led = described.values().stream()
                        .allMatch(d -> d.partitions().size() == partitions
                                && d.partitions().stream().allMatch(p -> p.leader() != null && p.isr().size() == replication));
                if (led) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the topics " + names + " got no leaders in time: " + described);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating the topics " + names + " failed", e);
        }
    }

    /** Kills node {@code id} (1-based) with SIGKILL and waits until its JVM is gone. */
    void kill(int id) {
        node(id).kill();
    }

    /** Starts node {@code id} again on its ports and directory, and waits until the cluster has every node. */
    void restart(int id) {
        node(id).start(clusterId);
        awaitBrokers(nodes.size());
    }

    /** Whether node {@code id}'s JVM is running. */
    boolean isRunning(int id) {
        return node(id).process != null && node(id).process.isAlive();
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (or ran) anyway
        }
        deleteQuietly(directory);
    }

    private void killAll() {
        for (Node node : nodes) {
            node.kill();
        }
    }

    private Node node(int id) {
        return nodes.get(id - 1);
    }

    private void awaitBrokers(int expected) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = admin()) {
            while (true) {
                for (Node node : nodes) {
                    if (node.process != null && !node.process.isAlive()) {
                        throw new IllegalStateException("Kafka node " + node.id + " exited with status "
                                + node.process.exitValue() + "; see " + node.log);
                    }
                }
                try {
                    int seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (seen == expected) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not up yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the Kafka cluster did not have " + expected + " brokers within "
                            + START_TIMEOUT.toSeconds() + " s; see the logs in " + directory);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the brokers", e);
        }
    }

    private void writeProperties(Node node, int size, String voters, Map<String, String> brokerSettings) {
        int replication = Math.min(size, 3);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(node.id));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + node.port + ",CONTROLLER://127.0.0.1:" + node.controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", node.directory.resolve("data").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", Integer.toString(replication));
        p.setProperty("min.insync.replicas", Integer.toString(Math.min(size, 2)));
        p.setProperty("offsets.topic.replication.factor", Integer.toString(replication));
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", Integer.toString(replication));
        p.setProperty("transaction.state.log.min.isr", Integer.toString(Math.min(size, 2)));
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(replication));
        p.setProperty("share.coordinator.state.topic.min.isr", Integer.toString(Math.min(size, 2)));
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("background.threads", "2");
        p.setProperty("num.replica.fetchers", "1");
        p.setProperty("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        brokerSettings.forEach(p::setProperty);
        try {
            Files.createDirectories(node.directory);
            try (Writer out = Files.newBufferedWriter(node.properties(), StandardCharsets.UTF_8)) {
                p.store(out, "test node " + node.id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    /** One KRaft node: its ports, directory and JVM. */
    private static final class Node {
        final int id;
        final int port;
        final int controllerPort;
        final Path directory;
        final Path log;
        Process process;

        Node(int id, int port, int controllerPort, Path directory) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.directory = directory;
            this.log = directory.resolve("node.log");
        }

        Path properties() {
            return directory.resolve("server.properties");
        }

        void start(String clusterId) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData", "-Xshare:auto", "-Djava.awt.headless=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(),
                    properties().toString(), clusterId);
            try {
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting Kafka node " + id + " failed", e);
            }
        }

        void kill() {
            Process running = process;
            if (running != null && running.isAlive()) {
                running.destroyForcibly();
                try {
                    running.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
