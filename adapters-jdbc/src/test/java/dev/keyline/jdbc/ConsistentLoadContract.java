package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.jdbc.StatementLog.Counted;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.example.notes.jdbc.JdbcNotesArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A load of an aggregate of several tables, on a real database, while another storage commits a
 * save of it between the load's statements: the load never combines the parent row of one state
 * with child rows of another. The save is committed just before the chosen statement of the load
 * runs (a hook in {@link StatementLog}); the load must then return the saved state whole, found
 * out by the versions read with the last child table, without a statement of its own for them.
 * A repository whose last child read carries no versions ({@link JdbcMarkedTallyRepository}) is
 * confirmed by one more statement. The reading storage keeps no states, so every load reads the
 * tables, and runs every statement in a round trip of its own, so that a save can be committed
 * between any two; a second reading storage sends a find's statements together where the
 * database takes them so (on PostgreSQL), where {@link #savedWhileTheChildStatementsWait} commits
 * the save on the server, between the parent row's query and the child queries; and a storage
 * that kept the aggregate at an older version reads the row alone, then the child tables, where
 * {@link #savedPastAKeptState} commits the save between the two.
 */
abstract class ConsistentLoadContract {

    private final StatementLog log = new StatementLog();
    private JdbcStorage reading;
    private JdbcStorage combining;
    private JdbcStorage writing;
    private Keyline writer;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() {
        writing = TestDatabases.emptyStorage(dataSource());
        reading = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).area(new JdbcNotesArea())
                .area(new JdbcTallyArea()).cachedAggregateRows(0).combinedStatements(false).build();
        combining = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).area(new JdbcNotesArea())
                .area(new JdbcTallyArea()).cachedAggregateRows(0).build();
        writer = Keyline.builder().storage(writing).areaReactions(false).build();
    }

    @TestFactory
    Stream<DynamicTest> aSaveCommittedBeforeAnyChildStatementOfAFindIsFoundWhole() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(),
                () -> savedDuringFinds(e, reading)));
    }

    @TestFactory
    Stream<DynamicTest> aSaveCommittedBetweenTheRowAndTheChildrenOfAFindPastAKeptStateIsFoundWhole() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(), () -> savedPastAKeptState(e)));
    }

    /**
     * A find in a storage that kept the aggregate at another version than the stored one (another
     * storage saved it since): the find reads the parent row alone, drops the kept state, and reads
     * the child tables, together where the database takes them so (two round trips on
     * PostgreSQL). A save committed between the row and the children is found: the versions read
     * with the last child table outdate the row, and the aggregate is read again.
     */
    private <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> void savedPastAKeptState(
            ReliabilityWorkloads.Entry<A, I, R> entry) {
        JdbcStorage keeping = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).area(new JdbcNotesArea())
                .area(new JdbcTallyArea()).build();
        Keyline.builder().storage(keeping).areaReactions(false).build().run(ctx -> entry.create(ctx, keeping, "k"));
        writer.run(ctx -> entry.change(ctx, writing, "k", 2));
        I id = entry.id().apply("k");
        R repository = keeping.port(entry.port());
        int statements = log.count(() -> read(() -> reading.port(entry.port()).get(id))).statements().size();
        // a find of another aggregate, which the storage did not keep, learns the child statements
        writer.run(ctx -> entry.create(ctx, writing, "learn"));
        read(keeping, () -> repository.get(entry.id().apply("learn")));
        log.before(sql -> true, 2, () -> writer.run(ctx -> entry.change(ctx, writing, "k", 3)));
        Object[] found = new Object[1];

        Counted counted = log.count(() -> found[0] = read(keeping, () -> repository.get(id)));

        assertThat(log.hookRan()).as("%s: the save ran before the second round trip", entry.area()).isTrue();
        long stored = writing.transactions().execute(() -> entry.storedVersion(writing, "k").orElseThrow());
        assertThat(((A) found[0]).version()).as("%s: the save committed after the row was read is found: %s",
                entry.area(), counted).isEqualTo(stored);
        assertThat(sqls(trip(counted, 1))).as("%s: the row alone first: %s", entry.area(), counted).singleElement()
                .satisfies(sql -> assertThat(sql).startsWith("SELECT * FROM "));
        if (keeping.session().sendsQueriesTogether()) {
            // the row; the children together, found outdated; the row again; the children together
            assertThat(counted.roundTrips()).as("%s: %s", entry.area(), counted).isEqualTo(4);
            assertThat(trip(counted, 2)).as("%s: the child tables together: %s", entry.area(), counted)
                    .hasSize(statements - 1);
        } else {
            assertThat(counted.statements()).as("%s: read once, found outdated, read again: %s", entry.area(), counted)
                    .hasSize(2 * statements);
        }
    }

    @TestFactory
    Stream<DynamicTest> aTransactionSeesARivalsCommitWholeBeforeTheRivalKeptItsStates() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(), () -> rivalSeenWhole(e)));
    }

    /**
     * A rival transaction of the same storage changes one aggregate and creates another, commits,
     * and is held before it keeps its states ({@link HeldAfterCommit}). A transaction that finds the
     * created aggregate (from its rows: nothing of it is kept) then loads the changed one must see
     * the rival's version of it, not the state kept before the rival's commit.
     */
    private <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> void rivalSeenWhole(
            ReliabilityWorkloads.Entry<A, I, R> entry) throws InterruptedException {
        HeldAfterCommit rival = new HeldAfterCommit(dataSource());
        JdbcStorage keeping = JdbcStorage.builder(rival.dataSource()).migrate(false).area(new JdbcNotesArea())
                .area(new JdbcTallyArea()).build();
        Keyline keyline = Keyline.builder().storage(keeping).areaReactions(false).build();
        keyline.run(ctx -> entry.create(ctx, keeping, "changed"));
        long kept = keeping.transactions().execute(() -> entry.load(keeping, "changed").version());
        CompletableFuture<Object> both = rival.start(() -> {
            keyline.run(ctx -> {
                entry.change(ctx, keeping, "changed", 2);
                entry.create(ctx, keeping, "created");
            });
            return null;
        });

        List<Object> seen;
        try {
            seen = keeping.transactions().execute(() -> List.of(entry.storedVersion(keeping, "created").isPresent(),
                    entry.load(keeping, "changed").version()));
        } finally {
            rival.release();
        }
        both.join();

        assertThat(seen).as("%s: the created aggregate, so the changed one of the same commit", entry.area())
                .containsExactly(true, kept + 1);
    }

    @TestFactory
    Stream<DynamicTest> findsLearnTheirChildStatementsAndSendThemTogetherWhereTheDatabaseTakesThem() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(), () -> learnedTogether(e)));
    }

    /**
     * On PostgreSQL: a save committed while the statements of a find sent together wait, between
     * the parent row's query and the child queries. The writer locks the first child table the
     * find reads, waits until the find's statement waits for that lock, then changes the aggregate
     * and commits; the find's child queries then run after the commit, in the same round trip as
     * the parent row's, and the find must see the parent row outdated by the versions read with
     * the last child table and read the saved state whole.
     */
    <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> void savedWhileTheChildStatementsWait(
            ReliabilityWorkloads.Entry<A, I, R> entry) throws Exception {
        learnedTogether(entry);
        Counted learned = log.count(() -> read(combining, () -> combining.port(entry.port()).get(entry.id().apply("learn"))));
        assertThat(learned.roundTrips()).as("%s: learned, one round trip: %s", entry.area(), learned).isEqualTo(1);
        List<String> together = sqls(learned.statements());
        String children = String.join(";\n", together.subList(1, together.size()));
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("(?:FROM|JOIN) (\\w+) c? ?(?:ON|WHERE)")
                .matcher(children);
        assertThat(first.find()).as("%s: a child table in %s", entry.area(), children).isTrue();
        String childTable = first.group(1);
        writer.run(ctx -> entry.create(ctx, writing, "k"));
        I id = entry.id().apply("k");
        R repository = combining.port(entry.port());
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService saver = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> save = saver.submit(() -> writer.run(ctx -> {
                writing.session().update("LOCK TABLE " + childTable + " IN ACCESS EXCLUSIVE MODE");
                locked.countDown();
                awaitWaitingFor(childTable);
                entry.change(ctx, writing, "k", 2);
            }));
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Object[] found = new Object[1];
            Counted counted = log.count(() -> found[0] = read(combining, () -> repository.get(id)));
            save.get(10, java.util.concurrent.TimeUnit.SECONDS);
            long stored = writing.transactions().execute(() -> entry.storedVersion(writing, "k").orElseThrow());
            assertThat(stored).as("%s: saved once", entry.area()).isEqualTo(2);
            assertThat(((A) found[0]).version()).as("%s: the save committed while %s waited is found", entry.area(),
                    childTable).isEqualTo(stored);
            // all together; found outdated; the parent row read again, then the child statements together
            assertThat(counted.roundTrips()).as("%s: read once, found outdated, read again: %s", entry.area(), counted)
                    .isEqualTo(3);
            assertThat(sqls(trip(counted, 1))).as("%s: all together: %s", entry.area(), counted).isEqualTo(together);
            assertThat(sqls(trip(counted, 2))).as("%s: the row again: %s", entry.area(), counted)
                    .singleElement().satisfies(sql -> assertThat(sql).startsWith("SELECT * FROM "));
            assertThat(sqls(trip(counted, 3))).as("%s: the children together: %s", entry.area(), counted)
                    .isEqualTo(together.subList(1, together.size()));
        } finally {
            saver.shutdownNow();
        }
    }

    /** Waits until a session waits for a lock on the table. */
    private void awaitWaitingFor(String table) {
        long end = System.nanoTime() + 10_000_000_000L;
        try (Connection c = dataSource().getConnection();
                java.sql.PreparedStatement waiting = c.prepareStatement("SELECT count(*) FROM pg_locks l JOIN pg_class r "
                        + "ON r.oid = l.relation WHERE NOT l.granted AND r.relname = ?")) {
            waiting.setString(1, table);
            while (System.nanoTime() < end) {
                try (java.sql.ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no session waited for a lock on " + table + " within 10 s");
    }

    /**
     * Finds an aggregate of the entry's kind twice in the combining storage: the first find runs
     * the child statements one by one and learns them; the second sends them in one statement
     * where the database takes them so, and one by one elsewhere.
     */
    private <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> void learnedTogether(
            ReliabilityWorkloads.Entry<A, I, R> entry) {
        writer.run(ctx -> entry.create(ctx, writing, "learn"));
        I id = entry.id().apply("learn");
        R repository = combining.port(entry.port());
        Counted first = log.count(() -> read(combining, () -> repository.get(id)));
        Counted second = log.count(() -> read(combining, () -> repository.get(id)));
        List<String> oneByOne = first.statements().stream().map(StatementLog.Executed::sql).toList();
        assertThat(first.statements()).as("%s: the parent row and at least one child table: %s", entry.area(), first)
                .hasSizeGreaterThanOrEqualTo(2);
        if (!combining.session().sendsQueriesTogether()) {
            assertThat(second.statements()).as("%s: one by one: %s", entry.area(), second)
                    .extracting(StatementLog.Executed::sql).isEqualTo(oneByOne);
            return;
        }
        // nothing kept to consult: the parent row and the child statements in one round trip
        assertThat(second.roundTrips()).as("%s: all together: %s", entry.area(), second).isEqualTo(1);
        assertThat(sqls(second.statements())).as("%s: all together: %s", entry.area(), second).isEqualTo(oneByOne);
    }

    private static List<String> sqls(List<StatementLog.Executed> statements) {
        return statements.stream().map(StatementLog.Executed::sql).toList();
    }

    /** The statements of the counted work's nth round trip (from 1). */
    private static List<StatementLog.Executed> trip(Counted counted, int nth) {
        List<Integer> trips = counted.statements().stream().map(StatementLog.Executed::trip).distinct().toList();
        return counted.statements().stream().filter(s -> s.trip() == trips.get(nth - 1)).toList();
    }

    private <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> void savedDuringFinds(
            ReliabilityWorkloads.Entry<A, I, R> entry, JdbcStorage storage) {
        writer.run(ctx -> entry.create(ctx, writing, "k"));
        I id = entry.id().apply("k");
        R repository = storage.port(entry.port());
        Counted quiet = log.count(() -> read(storage, () -> repository.get(id)));
        int statements = quiet.statements().size();
        assertThat(statements).as("%s: the parent row and at least one child table: %s", entry.area(), quiet)
                .isGreaterThanOrEqualTo(2);
        assertThat(quiet.statements()).as("%s: SELECTs only", entry.area()).allMatch(s -> s.kind().equals("SELECT"));
        assertThat(quiet.statements().subList(0, statements - 1))
                .as("%s: the parent row, then every child table but the last read alone: %s", entry.area(), quiet)
                .noneMatch(s -> s.sql().contains(" JOIN "));
        assertThat(quiet.statements().get(statements - 1).sql())
                .as("%s: the last child table read with the parents' versions, no statement of versions alone",
                        entry.area())
                .contains(" JOIN ");

        for (int nth = 2; nth <= statements; nth++) {
            int change = nth;
            log.before(sql -> true, nth, () -> writer.run(ctx -> entry.change(ctx, writing, "k", change)));
            Object[] found = new Object[1];

            Counted counted = log.count(() -> found[0] = read(storage, () -> repository.get(id)));

            assertThat(log.hookRan()).as("%s: the save ran before statement %d", entry.area(), nth).isTrue();
            long stored = writing.transactions().execute(() -> entry.storedVersion(writing, "k").orElseThrow());
            assertThat(((A) found[0]).version())
                    .as("%s: a save committed before statement %d of %d is found", entry.area(), nth, statements)
                    .isEqualTo(stored);
            assertThat(counted.statements())
                    .as("%s: read once, found outdated by the versions read with the last child table, read again; "
                            + "no statement of versions alone", entry.area())
                    .hasSize(2 * statements);
        }
    }

    @Test
    void aLoadWhoseLastChildReadCarriesNoVersionsIsConfirmedByOneMoreStatement() throws SQLException {
        JdbcMarkedTallyRepository tallies = new JdbcMarkedTallyRepository(reading.session());
        edit("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T1', 'visits', 1, 1)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T1', 1)");
        TallyId t1 = new TallyId("T1");
        Tally[] found = new Tally[1];

        Counted quiet = log.count(() -> found[0] = read(() -> tallies.get(t1)));

        assertThat(quiet.statements()).as("the row, the marks, the version: %s", quiet).hasSize(3);
        assertThat(quiet.statements().get(2).sql()).doesNotContain("keyline_tck_tally_mark");
        assertThat(found[0].count()).isEqualTo(1);
        assertThat(found[0].version()).isEqualTo(1);

        for (int nth = 2; nth <= 3; nth++) {
            int mark = nth;
            log.before(sql -> true, nth, () -> addMark("T1", mark));

            Counted counted = log.count(() -> found[0] = read(() -> tallies.get(t1)));

            assertThat(log.hookRan()).isTrue();
            assertThat(found[0].count()).as("a mark committed before statement %d", nth).isEqualTo(mark);
            assertThat(found[0].version()).as("with its version").isEqualTo(mark);
            assertThat(counted.statements()).as("read twice: %s", counted).hasSize(6);
        }
    }

    @Test
    void findsThatAskForOtherChildStatementsThanTheLearnedOnesRunThemOneByOneAndLearnAgain() throws SQLException {
        JdbcMarkedTallyRepository tallies = new JdbcMarkedTallyRepository(combining.session(), "keyline_tck_tally_mark",
                "twice");
        edit("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T1', 'once', 2, 1)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T1', 1)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T1', 2)",
                "INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T2', 'twice', 3, 1)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T2', 1)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T2', 2)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T2', 3)");
        TallyId t1 = new TallyId("T1");
        TallyId t2 = new TallyId("T2");
        boolean together = combining.session().sendsQueriesTogether();
        String row = "SELECT * FROM keyline_tck_tally WHERE tally_id = ? ORDER BY version";
        String marks = "SELECT * FROM keyline_tck_tally_mark WHERE tally_id = ? ORDER BY line_no";

        // learns the read of the marks
        Counted once = log.count(() -> assertThat(read(combining, () -> tallies.get(t1)).count()).isEqualTo(2));
        // asks first for another read than the one learned: runs both alone, and learns them
        Counted twiceFirst = log.count(() -> assertThat(read(combining, () -> tallies.get(t2)).count()).isEqualTo(3));
        // sends both with the parent row, each read served its own result (the row's one row, then the three marks)
        Counted twice = log.count(() -> assertThat(read(combining, () -> tallies.get(t2)).count()).isEqualTo(3));
        // asks for the marks, not the row learned first: runs the marks alone (not served the row's
        // result), and learns the marks alone again
        Counted onceAfter = log.count(() -> assertThat(read(combining, () -> tallies.get(t1)).count()).isEqualTo(2));
        Counted onceLearned = log.count(() -> assertThat(read(combining, () -> tallies.get(t1)).count()).isEqualTo(2));

        String tally = "SELECT * FROM keyline_tck_tally WHERE tally_id = ?";
        String versions = "SELECT tally_id, version FROM keyline_tck_tally WHERE tally_id IN (?)";
        List<List<String>> finds = java.util.stream.Stream.of(once, twiceFirst, twice, onceAfter, onceLearned)
                .map(Counted::roundTripTexts).toList();
        // no child read carries the versions: a statement of its own reads them last
        if (together) {
            assertThat(finds).containsExactly(List.of(tally, marks, versions),
                    List.of(tally + ";\n" + marks, row, marks, versions),
                    List.of(tally + ";\n" + row + ";\n" + marks, versions),
                    List.of(tally + ";\n" + row + ";\n" + marks, marks, versions),
                    List.of(tally + ";\n" + marks, versions));
        } else {
            assertThat(finds).containsExactly(List.of(tally, marks, versions), List.of(tally, row, marks, versions),
                    List.of(tally, row, marks, versions), List.of(tally, marks, versions), List.of(tally, marks, versions));
        }
    }

    @Test
    void aQueryInATransactionReadsAgainTheAggregatesSavedBetweenItsStatementsAndOnlyThose() throws SQLException {
        queryOverTakenByASave(work -> reading.transactions().execute(work::get), true);
    }

    @Test
    void aQueryInAReadReadsAgainTheAggregatesSavedBetweenItsStatementsOrReadsThemFromOneSnapshot() throws SQLException {
        // on PostgreSQL a read's query starts the read's transaction, which reads from one snapshot
        queryOverTakenByASave(this::read, reading.session().dialect() == SqlDialect.H2);
    }

    /**
     * Three tallies read by a query while another storage commits a mark of T2 just before the
     * query's statement of the marks: read again at the new version, or, where every statement
     * reads from the snapshot the query's rows came from, found as they were then, with no
     * statement of versions at all.
     */
    private void queryOverTakenByASave(java.util.function.Function<java.util.function.Supplier<List<Tally>>, List<Tally>> unit,
            boolean readAgain) throws SQLException {
        JdbcMarkedTallyRepository tallies = new JdbcMarkedTallyRepository(reading.session());
        for (String id : List.of("T1", "T2", "T3")) {
            edit("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('" + id + "', 'visits', 1, 1)",
                    "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('" + id + "', 1)");
        }
        log.before(sql -> sql.contains("keyline_tck_tally_mark"), 1, () -> addMark("T2", 2));
        List<Tally>[] found = new List[1];

        Counted counted = log.count(() -> found[0] = unit.apply(tallies::all));

        assertThat(log.hookRan()).isTrue();
        long t2 = readAgain ? 2L : 1L;
        assertThat(found[0]).extracting(t -> t.id().value(), Tally::count, Tally::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("T2", t2, t2),
                        org.assertj.core.groups.Tuple.tuple("T3", 1L, 1L));
        List<String> sql = counted.statements().stream().map(StatementLog.Executed::sql).toList();
        if (readAgain) {
            assertThat(sql).as("the rows, the marks, the versions; then T2's row, marks, version").hasSize(6);
            assertThat(sql.get(3)).contains("IN (?)");
        } else {
            assertThat(sql).as("the snapshot's setting, the rows, the marks").hasSize(3);
            assertThat(sql.get(0)).isEqualTo(JdbcSession.ONE_SNAPSHOT_POSTGRESQL);
            assertThat(sql.get(2)).contains("keyline_tck_tally_mark").doesNotContain("version");
        }
        // and a find after the commit, in a read of its own, sees the mark
        Tally now = read(() -> tallies.get(new TallyId("T2")));
        assertThat(now.count()).isEqualTo(2L);
    }

    @Test
    void aQueryInAReadOfOneSnapshotReadsTheLastChildTableWithoutTheParentsVersions() throws SQLException {
        edit("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T1', 'visits', 2, 2)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T1', 1)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T1', 2)",
                "INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T2', 'visits', 0, 1)");
        JdbcMarkedTallyRepository tallies = JdbcMarkedTallyRepository.marksWithVersions(reading.session());
        boolean postgres = reading.session().dialect() == SqlDialect.POSTGRESQL;
        List<Tally>[] found = new List[1];

        Counted inRead = log.count(() -> found[0] = read(tallies::all));
        assertThat(found[0]).extracting(t -> t.id().value(), Tally::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T1", 2L), org.assertj.core.groups.Tuple.tuple("T2", 0L));
        Counted inTransaction = log.count(() -> found[0] = reading.transactions().execute(tallies::all));
        assertThat(found[0]).extracting(t -> t.id().value(), Tally::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T1", 2L), org.assertj.core.groups.Tuple.tuple("T2", 0L));

        assertThat(marks(inTransaction)).as("with the versions, in a transaction: %s", inTransaction)
                .singleElement().asString().contains("version");
        if (postgres) {
            assertThat(marks(inRead)).as("without them, in a read of one snapshot: %s", inRead)
                    .singleElement().asString().doesNotContain("version");
            assertThat(inRead.calls("rollback")).as("the read's transaction ends").isEqualTo(1);
        } else {
            assertThat(marks(inRead)).as("with them, in a read in auto-commit: %s", inRead)
                    .singleElement().asString().contains("version");
        }
    }

    private static List<String> marks(Counted counted) {
        return counted.statements().stream().map(StatementLog.Executed::sql)
                .filter(sql -> sql.contains("keyline_tck_tally_mark")).toList();
    }

    @Test
    void aQueryOfManyParentsReadsEachChildTableOnceAChunkTheirIdsAsOneArrayOnH2() throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        List<Long> counts = new java.util.ArrayList<>();
        for (int i = 1; i <= JdbcParentChildRepository.CHUNK + 50; i++) {
            String id = String.format("T%03d", i);
            ids.add(id);
            counts.add((long) i % 4); // a quarter of them without marks
            rows.add("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('" + id + "', 'visits', 0, 1)");
            for (int line = 1; line <= i % 4; line++) {
                rows.add("INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('" + id + "', " + line + ")");
            }
        }
        edit(rows.toArray(String[]::new));
        boolean h2 = reading.session().dialect() == SqlDialect.H2;
        for (JdbcMarkedTallyRepository tallies : List.of(new JdbcMarkedTallyRepository(reading.session()),
                JdbcMarkedTallyRepository.marksWithVersions(reading.session()))) {
            List<Tally>[] found = new List[1];

            Counted counted = log.count(() -> found[0] = read(tallies::all));

            assertThat(found[0]).extracting(t -> t.id().value()).containsExactlyElementsOf(ids);
            assertThat(found[0]).extracting(Tally::count).containsExactlyElementsOf(counts);
            List<String> marks = marks(counted);
            assertThat(marks).as("one statement of the marks per chunk: %s", counted).hasSize(2);
            for (String sql : marks) {
                if (h2) {
                    assertThat(sql).contains("TABLE(").doesNotContain(" IN (");
                } else {
                    assertThat(sql).contains(" IN (?, ?");
                }
            }
        }
    }

    @Test
    void aChildTableNameThatIsNoPlainIdentifierIsRefusedAtEveryLoadBeforeItsStatement() throws SQLException {
        JdbcMarkedTallyRepository tallies = new JdbcMarkedTallyRepository(reading.session(),
                "keyline_tck_tally_mark; DROP TABLE keyline_tck_tally");
        edit("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T1', 'visits', 1, 1)");
        TallyId t1 = new TallyId("T1");

        // the statement texts are kept once built: a refused name must not be kept, nor pass the second time
        for (int load = 1; load <= 2; load++) {
            Counted counted = log.count(() -> assertThatThrownBy(() -> read(() -> tallies.get(t1)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("childTable"));

            assertThat(counted.statements()).as("load %d sends the parent's row only: %s", load, counted).hasSize(1);
        }
        assertThat(read(() -> new JdbcMarkedTallyRepository(reading.session()).get(t1)).label())
                .as("the table is still there").isEqualTo("visits");
    }

    /** Runs a read as a host's find runs it: in the reading storage's read-only work, with no transaction. */
    private <T> T read(java.util.function.Supplier<T> work) {
        return read(reading, work);
    }

    /** Runs a read in the given storage's read-only work. */
    private static <T> T read(JdbcStorage storage, java.util.function.Supplier<T> work) {
        return storage.transactions().read(work::get);
    }

    /** Adds mark {@code n} of a tally and raises its count and version to {@code n}, committed. */
    private void addMark(String tally, int n) {
        try {
            edit("INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('" + tally + "', " + n + ")",
                    "UPDATE keyline_tck_tally SET count = " + n + ", version = " + n + " WHERE tally_id = '" + tally + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the statements in one transaction on the database, outside any storage. */
    private void edit(String... sql) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.executeUpdate(statement);
                }
            }
            c.commit();
        }
    }
}
