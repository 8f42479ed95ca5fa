package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.StatementLog.Counted;
import dev.keyline.jdbc.StatementLog.Executed;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC provider's write-behind: the repositories' inserts and versioned updates are queued in
 * the transaction and sent as one batch per statement before the next query or the commit (on
 * PostgreSQL, a flush of several statements' rows in one round trip), with the failures they had
 * when sent one by one. Runs on H2 and PostgreSQL through its subclasses.
 */
abstract class WriteBehindContract {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final UserId CLERK = new UserId("clerk");

    private final StatementLog log = new StatementLog();
    private JdbcStorage storage;
    private Keyline keyline;
    private KeyAccountRepository accounts;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() {
        TestDatabases.emptyStorage(dataSource());
        storage = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).build();
        keyline = Keyline.builder().storage(storage).clock(TestClock.at(T0)).build();
        accounts = storage.port(KeyAccountRepository.class);
    }

    @Test
    void manyCommandsInOneTransactionSendEachStatementAsOneBatchAtTheCommit() {
        Counted bulk = log.count(() -> keyline.transactions().run(() -> {
            for (int i = 0; i < 20; i++) {
                KeyAccount account = newAccount("KA" + i);
                keyline.run(ctx -> ctx.save(accounts, account));
            }
        }));

        // the accounts' rows in one batch, their events in another, then the commit
        assertThat(bulk.statements()).as("%s", bulk).hasSize(2);
        assertThat(bulk.statements()).as("%s", bulk).filteredOn(s -> s.touches("keyline_key_account"))
                .singleElement().satisfies(s -> assertThat(s.rows()).isEqualTo(20));
        assertThat(bulk.statements()).as("%s", bulk).filteredOn(s -> s.touches("keyline_outbox"))
                .singleElement().satisfies(s -> assertThat(s.rows()).isEqualTo(20));
        assertThat(bulk.calls("commit")).isOne();
        assertThat(stored()).hasSize(20);
    }

    @Test
    void aQueryAfterAQueuedInsertSeesIt() {
        List<Executed> executed = log.during(() -> storage.transactions().run(() -> {
            accounts.save(newAccount("KA1"));
            try (Stream<KeyAccount> found = accounts.byNetwork(SUZHOU)) {
                assertThat(found.map(a -> a.id().value()).toList()).containsExactly("KA1");
            }
        }));

        assertThat(executed.get(0).kind()).as("%s", executed).isEqualTo("INSERT");
        assertThat(executed.get(1).kind()).as("%s", executed).isEqualTo("SELECT");
    }

    @Test
    void aStaleUpdateFoundAtTheCommitRollsBackTheWholeTransaction() {
        storage.transactions().run(() -> accounts.save(newAccount("KA1")));
        KeyAccount stale = load("KA1");
        KeyAccount rival = load("KA1");
        rival.assignManager(new UserId("am-rival"), CLERK, T0.plusSeconds(1));
        storage.transactions().run(() -> accounts.save(rival));
        KeyAccount fresh = newAccount("KA2");

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            accounts.save(fresh);
            stale.assignManager(new UserId("am-late"), CLERK, T0.plusSeconds(2));
            accounts.save(stale);
            assertThat(stale.version()).as("queued, the save is reported done").isEqualTo(2);
        })).isInstanceOf(StaleVersionException.class).hasMessageContaining("key account KA1")
                .hasMessageContaining("version 1");

        assertThat(stored()).extracting(a -> a.id().value()).containsExactly("KA1");
        KeyAccount now = load("KA1");
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.accountManager()).contains(new UserId("am-rival"));
        assertThat(stale.version()).as("back to the version it was loaded at").isEqualTo(1);
        assertThat(fresh.version()).as("its insert was rolled back with the rest").isZero();
    }

    @Test
    void theRuntimeRunsACommandAgainWhenItsUpdateIsFoundStaleAtTheCommit() throws Exception {
        keyline.run(ctx -> ctx.save(accounts, newAccount("KA1")));
        AtomicInteger attempts = new AtomicInteger();

        keyline.run(ctx -> {
            KeyAccount mine = accounts.get(new AccountId("KA1"));
            mine.assignManager(new UserId("am-" + attempts.incrementAndGet()), CLERK, T0.plusSeconds(2));
            ctx.save(accounts, mine);
            if (attempts.get() == 1) {
                // a rival commits first on another connection; this command's update is still queued
                CompletableFuture.runAsync(() -> keyline.run(other -> {
                    KeyAccount theirs = accounts.get(new AccountId("KA1"));
                    theirs.assignManager(new UserId("am-rival"), CLERK, T0.plusSeconds(1));
                    other.save(accounts, theirs);
                })).join();
            }
        });

        assertThat(attempts).hasValue(2);
        KeyAccount now = load("KA1");
        assertThat(now.version()).isEqualTo(3);
        assertThat(now.accountManager()).contains(new UserId("am-2"));
        long events = storage.transactions().execute(() -> storage.session().queryOne(
                "SELECT COUNT(*) AS n FROM keyline_outbox WHERE aggregate_id = ?", row -> row.longValue("n"), "KA1"))
                .orElseThrow();
        assertThat(events).as("registered, the rival's change and the second attempt's; none of the first attempt")
                .isEqualTo(3);
    }

    @Test
    void aTakenKeyInABatchFailsWithAlreadyExistsNamingTheEntityAndLeavesNothing() {
        failsOnATakenKeyAmong(10);
    }

    @Test
    void aTakenKeyInACopyFailsWithAlreadyExistsNamingTheEntityAndLeavesNothing() {
        failsOnATakenKeyAmong(PostgresCopy.FEWEST_ROWS + 10);
    }

    @Test
    void rowsBeyondOneCopyGoAsSeveralAndFromARowWithoutATextFormAsABatch() {
        int rows = 2 * PostgresCopy.MOST_ROWS + 10;
        int odd = PostgresCopy.MOST_ROWS + 20;
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            // one version a double, which binds (a BIGINT takes it) but has no text form for a copy
            entries.add(outboxRow("KA" + i, "PENDING", i == odd ? (Object) 0.0d : (Object) 0L));
        }

        Counted bulk = log.count(() -> storage.transactions().run(() -> storage.session().queueInserts(OUTBOX_INSERT,
                "keyline_outbox", List.of(), entries, null, null)));

        // PostgreSQL: the first copy's rows, then the rest, from the copy the double is in, as a batch
        if (storage.dialect() == SqlDialect.POSTGRESQL) {
            assertThat(bulk.statements()).as("%s", bulk).extracting(Executed::kind, Executed::rows).containsExactly(
                    tuple("COPY", PostgresCopy.MOST_ROWS), tuple("INSERT", rows - PostgresCopy.MOST_ROWS));
        } else {
            assertThat(bulk.statements()).as("%s", bulk).extracting(Executed::kind, Executed::rows)
                    .containsExactly(tuple("INSERT", rows));
        }
        long stored = storage.transactions().execute(() -> storage.session().queryOne(
                "SELECT COUNT(*) AS n FROM keyline_outbox WHERE version = 0", row -> row.longValue("n"))).orElseThrow();
        assertThat(stored).isEqualTo(rows);
    }

    /** The outbox's insert in the provider's form: fifteen placeholders, see {@link #outboxRow}. */
    private static final String OUTBOX_INSERT = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, payload, "
            + "status, version, timer_key, pending_timer_key, timer_due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An event's row of {@link #OUTBOX_INSERT} about {@code aggregateId}, with its status and version. */
    private static Object[] outboxRow(String aggregateId, String status, Object version) {
        return new Object[] {EventId.random(), aggregateId, "fixture.event", T0, null, null, null, null,
            "about " + aggregateId, "{}", status, version, null, null, null};
    }

    @Test
    void aRowACheckRefusesFailsTheCopyOrBatchWithAStorageExceptionNamingItAndLeavesNothing() {
        int rows = PostgresCopy.FEWEST_ROWS + 10;
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            // the 51st entry's status is none the table's check allows
            entries.add(outboxRow("KA" + i, i == 50 ? "BOGUS" : "PENDING", 0L));
        }

        assertThatThrownBy(() -> storage.transactions().run(() -> storage.session().queueInserts(OUTBOX_INSERT,
                "keyline_outbox", List.of(), entries, null, null)))
                .isExactlyInstanceOf(dev.keyline.spi.StorageException.class)
                .hasMessageContaining(storage.dialect() == SqlDialect.POSTGRESQL ? "copy of " + rows + " rows" : "batch of " + rows)
                .hasMessageContaining("keyline_outbox");
        long stored = storage.transactions().execute(() -> storage.session().queryOne(
                "SELECT COUNT(*) AS n FROM keyline_outbox", row -> row.longValue("n"))).orElseThrow();
        assertThat(stored).isZero();
    }

    /** KA5 stored, then KA1 to KA{@code registered} saved in one transaction: it fails on KA5 and writes nothing. */
    private void failsOnATakenKeyAmong(int registered) {
        storage.transactions().run(() -> accounts.save(newAccount("KA5")));
        List<KeyAccount> batch = new ArrayList<>();
        for (int i = 1; i <= registered; i++) {
            batch.add(newAccount("KA" + i));
        }

        assertThatThrownBy(() -> keyline.transactions().run(() -> {
            for (KeyAccount account : batch) {
                keyline.run(ctx -> ctx.save(accounts, account));
            }
        })).isInstanceOf(AlreadyExistsException.class).hasMessageContaining("key account KA5");

        assertThat(stored()).extracting(a -> a.id().value()).containsExactly("KA5");
        assertThat(batch).allSatisfy(a -> assertThat(a.version()).isZero());
        long events = storage.transactions().execute(() -> storage.session().queryOne(
                "SELECT COUNT(*) AS n FROM keyline_outbox", row -> row.longValue("n"))).orElseThrow();
        assertThat(events).isZero();
    }

    /** An event's message about {@code aggregateId}, due at {@code at}. */
    private static OutboxMessage message(EventId id, String aggregateId, Instant at) {
        return new OutboxMessage(id, aggregateId, "fixture.event", at, Audience.of("about " + aggregateId),
                "{\"note\":\"" + id + "\"}");
    }

    @Test
    void aTimerScheduledAfterACommandsEventsGoesInTheirBatchBehindItsDelete() {
        EventId timer = EventId.random();

        Counted command = log.count(() -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(EventId.random(), "R-1", T0), message(EventId.random(), "R-1", T0)));
            assertThat(storage.outbox().schedule(message(timer, "R-1", T0.plusSeconds(3600)), "expiry/R-1")).isFalse();
        }));

        assertThat(command.statements()).as("%s", command).extracting(Executed::sql)
                .satisfiesExactly(delete -> assertThat(delete).startsWith("DELETE FROM keyline_outbox"),
                        insert -> assertThat(insert).startsWith("INSERT INTO keyline_outbox "));
        assertThat(command.ofKind("INSERT").get(0).rows()).isEqualTo(3);
        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-1")))
                .hasValueSatisfying(e -> assertThat(e.message().eventId()).isEqualTo(timer));
    }

    @Test
    void aTimerWhoseEventIdIsTakenFailsTheBatchWithAlreadyExistsNamingItAndLeavesNothing() {
        EventId taken = EventId.random();
        storage.transactions().run(() -> storage.outbox().append(List.of(message(taken, "R-1", T0))));
        EventId other = EventId.random();

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(other, "R-2", T0)));
            storage.outbox().schedule(message(taken, "R-2", T0.plusSeconds(3600)), "expiry/R-2");
        })).isInstanceOf(AlreadyExistsException.class).hasMessageContaining(taken.toString());

        assertThat(storage.transactions().execute(() -> storage.outbox().find(other))).isEmpty();
        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-2"))).isEmpty();
    }

    @Test
    void aTimerKeyAnotherTransactionScheduledFirstFailsTheBatchAsStaleAndLeavesThatTimer() {
        EventId mine = EventId.random();
        EventId theirs = EventId.random();

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(EventId.random(), "R-3", T0)));
            storage.outbox().schedule(message(mine, "R-3", T0.plusSeconds(3600)), "expiry/R-3");
            // after this transaction's delete, before its commit, another one schedules the key and commits
            CompletableFuture.runAsync(() -> storage.transactions().run(() -> storage.outbox()
                    .schedule(message(theirs, "R-3", T0.plusSeconds(7200)), "expiry/R-3"))).join();
        })).isInstanceOf(StaleVersionException.class).hasMessageContaining("expiry/R-3");

        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-3")))
                .hasValueSatisfying(e -> assertThat(e.message().eventId()).isEqualTo(theirs));
        assertThat(storage.transactions().execute(() -> storage.outbox().find(mine))).isEmpty();
    }

    @Test
    void aTimerSetAfterACommandsEventsGoesWithThemInOneRoundTripOnPostgresqlAndReplacesTheStoredOne() {
        EventId stored = EventId.random();
        storage.transactions().run(() -> storage.outbox().setTimer(message(stored, "R-4", T0.plusSeconds(60)), "expiry/R-4"));
        EventId timer = EventId.random();

        Counted command = log.count(() -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(EventId.random(), "R-4", T0), message(EventId.random(), "R-4", T0)));
            storage.outbox().setTimer(message(timer, "R-4", T0.plusSeconds(3600)), "expiry/R-4");
        }));

        if (storage.session().sendsQueriesTogether()) {
            // the events, the old timer's delete, then the new timer's row: queued in that order, one round trip
            assertThat(command.statements()).as("%s", command).extracting(Executed::sql)
                    .satisfiesExactly(events -> assertThat(events).startsWith("INSERT INTO keyline_outbox "),
                            delete -> assertThat(delete).startsWith("DELETE FROM keyline_outbox"),
                            insert -> assertThat(insert).startsWith("INSERT INTO keyline_outbox "));
            assertThat(command.roundTrips()).as("%s", command).isOne();
        } else {
            // as schedule: the delete ahead, the timer's row in the events' batch
            assertThat(command.statements()).as("%s", command).extracting(Executed::sql)
                    .satisfiesExactly(delete -> assertThat(delete).startsWith("DELETE FROM keyline_outbox"),
                            insert -> assertThat(insert).startsWith("INSERT INTO keyline_outbox "));
            assertThat(command.ofKind("INSERT").get(0).rows()).isEqualTo(3);
        }
        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-4")))
                .hasValueSatisfying(e -> assertThat(e.message().eventId()).isEqualTo(timer));
        assertThat(storage.transactions().execute(() -> storage.outbox().find(stored))).as("replaced").isEmpty();
    }

    @Test
    void aClearedTimerIsDeletedWithTheCommandsWritesAndAReadAfterTheClearSendsItFirst() {
        EventId stored = EventId.random();
        storage.transactions().run(() -> storage.outbox().setTimer(message(stored, "R-5", T0.plusSeconds(60)), "expiry/R-5"));

        Counted command = log.count(() -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(EventId.random(), "R-5", T0)));
            storage.outbox().clearTimer("expiry/R-5");
        }));

        assertThat(command.statements()).as("%s", command).extracting(Executed::sql)
                .satisfiesExactly(events -> assertThat(events).startsWith("INSERT INTO keyline_outbox "),
                        delete -> assertThat(delete).startsWith("DELETE FROM keyline_outbox"));
        assertThat(command.roundTrips()).as("%s", command).isEqualTo(storage.session().sendsQueriesTogether() ? 1 : 2);
        assertThat(storage.transactions().execute(() -> storage.outbox().find(stored))).isEmpty();

        EventId again = EventId.random();
        storage.transactions().run(() -> storage.outbox().setTimer(message(again, "R-5", T0.plusSeconds(60)), "expiry/R-5"));
        assertThat(storage.transactions().execute(() -> {
            storage.outbox().clearTimer("expiry/R-5");
            return storage.outbox().pendingTimer("expiry/R-5");
        })).as("the read after the clear, in its transaction").isEmpty();
        assertThat(storage.transactions().execute(() -> storage.outbox().find(again))).isEmpty();
    }

    @Test
    void aTimerSetWithATakenEventIdFailsWithAlreadyExistsNamingItAndLeavesTheStoredTimer() {
        EventId taken = EventId.random();
        storage.transactions().run(() -> storage.outbox().append(List.of(message(taken, "R-6", T0))));
        EventId stored = EventId.random();
        storage.transactions().run(() -> storage.outbox().setTimer(message(stored, "R-6", T0.plusSeconds(60)), "expiry/R-6"));
        EventId other = EventId.random();

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(other, "R-6", T0)));
            storage.outbox().setTimer(message(taken, "R-6", T0.plusSeconds(3600)), "expiry/R-6");
        })).isInstanceOf(AlreadyExistsException.class).hasMessageContaining(taken.toString());

        assertThat(storage.transactions().execute(() -> storage.outbox().find(other))).isEmpty();
        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-6")))
                .hasValueSatisfying(e -> assertThat(e.message().eventId()).isEqualTo(stored));
    }

    @Test
    void aTimerKeyAnotherTransactionSetFirstLeavesOneTimerPendingTheLastCommitted() {
        EventId mine = EventId.random();
        EventId theirs = EventId.random();
        Runnable command = () -> storage.transactions().run(() -> {
            storage.outbox().append(List.of(message(EventId.random(), "R-7", T0)));
            storage.outbox().setTimer(message(mine, "R-7", T0.plusSeconds(3600)), "expiry/R-7");
            // before this transaction's commit, another one sets the key and commits
            CompletableFuture.runAsync(() -> storage.transactions().run(() -> storage.outbox()
                    .setTimer(message(theirs, "R-7", T0.plusSeconds(7200)), "expiry/R-7"))).join();
        });

        if (storage.session().sendsQueriesTogether()) {
            // the delete, queued, runs at the commit and finds their committed timer: replaced, as
            // running the command again after a stale failure would replace it
            command.run();
            assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-7")))
                    .hasValueSatisfying(e -> assertThat(e.message().eventId()).isEqualTo(mine));
            assertThat(storage.transactions().execute(() -> storage.outbox().find(theirs))).isEmpty();
        } else {
            // the delete ran ahead, before theirs: the row then meets theirs, as for schedule
            assertThatThrownBy(command::run).isInstanceOf(StaleVersionException.class).hasMessageContaining("expiry/R-7");
            assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("expiry/R-7")))
                    .hasValueSatisfying(e -> assertThat(e.message().eventId()).isEqualTo(theirs));
            assertThat(storage.transactions().execute(() -> storage.outbox().find(mine))).isEmpty();
        }
        assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 10)).stream()
                .filter(e -> "expiry/R-7".equals(e.timerKey()))).as("one timer pending under the key").hasSize(1);
    }

    @Test
    void anUpdateOfARowInsertedAfterAnotherUpdateInTheSameTransactionFollowsItsInsert() {
        storage.transactions().run(() -> accounts.save(newAccount("KA1")));

        storage.transactions().run(() -> {
            KeyAccount first = accounts.get(new AccountId("KA1"));
            first.assignManager(new UserId("am-1"), CLERK, T0.plusSeconds(1));
            accounts.save(first);
            KeyAccount second = newAccount("KA2");
            accounts.save(second);
            second.assignManager(new UserId("am-2"), CLERK, T0.plusSeconds(2));
            accounts.save(second);
            second.activate(CLERK, T0.plusSeconds(3));
            accounts.save(second);
        });

        assertThat(load("KA1").accountManager()).contains(new UserId("am-1"));
        KeyAccount second = load("KA2");
        assertThat(second.version()).isEqualTo(3);
        assertThat(second.accountManager()).contains(new UserId("am-2"));
    }

    @Test
    void aFailedFlushBeforeAQueryMarksTheTransactionRollbackOnly() {
        storage.transactions().run(() -> accounts.save(newAccount("KA1")));
        KeyAccount duplicate = newAccount("KA1");
        KeyAccount fresh = newAccount("KA2");

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            accounts.save(fresh);
            accounts.save(duplicate);
            assertThatThrownBy(() -> accounts.byNetwork(SUZHOU).close()).isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("key account KA1");
            // the caller caught it: the commit must still refuse
        })).hasMessageContaining("rolled back");

        assertThat(stored()).extracting(a -> a.id().value()).containsExactly("KA1");
        assertThat(fresh.version()).isZero();
    }

    @Test
    void aFlushOfSeveralTablesIsOneRoundTripWhereTheDatabaseTakesStatementsTogether() {
        Counted command = log.count(() -> keyline.run(ctx -> ctx.save(accounts, newAccount("KA1"))));

        // the account's row and its event, each as one would be sent alone
        assertThat(command.statements()).as("%s", command).extracting(Executed::kind).containsExactly("INSERT", "INSERT");
        assertThat(command.statements().get(0).touches("keyline_key_account")).isTrue();
        assertThat(command.statements().get(1).touches("keyline_outbox")).isTrue();
        assertThat(command.roundTrips()).as("%s", command).isEqualTo(storage.session().sendsQueriesTogether() ? 1 : 2);
        assertThat(command.calls("commit")).isOne();
        assertThat(stored()).extracting(a -> a.id().value()).containsExactly("KA1");
    }

    @Test
    void aStaleUpdateSentWithAChildRowThatThenCollidesIsReportedStaleAndLeavesNothing() throws SQLException {
        JdbcStorage tallies = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).area(new JdbcTallyArea()).build();
        edit("INSERT INTO keyline_tck_tally (tally_id, label, count, version) VALUES ('T1', 'visits', 1, 2)",
                "INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES ('T1', 1)");
        KeyAccount fresh = newAccount("KA1");

        // loaded at version 1, the tally was saved at 2 with its first mark: the update changes no
        // row, and the mark it would have added collides with the one stored
        Counted failed = log.count(() -> assertThatThrownBy(() -> tallies.transactions().run(() -> {
            tallies.port(KeyAccountRepository.class).save(fresh);
            tallies.session().queueUpdateVersioned("tally T1", "keyline_tck_tally", "tally_id", "T1", 1,
                    Columns.create().set("count", 2L), null);
            tallies.session().queueInserts("INSERT INTO keyline_tck_tally_mark (tally_id, line_no) VALUES (?, ?)",
                    "keyline_tck_tally_mark", List.of("keyline_tck_tally"), List.<Object[]>of(new Object[] {"T1", 1}),
                    null, null);
        })).isInstanceOf(StaleVersionException.class).hasMessageContaining("tally T1").hasMessageContaining("version 1"));

        if (storage.session().sendsQueriesTogether()) {
            // all three tables' rows in one round trip, which failed on the mark; then the version read
            assertThat(failed.roundTrips()).as("%s", failed).isEqualTo(2);
            assertThat(failed.statements().get(failed.statements().size() - 1).sql())
                    .startsWith("SELECT version FROM keyline_tck_tally WHERE tally_id = ?");
        } else {
            // one by one: the update's count stops the flush before the mark
            assertThat(failed.statements()).as("%s", failed).noneMatch(s -> s.touches("keyline_tck_tally_mark"));
        }
        assertThat(stored()).isEmpty();
        assertThat(fresh.version()).isZero();
        long version = storage.transactions().execute(() -> storage.session().queryOne(
                "SELECT version FROM keyline_tck_tally WHERE tally_id = 'T1'", row -> row.longValue("version"))).orElseThrow();
        assertThat(version).isEqualTo(2);
    }

    @Test
    void aChildRowUpdateThatChangesNoRowFailsTheFlushNamingItsStatementAndLeavesNothing() {
        JdbcStorage tallies = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).area(new JdbcTallyArea()).build();
        KeyAccount fresh = newAccount("KA1");

        assertThatThrownBy(() -> tallies.transactions().run(() -> {
            tallies.port(KeyAccountRepository.class).save(fresh);
            tallies.session().queueUpdates("UPDATE keyline_tck_tally_mark SET line_no = ? WHERE tally_id = ? AND line_no = ?",
                    "keyline_tck_tally_mark", List.of("keyline_tck_tally"), List.<Object[]>of(new Object[] {2, "T9", 1}));
        })).isInstanceOf(dev.keyline.spi.StorageException.class).hasMessageContaining("UPDATE keyline_tck_tally_mark")
                .hasMessageContaining("changed 0 rows instead of one");

        assertThat(stored()).isEmpty();
        assertThat(fresh.version()).isZero();
    }

    @Test
    void anOutdatedKeptStateOnlyReadBesideQueuedWritesFailsTheCommitAndLeavesNothing() {
        storage.transactions().run(() -> accounts.save(newAccount("KA1")));
        JdbcStorage there = JdbcStorage.builder(dataSource()).migrate(false).build();
        KeyAccountRepository thereAccounts = there.port(KeyAccountRepository.class);
        there.transactions().run(() -> {
            KeyAccount moved = thereAccounts.get(new AccountId("KA1"));
            moved.assignManager(new UserId("am-there"), CLERK, T0.plusSeconds(1));
            thereAccounts.save(moved);
        });

        // KA1 is trusted at the version this storage kept, 1, and not saved: its version is read
        // before the commit, after the queued insert of KA2 (in its round trip where statements go
        // together)
        Counted failed = log.count(() -> assertThatThrownBy(() -> storage.transactions().run(() -> {
            assertThat(accounts.get(new AccountId("KA1")).accountManager()).as("the kept state").isEmpty();
            accounts.save(newAccount("KA2"));
        })).isInstanceOf(dev.keyline.spi.KeptStateOutdatedException.class)
                .hasMessageContaining("KA1 at version 1 is outdated (the database holds version 2)"));

        Executed insert = failed.ofKind("INSERT").get(0);
        Executed check = failed.ofKind("SELECT").get(0);
        assertThat(check.sql()).startsWith("SELECT account_id, version FROM keyline_key_account WHERE account_id IN (");
        if (storage.session().sendsQueriesTogether()) {
            assertThat(check.trip()).as("%s", failed).isEqualTo(insert.trip());
            assertThat(failed.roundTrips()).as("%s", failed).isOne();
        } else {
            assertThat(check.trip()).as("%s", failed).isGreaterThan(insert.trip());
        }
        assertThat(failed.calls("commit")).isZero();
        assertThat(stored()).extracting(a -> a.id().value()).containsExactly("KA1");
        assertThat(load("KA1").accountManager()).as("read again").contains(new UserId("am-there"));
    }

    @Test
    void aQueryInsideTheSaveOfATrustedStateDoesNotCheckItAgainstTheVersionTheSaveWrites() {
        JdbcStorage tallies = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).area(new JdbcTallyArea()).build();
        JdbcCountingTallyRepository repository = new JdbcCountingTallyRepository(tallies.session());
        TallyId t1 = new TallyId("T1");
        tallies.transactions().run(() -> repository.save(Tally.open(t1, "visits")));

        // loaded on trust at version 1; the save's query flushes its versioned update to 2 first,
        // and the trusted load must not be checked against that
        Counted save = log.count(() -> tallies.transactions().run(() -> {
            Tally tally = repository.get(t1);
            tally.advance(1, T0);
            repository.save(tally);
        }));

        assertThat(save.statements()).as("%s: no version read", save).noneMatch(s -> s.sql().startsWith("SELECT tally_id, version"));
        assertThat(repository.marksCounted()).isEqualTo(2);
        Tally stored = tallies.transactions().execute(() -> repository.get(t1));
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.count()).isOne();
    }

    @Test
    void aFlushOfMoreRowsThanAreSentTogetherSendsOneBatchPerStatement() {
        int accountsSaved = PendingWrites.MOST_SENT_TOGETHER;

        Counted bulk = log.count(() -> keyline.transactions().run(() -> {
            for (int i = 0; i < accountsSaved; i++) {
                KeyAccount account = newAccount("KA" + i);
                keyline.run(ctx -> ctx.save(accounts, account));
            }
        }));

        // twice as many rows as go together: a batch of the accounts, a batch of their events
        assertThat(bulk.roundTrips()).as("%s", bulk).isEqualTo(2);
        assertThat(bulk.statements()).extracting(Executed::rows).containsExactly(accountsSaved, accountsSaved);
        assertThat(stored()).hasSize(accountsSaved);
    }

    @Test
    void aHundredInsertsOfOneStatementAreOneCopyOnPostgresqlAndOneBatchElsewhereWithTheSameRows() {
        int saved = PostgresCopy.FEWEST_ROWS;
        List<KeyAccount> batch = new ArrayList<>();
        for (int i = 0; i < saved; i++) {
            // the texts COPY escapes, a null's own text among them, and text beyond ASCII
            batch.add(KeyAccount.register(new AccountId("KA" + i), "Customer " + i + " \\N\t\\ \\\\ tab\tline\nreturn\r 客户",
                    SUZHOU, Industry.FINANCE, CLERK, T0.plusSeconds(i).plusNanos(i * 1_000L)));
        }

        Counted bulk = log.count(() -> keyline.transactions().run(() -> {
            for (KeyAccount account : batch) {
                keyline.run(ctx -> ctx.save(accounts, account));
            }
        }));

        if (storage.dialect() == SqlDialect.POSTGRESQL) {
            assertThat(bulk.statements()).as("the accounts and their events copied, so no insert: %s", bulk)
                    .extracting(Executed::kind, Executed::rows).containsExactly(tuple("COPY", saved), tuple("COPY", saved));
            assertThat(bulk.statements()).as("%s", bulk).first().satisfies(s -> assertThat(s.touches("keyline_key_account")).isTrue());
            assertThat(bulk.statementsAndCommits()).as("a round trip per copy, and the commit: %s", bulk).isEqualTo(3);
        } else {
            assertThat(bulk.statements()).as("the accounts' batch and their events': %s", bulk)
                    .extracting(Executed::rows).containsExactly(saved, saved);
        }
        assertThat(bulk.calls("commit")).isOne();
        JdbcStorage cold = JdbcStorage.builder(dataSource()).migrate(false).cachedAggregateRows(0).build();
        KeyAccountRepository read = cold.port(KeyAccountRepository.class);
        for (KeyAccount account : batch) {
            assertThat(cold.transactions().execute(() -> read.get(account.id())).snapshot()).isEqualTo(account.snapshot());
        }
        assertThat(batch.get(3).snapshot().name()).contains("\\N", "\t", "\n", "\r", "\\\\", "客户");
    }

    private void edit(String... sql) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.executeUpdate(statement);
                }
            }
            c.commit();
        }
    }

    private static KeyAccount newAccount(String id) {
        return KeyAccount.register(new AccountId(id), "Customer " + id, SUZHOU, Industry.FINANCE, CLERK, T0);
    }

    private KeyAccount load(String id) {
        return storage.transactions().execute(() -> accounts.find(new AccountId(id))).orElseThrow();
    }

    private List<KeyAccount> stored() {
        return storage.transactions().execute(() -> {
            try (Stream<KeyAccount> all = accounts.byNetwork(SUZHOU)) {
                return all.toList();
            }
        });
    }
}
