package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.Orm;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the five command benchmarks share: the database and the side as parameters, and the
 * database each side writes into, new at every iteration by default. A subclass says how each side
 * runs one unit of its mix and measures {@link #run(long)}.
 *
 * <p>Each iteration, warm-up or measured, starts from an empty database. On one database per trial,
 * H2 in memory ran the budget-commitment mix about two fifths slower, on Keyline's side and the raw
 * side alike, once some 1,300,000 to 1,400,000 commands had been written, so a trial of long
 * iterations compared a faster side partly past that point with a slower side before it; a new
 * database per iteration keeps every iteration on the same range of stored rows (the performance
 * document's "A new database at every iteration of the command mixes"). With
 * {@code -p newDatabase=trial} the database is made once per trial instead, as
 * {@code benchmarks/run.sh}'s short profile does: its iterations of 1 s write a few tens of
 * thousands of commands, far from that point, and making a database (and Hibernate's session
 * factory) at each of them would take the profile past its 10 minutes.
 */
@State(Scope.Benchmark)
public abstract class CommandMixBenchmark {

    /** The database. */
    @Param({"H2", "POSTGRES"})
    public Database database;

    /** Which side writes: {@code keyline}, {@code raw} or {@code hibernate}. */
    @Param({"keyline", "raw", "hibernate"})
    public String side;

    /** When the side gets a new, empty database: at every {@code iteration} (the default) or once per {@code trial}. */
    @Param({"iteration"})
    public String newDatabase;

    private Fixture fixture;
    private SessionFactory sessions;
    private Side runner;
    private long next;

    /** One unit of a mix: the commands of one account, order, reservation, SLA or budget. */
    @FunctionalInterface
    interface Side {
        void run(long n) throws Exception;
    }

    /** Keyline's side on the fixture's storage. */
    abstract Side keyline(Fixture fixture);

    /** The hand-written JDBC side on the fixture's data source. */
    abstract Side raw(Fixture fixture) throws java.sql.SQLException;

    /** Hibernate's side on the session factory. */
    abstract Side hibernate(SessionFactory sessions);

    /**
     * A new database and the side on it: at every iteration, or at the first one of the trial with
     * {@code newDatabase=trial}.
     *
     * @throws java.sql.SQLException when the raw side cannot start
     */
    @Setup(Level.Iteration)
    public void setUp() throws java.sql.SQLException {
        if (!newDatabase.equals("iteration") && !newDatabase.equals("trial")) {
            throw new IllegalArgumentException("newDatabase must be 'iteration' or 'trial', not '" + newDatabase + "'");
        }
        if (fixture != null) {
            return;
        }
        fixture = Fixture.create(database);
        sessions = side.equals("hibernate") ? Orm.sessionFactory(fixture.dataSource()) : null;
        runner = side(side, fixture, sessions);
    }

    /**
     * The side named {@code name} on {@code fixture}.
     *
     * @param name {@code keyline}, {@code raw} or {@code hibernate}
     * @param fixture the database
     * @param sessions Hibernate's session factory on it, for Hibernate's side; else unused
     * @return the side
     * @throws java.sql.SQLException when the raw side cannot start
     */
    final Side side(String name, Fixture fixture, SessionFactory sessions) throws java.sql.SQLException {
        return switch (name) {
            case "keyline" -> keyline(fixture);
            case "raw" -> raw(fixture);
            case "hibernate" -> hibernate(sessions);
            default -> throw new IllegalArgumentException("unknown side " + name);
        };
    }

    /** Drops the iteration's database, unless it is kept for the trial. */
    @TearDown(Level.Iteration)
    public void tearDownIteration() {
        if (newDatabase.equals("iteration")) {
            close();
        }
    }

    /** Drops the trial's database, if it is still there. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
        close();
    }

    private void close() {
        if (fixture == null) {
            return;
        }
        if (sessions != null) {
            sessions.close();
            sessions = null;
        }
        fixture.close();
        fixture = null;
        runner = null;
    }

    /**
     * The side's next unit of the mix.
     *
     * @throws Exception when a command fails
     */
    final void run() throws Exception {
        runner.run(next++);
    }
}
