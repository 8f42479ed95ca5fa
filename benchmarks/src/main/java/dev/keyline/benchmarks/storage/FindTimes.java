package dev.keyline.benchmarks.storage;

import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The time a find by id takes, Keyline's and the raw side's ({@link RawReads}), measured by a loop
 * of random finds that reads its thread's CPU time and the wall time, the two sides taking turns
 * in periods of a few seconds in one JVM, over a database holding {@code rows} provisioning orders
 * ({@link StoredOrders}).
 *
 * <p>JMH's scores of the same finds carry errors of a quarter to a half of them on this project's
 * two-core machine, where the CPU time the same work needs moves under the benchmark (see
 * {@code docs/performance.md}); the client's CPU time per find, beside the wall time, shows which
 * side's own work moved, and periods taking turns meet the same state of the machine. The figures
 * of "A find in one round trip" in {@code docs/performance.md} come from this loop:
 *
 * <pre>{@code
 * java -XX:+UseParallelGC -Xms6g -Xmx6g -cp benchmarks/target/keyline-benchmarks.jar \
 *     dev.keyline.benchmarks.storage.FindTimes POSTGRES 10000 5
 * }</pre>
 */
public final class FindTimes {

    private FindTimes() {
    }

    /**
     * One period of one side.
     *
     * @param round the round, from 0
     * @param side {@code keyline} or {@code raw}
     * @param finds how many finds the period ran
     * @param cpuMicros the calling thread's CPU time per find, in microseconds
     * @param wallMicros the wall time per find, in microseconds
     */
    public record Period(int round, String side, long finds, double cpuMicros, double wallMicros) {

        @Override
        public String toString() {
            return String.format("round %d %s: %.1f us cpu/find, %.1f us wall/find (%,d finds)", round, side, cpuMicros,
                    wallMicros, finds);
        }
    }

    /**
     * Runs {@code rounds} rounds of one period per side, Keyline's first.
     *
     * @param fixture a database holding {@code rows} orders, as {@link StoredOrders#of} loads it
     * @param rows the orders stored, from which each find picks one at random
     * @param rounds how many rounds
     * @param period how long each side runs in a round
     * @return the periods in the order they ran
     */
    public static List<Period> measure(Fixture fixture, int rows, int rounds, Duration period) {
        ProvisioningOrders orders = ProvisioningOrders.on(fixture.keyline());
        RawReads raw = new RawReads(fixture.dataSource());
        SplittableRandom random = new SplittableRandom(rows);
        List<Period> periods = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String side : new String[] {"keyline", "raw"}) {
                TimedPeriod timed = TimedPeriod.run(period, from -> {
                    for (int i = 0; i < 100; i++) {
                        String id = ProvisioningMix.orderId(random.nextInt(rows));
                        Object found;
                        try {
                            found = side.equals("keyline") ? orders.find(new ProvisioningOrderId(id)) : raw.find(id);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException("the raw side's find of " + id + " failed", e);
                        }
                        if (found == null) {
                            throw new IllegalStateException("order " + id + " not found");
                        }
                    }
                    return 100;
                });
                periods.add(new Period(round, side, timed.units(), timed.cpuMicrosPerUnit(), timed.wallMicrosPerUnit()));
            }
        }
        return periods;
    }

    /**
     * Loads the database and prints every period.
     *
     * @param args {@code H2} or {@code POSTGRES}; the orders to store, a multiple of
     *     {@value StoredOrders#TEMPLATES}; the rounds; optionally the seconds per period (4)
     */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: FindTimes H2|POSTGRES ROWS ROUNDS [SECONDS-PER-PERIOD]");
            System.exit(2);
        }
        Database database = Database.valueOf(args[0]);
        int rows = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Duration period = Duration.ofSeconds(args.length == 4 ? Integer.parseInt(args[3]) : 4);
        Fixture fixture = StoredOrders.of(database, rows); // shared and kept: released when the JVM exits
        measure(fixture, rows, rounds, period).forEach(System.out::println);
        System.exit(0);
    }
}
