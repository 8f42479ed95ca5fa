package dev.keyline.benchmarks.storage;

import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads and writes against a database already holding {@code rows} provisioning orders of six
 * stages ({@link StoredOrders}), on Keyline and hand-written JDBC, on H2 and PostgreSQL: the scale
 * curve (10,000, 100,000 and 1,000,000 orders; the cost per order should not grow with the
 * table), a find by id at random, the stream of every overdue open order (one in a hundred), and
 * opening an order in a transaction of its own.
 *
 * <p>Loading a million orders takes a while, so the loaded databases are kept for the life of the
 * JVM and every trial with the same database and size shares one: run this benchmark without
 * forking ({@code -f 0}, as {@code benchmarks/run.sh} does) and with a heap that holds H2's
 * million orders ({@code -Xmx6g}). Orders written by {@link #write()} are deleted after every
 * iteration, so each iteration meets the loaded size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 0)
public class ScaleBenchmark {

    /** The database. */
    @Param({"H2", "POSTGRES"})
    public Database database;

    /** Orders stored before measuring. */
    @Param({"10000", "100000", "1000000"})
    public int rows;

    /** Which side: {@code keyline} or {@code raw}. */
    @Param({"keyline", "raw"})
    public String side;

    private Fixture fixture;
    private ProvisioningOrders orders;
    private ProvisioningOrderRepository repository;
    private ProvisioningMix mix;
    private RawProvisioning rawWrites;
    private RawReads rawReads;
    private SplittableRandom random;
    private long next;
    private long streams;

    /** The loaded database (loading it on first use) and the sides on it. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = StoredOrders.of(database, rows);
        orders = ProvisioningOrders.on(fixture.keyline());
        repository = fixture.storage().port(ProvisioningOrderRepository.class);
        mix = new ProvisioningMix(fixture);
        rawWrites = new RawProvisioning(fixture.dataSource());
        rawReads = new RawReads(fixture.dataSource());
        random = new SplittableRandom(rows);
        next = StoredOrders.WRITTEN;
        warmUpOnce();
    }

    private static boolean warmedUp;

    /**
     * Before the first trial of the JVM, runs every operation of both sides for
     * {@value #WARM_UP_SECONDS} seconds: the trials share one JVM, so without this the first sizes
     * would meet code the JIT has not compiled yet and the later ones code it has, which would
     * tilt the scale curve.
     */
    private void warmUpOnce() {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        String measuredSide = side;
        long end = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        try {
            while (System.nanoTime() < end) {
                for (String s : new String[] {"keyline", "raw"}) {
                    side = s;
                    find();
                    overdue();
                    write();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("warming up failed", e);
        } finally {
            side = measuredSide;
            StoredOrders.deleteWritten(fixture);
        }
    }

    /** How long {@link #warmUpOnce()} runs. */
    static final int WARM_UP_SECONDS = 15;

    /** Deletes what {@link #write()} wrote, so every iteration meets the loaded size. */
    @TearDown(Level.Iteration)
    public void deleteWritten() {
        StoredOrders.deleteWritten(fixture);
    }

    /**
     * Finds a stored order by id, chosen at random.
     *
     * @return the order, so that nothing is optimised away
     * @throws Exception when the database fails
     */
    @Benchmark
    public Object find() throws Exception {
        String id = ProvisioningMix.orderId(random.nextInt(rows));
        Object found = side.equals("keyline") ? orders.find(new ProvisioningOrderId(id)) : rawReads.find(id);
        if (found == null) {
            throw new IllegalStateException("order " + id + " not found");
        }
        return found;
    }

    /**
     * Streams every open order due by {@link StoredOrders#DUE_BY} (one in a hundred of the stored
     * orders) with its stages.
     *
     * @return how many were read
     * @throws Exception when the database fails
     */
    @Benchmark
    public long overdue() throws Exception {
        // a time a few microseconds after DUE_BY, another at every call, selects the same orders
        // (the next are due half an hour later) but is not the last call's parameter: H2 hands a
        // statement run again with the parameters of its last run, the tables unchanged, the
        // result it kept, so the same time at every call would measure that cache instead of the
        // read (on H2 it made the raw side's stream 18 to 32 times faster than with this). The
        // benchmarks' H2 URL now turns that reuse off (see Database.H2), which also covers the
        // statements whose parameters do not change (Keyline's child statements of the stream's
        // one chunk at 10,000 orders); the varying time stays, so the figures compare with the
        // earlier runs'.
        Instant dueBy = StoredOrders.DUE_BY.plus(streams++ % 1000, ChronoUnit.MICROS);
        long read;
        if (side.equals("keyline")) {
            read = fixture.keyline().transactions().read(() -> {
                try (Stream<ProvisioningOrder> due = repository.openDueBy(dueBy)) {
                    return due.mapToLong(o -> o.stages().size()).count();
                }
            });
        } else {
            read = rawReads.overdue(dueBy);
        }
        if (read != rows / StoredOrders.TEMPLATES) {
            throw new IllegalStateException("expected " + rows / StoredOrders.TEMPLATES + " overdue orders, read " + read);
        }
        return read;
    }

    /**
     * Opens one more order in a transaction of its own.
     *
     * @throws Exception when the database fails
     */
    @Benchmark
    public void write() throws Exception {
        long n = next++;
        if (side.equals("keyline")) {
            mix.openOrder(n);
        } else {
            rawWrites.openOrder(n);
        }
    }
}
