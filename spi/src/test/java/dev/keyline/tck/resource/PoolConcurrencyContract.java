package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.tck.StorageBackedContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Eight threads reserving and allocating from one pool at the same moment, through the runtime on
 * one provider: the units handed out are exactly the units the pool lost, never more than its
 * capacity, and no unit is handed out twice. A command that lost a race is run again by the runtime
 * ({@link Keyline.Builder#staleRetries(int)}); one that lost every attempt fails with
 * {@link ConcurrencyConflictException} and wrote nothing, and the thread moves on to its next
 * command. No other failure than a refusal for want of units is allowed.
 */
public abstract class PoolConcurrencyContract extends StorageBackedContract {

    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 6;
    private static final int STALE_RETRIES = 3;
    private static final long CAPACITY = 60;
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
    private static final PoolId POOL = new PoolId("RACE-1");

    @Test
    void unitsHandedOutEqualTheUnitsThePoolLostNeverTwiceNeverOverCapacity() throws Exception {
        Keyline keyline = Keyline.builder().storage(storage).areaReactions(false).staleRetries(STALE_RETRIES).build();
        ResourcePools resources = ResourcePools.on(keyline);
        resources.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT, new PoolLocation(new LocalNetworkId("SZ"), "X"),
                CAPACITY, Duration.ZERO);
        List<UnitSet> reserved = Collections.synchronizedList(new ArrayList<>());
        List<UnitSet> allocated = Collections.synchronizedList(new ArrayList<>());
        List<ReservationId> rejected = Collections.synchronizedList(new ArrayList<>());
        List<RuntimeException> conflicts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    AccountId holder = new AccountId("A" + thread);
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        String key = thread + "-" + i;
                        long units = 1 + (thread + i) % 3;
                        if ((thread + i) % 2 == 0) {
                            Instant now = keyline.clock().instant();
                            Optional<ReservationSnapshot> made = attempt(conflicts, () -> resources.reserve(NETWORK_CENTRE,
                                    POOL, new ReservationId("R" + key), new ReservationTerms(holder,
                                            ReservationPurpose.ORDER, "ORD-" + key, units, now,
                                            now.plus(Duration.ofDays(1)), now.plus(Duration.ofHours(1)))));
                            if (made.isEmpty()) {
                                continue;
                            }
                            ReservationSnapshot r = made.get();
                            if (r.state() == ReservationState.REJECTED) {
                                rejected.add(r.id());
                                continue;
                            }
                            attempt(conflicts, () -> resources.allocate(NETWORK_CENTRE, r.id(),
                                    new AllocationId("L" + key), 1)).ifPresent(a -> allocated.add(a.units()));
                            resources.findPool(POOL).orElseThrow().reservations().stream()
                                    .filter(h -> h.reservation().equals(r.id())).findFirst()
                                    .ifPresent(h -> reserved.add(h.units()));
                        } else {
                            try {
                                attempt(conflicts, () -> resources.allocateDirectly(NETWORK_CENTRE, POOL,
                                        new AllocationId("D" + key), holder, "ORD-" + key, units))
                                        .ifPresent(a -> allocated.add(a.units()));
                            } catch (InsufficientCapacityException full) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        ResourcePoolSnapshot after = resources.findPool(POOL).orElseThrow();
        List<UnitSet> handedOut = new ArrayList<>(allocated);
        handedOut.addAll(reserved);
        UnitSet all = UnitSet.EMPTY;
        long total = 0;
        for (UnitSet units : handedOut) {
            total += units.size();
            all = all.union(units);
        }
        assertThat(all.size()).as("no unit handed out twice").isEqualTo(total);
        assertThat(total).as("never over capacity").isLessThanOrEqualTo(CAPACITY);
        UnitSet held = UnitSet.EMPTY;
        for (var a : after.allocations()) {
            held = held.union(a.units());
        }
        for (var r : after.reservations()) {
            held = held.union(r.units());
        }
        assertThat(held).as("the units handed out are exactly the units the pool lost").isEqualTo(all);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(CAPACITY - total);
        assertThat(after.lastMovement().allocated() + after.lastMovement().reserved()).isEqualTo(total);
        assertThat(conflicts).as("every command that failed on a race failed after the runtime's last retry")
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConcurrencyConflictException.class)
                        .satisfies(c -> assertThat(((ConcurrencyConflictException) c).attempts())
                                .isEqualTo(STALE_RETRIES + 1)));
        assertThat(refused.get() + rejected.size() + conflicts.size())
                .as("96 units were asked of 60: some were refused, rejected or lost to the races").isPositive();
    }

    /**
     * Runs a command once through the runtime, which itself runs it again after a stale version;
     * a command that lost every attempt is recorded and gives nothing.
     */
    private static <T> Optional<T> attempt(List<RuntimeException> conflicts, Supplier<T> command) {
        try {
            return Optional.of(command.get());
        } catch (StaleVersionException lost) {
            conflicts.add(lost);
            return Optional.empty();
        }
    }
}
