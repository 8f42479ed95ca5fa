package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.StatementLog.Counted;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.spi.KeptStateOutdatedException;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.account.KeyAccountRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcParentChildRepository} keeps of committed saves, on a real database: a load at
 * the version kept reads the parent row only; anything that moved the stored version (another
 * storage's save, an edit that raises the version, the aggregate deleted and created again) is
 * read whole; a save that does not commit is never kept; the bound in rows holds; between a
 * rival's commit and its keeping ({@link HeldAfterCommit}), the rival's aggregates are read from
 * their rows. Statements are counted with {@link StatementLog}, as in {@link StatementCountContract}.
 */
abstract class KeptAggregatesContract {

    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final Actor ZHOU = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
    private static final Actor LI = Actor.withRoles(new UserId("li"), Role.GENERAL_MANAGER);
    private static final UserId WANG = new UserId("wang");
    private static final UserId ZHAO = new UserId("zhao");
    private static final AccountId KA1 = new AccountId("KA1");

    private final StatementLog log = new StatementLog();
    private Keyline keyline;
    private KeyAccounts accounts;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() {
        TestDatabases.emptyStorage(dataSource());
        keyline = runtime(JdbcSession.DEFAULT_CACHED_AGGREGATE_ROWS, true);
        accounts = KeyAccounts.on(keyline);
    }

    private Keyline runtime(long keptRows, boolean logged) {
        DataSource source = logged ? log.wrap(dataSource()) : dataSource();
        return Keyline.builder().storage(JdbcStorage.builder(source).migrate(false).cachedAggregateRows(keptRows).build())
                .build();
    }

    /**
     * KA1 registered through a runtime on this database that keeps and trusts states, never retries
     * a stale version and logs its statements; the accounts of that runtime.
     */
    private KeyAccounts registeredWithoutRetries() {
        return registeredOn(log.wrap(dataSource()), 0);
    }

    /**
     * KA1 registered through a runtime on {@code source} that keeps and trusts states and runs a
     * stale command again {@code staleRetries} times; the accounts of that runtime.
     */
    private KeyAccounts registeredOn(DataSource source, int staleRetries) {
        KeyAccounts here = KeyAccounts.on(runtimeOn(source, staleRetries));
        register(here);
        return here;
    }

    /** A runtime on {@code source} that keeps and trusts states and runs a stale command again {@code staleRetries} times. */
    private static Keyline runtimeOn(DataSource source, int staleRetries) {
        return Keyline.builder().storage(JdbcStorage.builder(source).migrate(false).build()).staleRetries(staleRetries)
                .build();
    }

    /** The accounts of another storage on the same database, as another process would have. */
    private KeyAccounts elsewhere() {
        return KeyAccounts.on(runtime(JdbcSession.DEFAULT_CACHED_AGGREGATE_ROWS, false));
    }

    private KeyAccountSnapshot register(KeyAccounts on) {
        return on.register(ZHOU, KA1, "Customer KA1", SUZHOU, Industry.FINANCE);
    }

    /** The account found, and how many statements the find sent. */
    private Counted find(KeyAccounts on, KeyAccountSnapshot[] found) {
        return log.count(() -> found[0] = on.get(KA1));
    }

    @Test
    void aLoadAtTheVersionThisStorageCommittedReadsTheRowOnlyAndRestoresThatState() {
        register(accounts);
        accounts.assignManager(ZHOU, KA1, WANG);
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];

        Counted counted = find(accounts, found);

        assertThat(counted.statements()).as("%s", counted).hasSize(1);
        assertThat(found[0].version()).isEqualTo(2);
        assertThat(found[0].accountManager()).contains(WANG);
    }

    @Test
    void anotherStoragesSaveIsReadWhole() {
        register(accounts);
        KeyAccounts elsewhere = elsewhere();
        elsewhere.assignManager(ZHOU, KA1, ZHAO);
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];

        Counted counted = find(accounts, found);

        assertThat(counted.statements()).as("%s", counted).hasSize(3);
        assertThat(found[0].version()).isEqualTo(2);
        assertThat(found[0].accountManager()).contains(ZHAO);
        // and a change here starts from that state
        accounts.activate(ZHOU, KA1);
        assertThat(elsewhere.get(KA1).accountManager()).contains(ZHAO);
        assertThat(elsewhere.get(KA1).version()).isEqualTo(3);
    }

    @Test
    void aSaveWhoseTransactionRollsBackIsNotKept() {
        register(accounts);
        RuntimeException planned = new IllegalStateException("the host's next step failed");
        assertThatThrownBy(() -> keyline.run(ctx -> {
            accounts.assignManager(ZHOU, KA1, WANG);
            throw planned;
        })).isSameAs(planned);
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];

        Counted counted = find(accounts, found);

        assertThat(found[0].version()).isEqualTo(1);
        assertThat(found[0].accountManager()).isEmpty();
        // the save marked the state kept as being replaced, and the mark ended with the rollback
        assertThat(counted.statements()).as("%s: read from the tables", counted).hasSizeGreaterThan(1);
        // the same version saved again, this time committed, is what a later load restores
        accounts.assignManager(ZHOU, KA1, ZHAO);
        assertThat(accounts.get(KA1).accountManager()).contains(ZHAO);
    }

    @Test
    void anEditOutsideKeylineIsSeenOnceItRaisesTheVersion() throws SQLException {
        register(accounts);
        accounts.assignManager(ZHOU, KA1, WANG);
        edit("UPDATE keyline_key_account SET account_manager = 'zhao' WHERE account_id = 'KA1'");
        assertThat(accounts.get(KA1).accountManager()).as("the version is trusted: the kept state still")
                .contains(WANG);

        edit("UPDATE keyline_key_account SET account_manager = 'zhao', version = version + 1 WHERE account_id = 'KA1'");
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];
        Counted counted = find(accounts, found);

        assertThat(found[0].accountManager()).contains(ZHAO);
        assertThat(found[0].version()).isEqualTo(3);
        assertThat(counted.statements()).as("%s", counted).hasSize(3);
    }

    @Test
    void anAggregateDeletedAndCreatedAgainAtALowerVersionIsReadWhole() throws SQLException {
        register(accounts);
        accounts.assignManager(ZHOU, KA1, WANG);
        accounts.activate(ZHOU, KA1);
        TestDatabases.emptyStorage(dataSource());
        KeyAccounts elsewhere = KeyAccounts.on(runtime(0, false));
        register(elsewhere);

        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];
        Counted counted = find(accounts, found);

        assertThat(found[0].version()).isEqualTo(1);
        assertThat(found[0].accountManager()).isEmpty();
        assertThat(counted.statements()).as("%s", counted).hasSize(3);
    }

    @Test
    void anAggregateHeavierThanTheBoundIsNotKept() {
        KeyAccounts small = KeyAccounts.on(runtime(2, true));
        register(small);
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];
        assertThat(find(small, found).statements()).as("one row and no entries fits in 2 rows").hasSize(1);
        small.overrideTier(ZHOU, LI, KA1, Tier.NATIONAL, "strategic customer");
        small.overrideTier(ZHOU, LI, KA1, Tier.LOCAL, "a local customer after all");
        assertThat(found[0].tierHistory()).isEmpty();

        Counted counted = find(small, found);

        assertThat(found[0].tierHistory()).hasSize(2);
        assertThat(JdbcParentChildRepository.rowsOf(found[0])).isEqualTo(3);
        assertThat(counted.statements()).as("%s", counted).hasSize(3);
    }

    @Test
    void aTransactionKeepsTheFirstHundredAggregatesItSaves() {
        int saved = JdbcParentChildRepository.KEPT_PER_TRANSACTION + 1;
        keyline.run(ctx -> {
            for (int n = 1; n <= saved; n++) {
                accounts.register(ZHOU, new AccountId("KA-" + n), "Customer " + n, SUZHOU, Industry.FINANCE);
            }
        });

        Counted first = log.count(() -> accounts.get(new AccountId("KA-1")));
        Counted last = log.count(() -> accounts.get(new AccountId("KA-" + saved)));

        assertThat(first.statements()).as("%s", first).hasSize(1);
        assertThat(last.statements()).as("%s", last).hasSize(3);
        // its next committed save keeps it
        accounts.assignManager(ZHOU, new AccountId("KA-" + saved), WANG);
        assertThat(log.count(() -> accounts.get(new AccountId("KA-" + saved))).statements()).hasSize(1);
    }

    @Test
    void theWeightOfASnapshotIsOneRowPlusTheEntriesOfItsCollections() {
        register(accounts);
        accounts.overrideTier(ZHOU, LI, KA1, Tier.NATIONAL, "strategic customer");

        assertThat(JdbcParentChildRepository.rowsOf(accounts.get(KA1))).isEqualTo(2);
        assertThat(JdbcParentChildRepository.rowsOf("not a record")).isOne();
    }

    @Test
    void aCommandTrustsTheKeptStateAndReadsNoRowOfIt() {
        register(accounts);

        Counted assign = log.count(() -> accounts.assignManager(ZHOU, KA1, WANG));

        assertThat(assign.ofKind("SELECT")).as("%s", assign).isEmpty();
        assertThat(assign.ofKind("UPDATE")).as("%s: the versioned update checks the trusted version", assign)
                .singleElement().satisfies(s -> assertThat(s.sql()).contains("version = ?"));
        assertThat(accounts.get(KA1).accountManager()).contains(WANG);
    }

    @Test
    void aSaveOfAStateAnotherStorageReplacedRunsTheCommandOnceMoreOnTheStoredState() {
        KeyAccounts hereAccounts = registeredWithoutRetries();
        KeyAccounts elsewhere = elsewhere();
        elsewhere.assignManager(ZHOU, KA1, ZHAO);

        // the kept state (version 1, no manager) is trusted; its update meets version 2, and with no
        // stale retries the runtime still runs it once more, reading the row
        KeyAccountSnapshot changed = hereAccounts.updateProfile(ZHOU, KA1, profileWithBranches(120));

        assertThat(changed.version()).isEqualTo(3);
        assertThat(elsewhere.get(KA1).accountManager()).as("the other storage's change survives").contains(ZHAO);
        assertThat(elsewhere.get(KA1).profile()).isEqualTo(profileWithBranches(120));
        // and the next command trusts the state this attempt committed
        Counted next = log.count(() -> hereAccounts.updateProfile(ZHOU, KA1, profileWithBranches(130)));
        assertThat(next.ofKind("SELECT")).as("%s", next).isEmpty();
    }

    @Test
    void aRejectionOfAnOutdatedStateIsRunAgainOnTheStoredState() {
        KeyAccounts hereAccounts = registeredWithoutRetries();
        KeyAccounts elsewhere = elsewhere();
        elsewhere.assignManager(ZHOU, KA1, ZHAO);

        // kept here: no account manager, which activation refuses; stored: ZHAO, which it accepts
        KeyAccountSnapshot active = hereAccounts.activate(ZHOU, KA1);

        assertThat(active.accountManager()).contains(ZHAO);
        assertThat(active.version()).isEqualTo(3);
    }

    @Test
    void aCommandAfterARivalHereCommittedButBeforeItKeptItsStateReadsTheStoredStateAtOnce() throws InterruptedException {
        HeldAfterCommit rival = new HeldAfterCommit(log.wrap(dataSource()));
        KeyAccounts here = registeredOn(rival.dataSource(), Keyline.Builder.DEFAULT_STALE_RETRIES);
        CompletableFuture<KeyAccountSnapshot> assigned = rival.start(() -> here.assignManager(ZHOU, KA1, WANG));

        KeyAccountSnapshot[] active = new KeyAccountSnapshot[1];
        Counted activation;
        try {
            // kept: version 1, no account manager, which activation refuses; stored: version 2, WANG,
            // committed by a transaction of this storage that has not yet kept its state
            activation = log.count(() -> active[0] = here.activate(ZHOU, KA1));
        } finally {
            rival.release();
        }

        assertThat(active[0].accountManager()).contains(WANG);
        assertThat(active[0].version()).isEqualTo(3);
        assertThat(activation.calls("rollback")).as("one attempt, on the row: %s", activation).isZero();
        assertThat(activation.statements()).as("nothing trusted, so nothing to check: %s", activation)
                .noneMatch(s -> s.sql().startsWith("SELECT account_id, version FROM keyline_key_account"));
        assertThat(assigned.join().version()).isEqualTo(2);
    }

    @Test
    void aTransactionNeverSeesOneAggregateOfARivalsCommitAndTheStateKeptBeforeItOfAnother() throws InterruptedException {
        HeldAfterCommit rival = new HeldAfterCommit(dataSource());
        Keyline runtime = runtimeOn(rival.dataSource(), Keyline.Builder.DEFAULT_STALE_RETRIES);
        KeyAccounts here = KeyAccounts.on(runtime);
        register(here);
        KeyAccountRepository repository = runtime.storage().port(KeyAccountRepository.class);
        AccountId ka2 = new AccountId("KA2");
        // one transaction of this storage: KA1 gets a manager (version 2) and KA2 is registered
        CompletableFuture<Object> both = rival.start(() -> runtime.storage().transactions().execute(() -> {
            here.assignManager(ZHOU, KA1, WANG);
            here.register(ZHOU, ka2, "Customer KA2", SUZHOU, Industry.FINANCE);
            return null;
        }));

        List<Object> seen;
        try {
            seen = runtime.storage().transactions().execute(() -> List.of(repository.find(ka2).isPresent(),
                    repository.get(KA1).version()));
        } finally {
            rival.release();
        }
        both.join();

        assertThat(seen).as("KA2 read from its row, so KA1 of the same commit").containsExactly(true, 2L);
    }

    @Test
    void aFailureOnAStateARivalHereMovedAfterTheLoadTrustedItIsARace() throws InterruptedException {
        Keyline runtime = runtimeOn(dataSource(), 0);
        KeyAccounts here = KeyAccounts.on(runtime);
        register(here);
        KeyAccountRepository repository = runtime.storage().port(KeyAccountRepository.class);

        assertThatThrownBy(() -> runtime.storage().transactions().execute(() -> {
            KeyAccountSnapshot loaded = repository.get(KA1).snapshot();
            // a rival of this storage commits, and keeps, version 2 while this transaction works on 1
            KeyAccountSnapshot assigned = CompletableFuture.supplyAsync(() -> here.assignManager(ZHOU, KA1, WANG)).join();
            assertThat(assigned.version()).isEqualTo(loaded.version() + 1);
            throw new InvalidStateException("key account KA1 has no account manager (the test's refusal)");
        })).isExactlyInstanceOf(StaleVersionException.class)
                .hasMessageContaining("key account KA1 at version 1 is outdated (the database holds version 2): "
                        + "a concurrent transaction saved it")
                .cause().isInstanceOf(InvalidStateException.class).hasMessageContaining("the test's refusal");
        assertThat(here.get(KA1).accountManager()).as("the next command reads the stored state").contains(WANG);
    }

    @Test
    void aStateKeptLateNeverReplacesTheStateOfALaterCommit() throws InterruptedException {
        HeldAfterCommit rival = new HeldAfterCommit(log.wrap(dataSource()));
        KeyAccounts here = registeredOn(rival.dataSource(), Keyline.Builder.DEFAULT_STALE_RETRIES);
        CompletableFuture<KeyAccountSnapshot> assigned = rival.start(() -> here.assignManager(ZHOU, KA1, WANG));

        KeyAccountSnapshot reassigned;
        try {
            // trusts version 1, meets version 2 at its save, and runs again on the stored state
            reassigned = here.assignManager(ZHOU, KA1, ZHAO);
        } finally {
            rival.release();
        }
        assertThat(assigned.join().version()).as("the rival has ended and offered its state").isEqualTo(2);
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];
        Counted counted = find(here, found);

        assertThat(reassigned.version()).isEqualTo(3);
        assertThat(found[0].version()).isEqualTo(3);
        assertThat(found[0].accountManager()).contains(ZHAO);
        assertThat(counted.statements()).as("the state of version 3 is still kept: %s", counted).hasSize(1);
    }

    @Test
    void theMarksOfSavesInFlightPushNoKeptStateOut() {
        Keyline small = runtime(3, true);
        KeyAccounts here = KeyAccounts.on(small);
        List<AccountId> others = accountIds(5);
        others.forEach(id -> here.register(ZHOU, id, "Customer " + id.value(), SUZHOU, Industry.FINANCE));
        register(here);
        RuntimeException planned = new IllegalStateException("the host's next step failed");

        // five saves of stored accounts in flight at once, in a cache of 3 rows that keeps KA1
        assertThatThrownBy(() -> small.run(ctx -> {
            others.forEach(id -> here.assignManager(ZHOU, id, WANG));
            throw planned;
        })).isSameAs(planned);
        KeyAccountSnapshot[] found = new KeyAccountSnapshot[1];
        Counted counted = find(here, found);

        assertThat(counted.statements()).as("KA1 is still kept: %s", counted).hasSize(1);
        assertThat(found[0].version()).isEqualTo(1);
    }

    @Test
    void aStateKeptLateNeverReplacesTheMarkOfALaterCommitHoweverManyOthersItSaved() throws InterruptedException {
        HeldAfterCommit first = new HeldAfterCommit(dataSource());
        HeldAfterCommit second = new HeldAfterCommit(first.dataSource());
        Keyline runtime = Keyline.builder()
                .storage(JdbcStorage.builder(second.dataSource()).migrate(false).cachedAggregateRows(4).build()).build();
        KeyAccounts here = KeyAccounts.on(runtime);
        KeyAccountRepository repository = runtime.storage().port(KeyAccountRepository.class);
        List<AccountId> others = accountIds(40);
        register(here);
        others.forEach(id -> here.register(ZHOU, id, "Customer " + id.value(), SUZHOU, Industry.FINANCE));
        // version 2 of KA1 commits, and its transaction has not kept its state yet
        CompletableFuture<KeyAccountSnapshot> assigned = first.start(() -> here.assignManager(ZHOU, KA1, WANG));

        long seen;
        CompletableFuture<Object> bulk = null;
        try {
            // version 3 commits with a save of 40 other stored accounts, ten times the cache's 4
            // rows, and that transaction has not ended either
            bulk = second.start(() -> runtime.storage().transactions().execute(() -> {
                here.assignManager(ZHOU, KA1, ZHAO);
                others.forEach(id -> here.assignManager(ZHOU, id, WANG));
                return null;
            }));
            first.release();
            assertThat(assigned.join().version()).as("the first has ended and offered version 2").isEqualTo(2);
            seen = runtime.storage().transactions().execute(() -> repository.get(KA1).version());
        } finally {
            first.release();
            second.release();
        }
        bulk.join();

        assertThat(seen).as("the load after both commits sees the later one").isEqualTo(3);
        assertThat(here.get(KA1).accountManager()).contains(ZHAO);
    }

    @Test
    void aStateKeptLateNeverReplacesALaterCommitThatKeptNoState() throws InterruptedException {
        HeldAfterCommit first = new HeldAfterCommit(dataSource());
        Keyline runtime = runtimeOn(first.dataSource(), Keyline.Builder.DEFAULT_STALE_RETRIES);
        JdbcTransactions transactions = (JdbcTransactions) runtime.storage().transactions();
        KeyAccounts here = KeyAccounts.on(runtime);
        KeyAccountRepository repository = runtime.storage().port(KeyAccountRepository.class);
        List<AccountId> others = accountIds(JdbcParentChildRepository.KEPT_PER_TRANSACTION);
        register(here);
        transactions.execute(() -> {
            others.forEach(id -> here.register(ZHOU, id, "Customer " + id.value(), SUZHOU, Industry.FINANCE));
            return null;
        });
        CountDownLatch kept = new CountDownLatch(1);
        CountDownLatch ending = new CountDownLatch(1);
        // version 2 of KA1 commits; its transaction keeps its state only when released, and then
        // waits before its end
        CompletableFuture<KeyAccountSnapshot> assigned = first.start(() -> transactions.execute(() -> {
            KeyAccountSnapshot done = here.assignManager(ZHOU, KA1, WANG);
            transactions.afterCommit(() -> {
                kept.countDown();
                awaitQuietly(ending);
            });
            return done;
        }));

        long seen;
        try {
            // version 3 commits and its transaction ends, its save of KA1 beyond the hundred it keeps
            transactions.execute(() -> {
                others.forEach(id -> here.assignManager(ZHOU, id, WANG));
                here.assignManager(ZHOU, KA1, ZHAO);
                return null;
            });
            first.release();
            assertThat(kept.await(30, TimeUnit.SECONDS)).as("the first kept its state").isTrue();
            seen = transactions.execute(() -> repository.get(KA1).version());
        } finally {
            first.release();
            ending.countDown();
        }
        assertThat(assigned.join().version()).isEqualTo(2);

        assertThat(seen).as("the load after both commits sees the later one").isEqualTo(3);
        assertThat(here.get(KA1).accountManager()).contains(ZHAO);
    }

    /** {@code count} account ids other than KA1. */
    private static List<AccountId> accountIds(int count) {
        List<AccountId> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ids.add(new AccountId("KA-" + n));
        }
        return ids;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        Latches.await(latch, 30, "never released");
    }

    @Test
    void aRejectionOfACurrentStateStandsAfterOneVersionCheck() {
        register(accounts);

        Counted refused = log.count(() -> assertThatThrownBy(() -> accounts.activate(ZHOU, KA1))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("has no account manager"));

        assertThat(refused.statements()).as("%s", refused).singleElement()
                .satisfies(s -> assertThat(s.sql()).startsWith("SELECT account_id, version FROM keyline_key_account"));
        assertThat(refused.calls("commit")).isZero();
    }

    @Test
    void aTransactionThatOnlyReadAnOutdatedStateFailsBeforeItsCommitAndForgetsIt() {
        register(accounts);
        KeyAccounts elsewhere = elsewhere();
        elsewhere.assignManager(ZHOU, KA1, ZHAO);
        KeyAccountRepository repository = keyline.storage().port(KeyAccountRepository.class);
        AtomicReference<UserId> seen = new AtomicReference<>();

        assertThatThrownBy(() -> keyline.storage().transactions().execute(() -> {
            seen.set(repository.get(KA1).accountManager().orElse(null));
            return null;
        })).isInstanceOf(KeptStateOutdatedException.class)
                .hasMessageContaining("key account KA1 at version 1 is outdated (the database holds version 2)");

        assertThat(seen.get()).as("the work saw the kept state").isNull();
        UserId manager = keyline.storage().transactions().execute(() -> repository.get(KA1).accountManager().orElse(null));
        assertThat(manager).as("the state was forgotten, and the row read").isEqualTo(ZHAO);
    }

    @Test
    void anAppendToTheChildrenOfAnOutdatedStateWritesNothingAndRunsAgain() {
        KeyAccounts hereAccounts = registeredWithoutRetries();
        KeyAccounts elsewhere = elsewhere();
        elsewhere.overrideTier(ZHOU, LI, KA1, Tier.NATIONAL, "strategic customer");

        // the kept state has no tier change; its first one would take the stored one's place
        KeyAccountSnapshot local = hereAccounts.overrideTier(ZHOU, LI, KA1, Tier.LOCAL, "a local customer after all");

        assertThat(local.tierHistory()).hasSize(2);
        assertThat(elsewhere.get(KA1).tierHistory()).isEqualTo(local.tierHistory());
    }

    @Test
    void aCommandThatWritesBesideAnOutdatedStateItOnlyCheckedIsRunAgainAndWritesItsRowsOnce() throws SQLException {
        KeyAccounts hereAccounts = registeredWithoutRetries();
        hereAccounts.assignManager(ZHOU, KA1, WANG);
        hereAccounts.activate(ZHOU, KA1);
        elsewhere().updateProfile(ZHOU, KA1, profileWithBranches(120));
        List<SpendFact> facts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            facts.add(new SpendFact(new SpendFactId("KA1-F" + i), KA1, SUZHOU, YearMonth.of(2025, i),
                    Money.ofCents(600_000, Money.CNY), Instant.parse("2026-01-05T08:00:00Z"), Optional.empty()));
        }

        // the access check trusts the kept account (version 3) without saving it: the version read
        // before the commit finds 4, so the first attempt rolls back and the runtime runs it again
        Counted spend = log.count(() -> hereAccounts.recordSpend(ZHOU, facts));

        assertThat(spend.calls("commit")).as("%s", spend).isOne();
        assertThat(spend.calls("rollback")).as("%s", spend).isOne();
        List<StatementLog.Executed> checks = spend.statements().stream()
                .filter(s -> s.sql().startsWith("SELECT account_id, version FROM keyline_key_account")).toList();
        assertThat(checks).as("%s: the first attempt's check", spend).isNotEmpty();
        // the insert is a query sent at once (it tells which ids were taken): the check goes with
        // it where statements go together, after it before the commit elsewhere
        StatementLog.Executed firstInsert = spend.ofKind("INSERT").get(0);
        if (keyline.storage() instanceof JdbcStorage jdbc && jdbc.session().sendsQueriesTogether()) {
            assertThat(checks.get(0).trip()).as("%s: the check with the insert", spend).isEqualTo(firstInsert.trip());
        } else {
            assertThat(checks.get(0).trip()).as("%s: the check after the insert", spend).isGreaterThan(firstInsert.trip());
        }
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM keyline_spend_fact WHERE account_id = 'KA1'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("each fact once").isEqualTo(3);
        }
    }

    @Test
    void aQueryAfterATrustedLoadCarriesItsVersionCheckWhereStatementsGoTogether() {
        register(accounts);
        KeyAccountRepository repository = keyline.storage().port(KeyAccountRepository.class);
        JdbcSession session = ((JdbcStorage) keyline.storage()).session();
        String name = "SELECT account_name FROM keyline_key_account WHERE account_id = ?";
        TransactionalWork<List<String>> work = () -> {
            repository.get(KA1);
            return session.query(name, row -> row.string("account_name"), "KA1");
        };

        Counted current = log.count(() -> assertThat(keyline.storage().transactions().execute(work))
                .containsExactly("Customer KA1"));

        List<String> sqls = current.statements().stream().map(StatementLog.Executed::sql).toList();
        if (session.sendsQueriesTogether()) {
            // the check first, then the query, in one round trip; none left for the end
            assertThat(current.roundTrips()).as("%s", current).isOne();
            assertThat(sqls).as("%s", current).hasSize(2).last().isEqualTo(name);
            assertThat(sqls.get(0)).startsWith("SELECT account_id, version FROM keyline_key_account");
        } else {
            // the query, then the check before the transaction ends
            assertThat(current.roundTrips()).as("%s", current).isEqualTo(2);
            assertThat(sqls).as("%s", current).first().isEqualTo(name);
        }

        elsewhere().assignManager(ZHOU, KA1, ZHAO);
        assertThatThrownBy(() -> keyline.storage().transactions().execute(work))
                .isInstanceOf(KeptStateOutdatedException.class)
                .hasMessageContaining("key account KA1 at version 1 is outdated (the database holds version 2)");
        assertThat(keyline.storage().transactions().execute(work)).as("read again").containsExactly("Customer KA1");
    }

    @Test
    void withTrustTurnedOffEveryLoadReadsTheRow() {
        KeyAccounts reading = KeyAccounts.on(Keyline.builder().storage(JdbcStorage.builder(log.wrap(dataSource()))
                .migrate(false).trustKeptStates(false).build()).build());
        register(reading);

        Counted assign = log.count(() -> reading.assignManager(ZHOU, KA1, WANG));

        assertThat(assign.ofKind("SELECT")).as("%s", assign).singleElement()
                .satisfies(s -> assertThat(s.sql()).startsWith("SELECT * FROM keyline_key_account "));
    }

    private static AccountProfile profileWithBranches(int branches) {
        return new AccountProfile(branches, Money.zero(), BigDecimal.ZERO, Money.zero(), BigDecimal.ZERO, false, false, 0, 0);
    }

    private void edit(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isOne();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
