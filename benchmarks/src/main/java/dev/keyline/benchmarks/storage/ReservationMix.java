package dev.keyline.benchmarks.storage;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.runtime.resource.ResourcePools;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reservation command mix of the resource area, the same on every side: in one pool of
 * {@value #CAPACITY} DDN ports (opened once, before the mix), reservation {@code n} reserves
 * {@value #UNITS} ports for a key account's order (the pool's holdings and movement log, the
 * reservation row, its event and its expiry timer), is extended (re-dated: the reservation row,
 * its event, the timer moved), has all its units allocated, which completes it (pool, reservation,
 * two events, the timer cancelled), and the allocation is released on disconnection (pool, one
 * event). Four commands, four transactions; the pool holds nothing again after each reservation, so
 * the work per command does not grow with the run.
 *
 * <p>The Keyline side runs each command through the resource service ({@link ResourcePools}) as a
 * host would: it loads the pool (and the reservation), checks the actor's role, calls the domain,
 * saves with the version checks and writes the events and timers to the outbox in the same
 * transaction.
 */
public final class ReservationMix {

    /** Commands per reservation. */
    public static final int COMMANDS = 4;

    /** The pool's units. */
    public static final long CAPACITY = 10_000;

    /** Units per reservation. */
    public static final long UNITS = 4;

    /** The pool every reservation is made in. */
    public static final PoolId POOL = new PoolId("POOL-SZ-DDN");

    /** Its location. */
    public static final PoolLocation LOCATION = new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1");

    /** Who runs the commands: the general manager, who may do all four. */
    public static final Actor ACTOR = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);

    /** The reservation's first expiry. */
    public static final Instant EXPIRES = Fixture.NOW.plus(Duration.ofDays(5));

    /** The expiry it is extended to. */
    public static final Instant EXTENDED = Fixture.NOW.plus(Duration.ofDays(10));

    private final ResourcePools pools;

    /**
     * The Keyline side on a fixture's runtime; opens the pool.
     *
     * @param fixture the fixture
     */
    public ReservationMix(Fixture fixture) {
        this.pools = ResourcePools.on(fixture.keyline());
        pools.openPool(ACTOR, POOL, ResourceType.DDN_PORT, LOCATION, CAPACITY, Duration.ZERO);
    }

    /** The id of reservation {@code n}. */
    public static ReservationId reservationId(long n) {
        return new ReservationId(Ids.padded("RS-", n));
    }

    /** The id of the allocation made through reservation {@code n}. */
    public static AllocationId allocationId(long n) {
        return new AllocationId(Ids.padded("AL-", n));
    }

    /** What reservation {@code n} asks for: {@value #UNITS} units for an order of a key account. */
    public static ReservationTerms terms(long n) {
        return new ReservationTerms(new AccountId(KeyAccountMix.accountId(n % 10_000)), ReservationPurpose.ORDER,
                ProvisioningMix.orderId(n), UNITS, Fixture.NOW, Fixture.NOW.plus(Duration.ofDays(30)), EXPIRES);
    }

    /**
     * Runs the four commands for reservation {@code n}: reserve, extend, allocate all, release.
     *
     * @param n the reservation number
     */
    public void run(long n) {
        run(n, COMMANDS);
    }

    /**
     * Runs the first {@code commands} commands of the mix for number {@code n}, so that a test can
     * compare the rows of every stage the aggregate passes through.
     *
     * @param n the number
     * @param commands how many, 1 to {@link #COMMANDS}
     */
    public void run(long n, int commands) {
        ReservationId id = reservationId(n);
        List<Runnable> mix = List.of(
                () -> pools.reserve(ACTOR, POOL, id, terms(n)),
                () -> pools.redate(ACTOR, id, EXTENDED),
                () -> pools.allocate(ACTOR, id, allocationId(n), UNITS),
                () -> pools.release(ACTOR, POOL, allocationId(n)));
        mix.subList(0, commands).forEach(Runnable::run);
    }
}
