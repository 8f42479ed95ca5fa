package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.FixtureEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The "Outbox" suite on a real database: commands of every area of {@link ReliabilityWorkloads} (a
 * creation and three changes of each {@code Entry}, four creations of each {@code CreateOnly} area), and
 * an account exit that the resource area's reaction must turn into released units, raise events
 * that two sinks receive; each sink fails at random 30 % of the time, and one poison event always
 * fails. Every other event reaches both sinks after retries spaced by the policy's backoff, every
 * in-process reaction is applied, the poison event is dead-lettered after exactly the configured
 * attempts, listed, and replayed once the sink accepts it; nothing is lost or silently dropped.
 */
abstract class OutboxReliabilityContract {

    private static final int MAX_ATTEMPTS = 12;
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    /** A provider on an empty database. */
    abstract JdbcStorage emptyStorage();

    /** A sink that fails 30 % of its deliveries at random, and the poison event every time, until it is healed. */
    private static final class FlakySink implements NotificationSink {
        private final String name;
        private final Random random;
        private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger poisonAttempts = new AtomicInteger();
        private final AtomicBoolean healed = new AtomicBoolean();

        FlakySink(String name, long seed) {
            this.name = name;
            this.random = new Random(seed);
        }

        @Override
        public synchronized void deliver(Notification n) {
            if (n.aggregateId().equals("poison") && !healed.get()) {
                poisonAttempts.incrementAndGet();
                throw new RetryableDeliveryException("the receiver refuses the poison event", null, null);
            }
            // once healed the receiver is repaired: a replayed dead letter keeps its attempt count,
            // so it gets one more try before it is dead-lettered again
            if (!healed.get() && random.nextInt(100) < 30) {
                failures.incrementAndGet();
                throw new RetryableDeliveryException("the receiver is briefly unavailable", null, null);
            }
            accepted.merge(n.eventId().value().toString(), 1, Integer::sum);
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Test
    void everyEventButThePoisonIsDeliveredWithBackoffThePoisonIsDeadLetteredListedAndReplayedNothingLost() {
        long seed = Long.getLong("keyline.outbox.seed", System.nanoTime());
        JdbcStorage storage = emptyStorage();
        TestClock clock = TestClock.standard();
        FlakySink a = new FlakySink("flaky-a", seed);
        FlakySink b = new FlakySink("flaky-b", seed + 1);
        RetryPolicy policy = new RetryPolicy(MAX_ATTEMPTS, INITIAL_BACKOFF, 2.0, MAX_BACKOFF, Duration.ofMinutes(1), 50);
        Keyline keyline = Keyline.builder().storage(storage).clock(clock).sink(a).sink(b).retryPolicy(policy).build();

        for (ReliabilityWorkloads.Entry<?, ?, ?> entry : ReliabilityWorkloads.ALL) {
            keyline.run(ctx -> entry.create(ctx, storage, "k"));
            for (int n = 1; n <= 3; n++) {
                int change = n;
                clock.advance(Duration.ofSeconds(1));
                keyline.run(ctx -> entry.change(ctx, storage, "k", change));
            }
        }
        for (ReliabilityWorkloads.CreateOnly<?, ?, ?> workload : ReliabilityWorkloads.CREATE_ONLY) {
            for (long n = 1; n <= 4; n++) {
                long command = n;
                clock.advance(Duration.ofSeconds(1));
                keyline.run(ctx -> workload.create(ctx, storage, command));
            }
        }
        AccountId leaving = new AccountId("KA-leaving");
        PoolId pool = new PoolId("P-exit");
        keyline.run(ctx -> {
            ctx.save(storage.port(KeyAccountRepository.class), KeyAccount.register(leaving, "Leaving Ltd",
                    new LocalNetworkId("SZ"), Industry.FINANCE, new UserId("gm"), ctx.now()));
            ResourcePool p = ResourcePool.open(pool, ResourceType.DDN_PORT, new PoolLocation(new LocalNetworkId("SZ"), "EXCH-X"),
                    10, Duration.ZERO, ctx.now());
            p.allocateDirectly(new AllocationId("AL-1"), leaving, "ORD-1", 3, ctx.now());
            ctx.save(storage.port(ResourcePoolRepository.class), p);
        });
        clock.advance(Duration.ofSeconds(1));
        keyline.run(ctx -> {
            KeyAccount account = storage.port(KeyAccountRepository.class).get(leaving);
            account.exit("contract ended", new UserId("gm"), ctx.now());
            ctx.save(storage.port(KeyAccountRepository.class), account);
        });
        keyline.run(ctx -> ctx.publish(FixtureEvent.about("poison", ctx.now(), "always refused")));

        // Without the clock moving, each round claims the next entry of every aggregate whose
        // earlier ones were delivered; the poison fails at its first attempt, so a failure shows up
        // within as many rounds as an aggregate has entries, whatever the random sinks decide.
        List<SinkDelivery> retrying = List.of();
        for (int round = 0; round < 20 && retrying.isEmpty(); round++) {
            keyline.relay().pumpOnce();
            retrying = entries(storage).stream().flatMap(e -> e.deliveries().stream())
                    .filter(d -> d.status() == DeliveryStatus.FAILED).toList();
        }
        assertThat(retrying).as("seed %d: some first attempts failed", seed).isNotEmpty()
                .allSatisfy(d -> assertThat(d.nextAttemptAt()).as("retried only after the backoff")
                        .isAfterOrEqualTo(clock.instant().plus(INITIAL_BACKOFF)));
        Map<String, Integer> waiting = failedAttempts(storage);
        keyline.relay().pumpOnce();
        Map<String, Integer> after = failedAttempts(storage);
        assertThat(after).as("nothing is retried before its backoff has passed").containsAllEntriesOf(waiting);

        for (int round = 0; round < 10 * MAX_ATTEMPTS && !settled(storage); round++) {
            clock.advance(MAX_BACKOFF);
            keyline.relay().pumpUntilIdle(100);
        }

        List<OutboxEntry> all = entries(storage);
        Set<String> events = ConcurrentHashMap.newKeySet();
        String poisonId = null;
        for (OutboxEntry e : all) {
            if (e.isTimer()) {
                continue;
            }
            String id = e.message().eventId().value().toString();
            if (e.message().aggregateId().equals("poison")) {
                poisonId = id;
                for (SinkDelivery d : e.deliveries()) {
                    if (d.sink().startsWith("flaky-")) {
                        assertThat(d.status()).as("the poison event to %s", d.sink()).isEqualTo(DeliveryStatus.DEAD_LETTER);
                        assertThat(d.attempts()).as("dead-lettered after the configured attempts").isEqualTo(MAX_ATTEMPTS);
                    } else {
                        assertThat(d.status()).as("the poison event to reaction %s, which accepts it", d.sink())
                                .isEqualTo(DeliveryStatus.DELIVERED);
                    }
                }
            } else {
                events.add(id);
                assertThat(e.deliveries()).as("seed %d: every delivery of %s (%s), to sinks and reactions", seed,
                        e.message().type(), e.message().aggregateId())
                        .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
            }
        }
        assertThat(poisonId).isNotNull();
        assertThat(a.poisonAttempts).hasValue(MAX_ATTEMPTS);
        assertThat(b.poisonAttempts).hasValue(MAX_ATTEMPTS);
        assertThat(a.failures.get() + b.failures.get()).as("the sinks did fail at random").isPositive();
        assertThat(a.accepted.keySet()).as("seed %d: sink a has every event but the poison, none lost", seed).isEqualTo(events);
        assertThat(b.accepted.keySet()).as("seed %d: sink b has every event but the poison, none lost", seed).isEqualTo(events);
        Set<String> aggregates = all.stream().filter(e -> !e.isTimer()).map(e -> e.message().aggregateId())
                .collect(Collectors.toSet());
        for (ReliabilityWorkloads.Entry<?, ?, ?> entry : ReliabilityWorkloads.ALL) {
            assertThat(aggregates).as("the %s area's aggregate raised events", entry.area()).contains(entry.idText("k"));
        }
        for (ReliabilityWorkloads.CreateOnly<?, ?, ?> workload : ReliabilityWorkloads.CREATE_ONLY) {
            for (long n = 1; n <= 4; n++) {
                assertThat(aggregates).as("the %s area's aggregate %d raised events", workload.area(), n)
                        .contains(workload.idText(n));
            }
        }
        assertThat(all.stream().filter(e -> !e.isTimer()).map(e -> e.message().type()))
                .as("the reaction to the exit raised the resource area's release")
                .anyMatch(t -> t.startsWith("resource."));
        assertThat(storage.transactions().execute(() -> storage.port(ResourcePoolRepository.class).get(pool)).allocations())
                .as("the account's exit released its units in the resource area").isEmpty();

        assertThat(keyline.relay().deadLetters(10)).extracting(e -> e.message().eventId().value().toString())
                .as("the dead letters are listed").containsExactly(poisonId);
        assertThat(keyline.relay().deadLetters("flaky-a", 10)).hasSize(1);
        a.healed.set(true);
        b.healed.set(true);
        assertThat(keyline.relay().replayDeadLetters("flaky-a", 10)).isEqualTo(1);
        assertThat(keyline.relay().replayDeadLetters("flaky-b", 10)).isEqualTo(1);
        for (int round = 0; round < 10 * MAX_ATTEMPTS && !settled(storage); round++) {
            clock.advance(MAX_BACKOFF);
            keyline.relay().pumpUntilIdle(100);
        }
        assertThat(keyline.relay().deadLetters(10)).as("the replayed poison event was delivered").isEmpty();
        assertThat(a.accepted).containsKey(poisonId);
        assertThat(b.accepted).containsKey(poisonId);
        System.out.printf("Outbox: %d events delivered to 2 sinks after %d random failures, 1 poison event "
                + "dead-lettered after %d attempts and replayed, lost 0 (seed %d)%n", events.size() + 1,
                a.failures.get() + b.failures.get(), MAX_ATTEMPTS, seed);
    }

    /** The attempts of every delivery waiting for a retry, by event and sink. */
    private static Map<String, Integer> failedAttempts(JdbcStorage storage) {
        Map<String, Integer> attempts = new java.util.HashMap<>();
        for (OutboxEntry e : entries(storage)) {
            for (SinkDelivery d : e.deliveries()) {
                if (d.status() == DeliveryStatus.FAILED) {
                    attempts.put(e.message().eventId().value() + " " + d.sink(), d.attempts());
                }
            }
        }
        return attempts;
    }

    /** True when no delivery is pending or waiting for a retry. */
    private static boolean settled(JdbcStorage storage) {
        return storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 1).isEmpty()
                && storage.outbox().list(DeliveryStatus.FAILED, 1).isEmpty());
    }

    private static List<OutboxEntry> entries(JdbcStorage storage) {
        List<OutboxEntry> all = new ArrayList<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            for (OutboxEntry e : storage.transactions().execute(() -> storage.outbox().list(status, 100_000))) {
                if (all.stream().noneMatch(x -> x.message().eventId().equals(e.message().eventId()))) {
                    all.add(e);
                }
            }
        }
        return all;
    }
}
