package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.jdbc.StatementLog.Counted;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.time.Duration;
import java.time.ZoneOffset;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.tck.TestClock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JDBC calls of the key-account area's typical commands and of a find, counted on a real
 * database through {@link StatementLog}, so that a regression in round trips fails the build
 * (counting is deterministic; timing belongs in the benchmarks). The command mix is one account's
 * life as the benchmarks run it: register; assign the account manager and activate, in one
 * transaction; then two commands that record three spend facts each. Runs on H2 and PostgreSQL
 * through its subclasses.
 */
abstract class StatementCountContract {

    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final Actor ZHOU = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
    private static final UserId WANG = new UserId("wang");
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private final StatementLog log = new StatementLog();
    private Keyline keyline;
    private KeyAccounts accounts;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() {
        TestDatabases.emptyStorage(dataSource());
        JdbcStorage storage = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).build();
        keyline = Keyline.builder().storage(storage).build();
        accounts = KeyAccounts.on(keyline);
    }

    @Test
    void registeringIsOneInsertOfTheAccountAndOneOfItsEventsWithoutAnExistenceCheck() {
        Counted register = log.count(() -> register("KA1"));

        assertThat(register.ofKind("SELECT")).as("%s", register).isEmpty();
        assertThat(register.statements()).as("%s", register).hasSize(2);
        assertThat(register.calls("commit")).isOne();
        // on PostgreSQL both inserts in one round trip at the commit
        assertThat(register.roundTrips()).as("%s", register).isEqualTo(sendsTogether() ? 1 : 2);
    }

    @Test
    void aTransactionDoesNotAskTheConnectionForItsSettings() {
        register("KA0");
        Counted register = log.count(() -> register("KA1"));

        assertThat(register.calls("getTransactionIsolation")).as("%s", register).isZero();
        assertThat(register.calls("getAutoCommit")).as("%s", register).isZero();
        assertThat(register.calls("setAutoCommit")).as("%s", register).isLessThanOrEqualTo(2);
    }

    @Test
    void assigningAndActivatingInOneTransactionReadsTheAccountOnce() {
        AccountId id = register("KA1").id();

        Counted change = log.count(() -> keyline.run(ctx -> {
            accounts.assignManager(ZHOU, id, WANG);
            accounts.activate(ZHOU, id);
        }));

        // no read: the account registered is kept at its version and trusted, shared by both commands
        assertThat(change.ofKind("SELECT")).as("%s", change).isEmpty();
        // both commands' versioned updates go as one batch at the commit, and so do their events
        assertThat(change.ofKind("UPDATE")).as("%s", change).singleElement()
                .satisfies(s -> assertThat(s.rows()).isEqualTo(2));
        assertThat(change.ofKind("INSERT")).as("%s", change).singleElement()
                .satisfies(s -> assertThat(s.touches("keyline_outbox")).isTrue())
                .satisfies(s -> assertThat(s.rows()).isEqualTo(2));
        // on PostgreSQL both batches in one round trip
        assertThat(change.statementsAndCommits()).as("%s", change).isEqualTo(sendsTogether() ? 2 : 3);
        assertThat(change.ofKind("DELETE")).as("%s", change).isEmpty();
        assertThat(accounts.get(id).accountManager()).contains(WANG);
    }

    @Test
    void recordingSpendReadsTheAccountOnceAndLeavesDuplicateIdsToTheUniqueIndex() {
        AccountId id = register("KA1").id();
        keyline.run(ctx -> {
            accounts.assignManager(ZHOU, id, WANG);
            accounts.activate(ZHOU, id);
        });

        Counted spend = log.count(() -> accounts.recordSpend(ZHOU, facts(id, 0)));

        assertThat(spend.statements()).as("%s", spend).noneMatch(s -> s.kind().equals("SELECT")
                && s.touches("keyline_spend_fact"));
        // the access check's load trusted the state this storage saved; its version is checked before the commit
        assertThat(spend.ofKind("SELECT")).as("%s", spend).singleElement()
                .satisfies(s -> assertThat(s.sql()).startsWith("SELECT account_id, version FROM keyline_key_account"));
        assertThat(spend.ofKind("INSERT")).as("%s", spend).hasSize(1).allMatch(s -> s.touches("keyline_spend_fact"));
    }

    @Test
    void oneAccountsFourCommandsTakeAFewRoundTrips() {
        register("KA0"); // the provider has met the pool's connections
        Counted mix = log.count(() -> {
            AccountId id = register("KA1").id();
            keyline.run(ctx -> {
                accounts.assignManager(ZHOU, id, WANG);
                accounts.activate(ZHOU, id);
            });
            accounts.recordSpend(ZHOU, facts(id, 0));
            accounts.recordSpend(ZHOU, facts(id, 3));
        });

        assertThat(mix.calls("commit")).isEqualTo(4);
        assertThat(mix.ofKind("SELECT")).as("%s: the two spend commands' version checks", mix).hasSize(2);
        assertThat(mix.ofKind("DELETE")).as("%s", mix).isEmpty();
        assertThat(mix.calls("getTransactionIsolation") + mix.calls("getAutoCommit")).isZero();
        assertThat(mix.statementsAndCommits()).as("%s", mix).isEqualTo(sendsTogether() ? MIX_ROUND_TRIPS_TOGETHER
                : MIX_ROUND_TRIPS);
    }

    @Test
    void aClaimForOneSinkWritesOneClaimRowAndTheMarksOnlyTheEntriesRows() {
        register("KA1");
        register("KA2");
        Instant now = Instant.now();

        java.util.List<dev.keyline.spi.OutboxClaim> claims = new java.util.ArrayList<>();
        Counted claim = log.count(() -> claims.addAll(keyline.transactions().execute(() -> keyline.storage().outbox()
                .claimDue(now.plusSeconds(1), java.util.Set.of("sink"), 10, now.plusSeconds(60)))));

        assertThat(claims).hasSize(2);
        assertThat(claim.statements()).as("%s", claim).noneMatch(s -> !s.kind().equals("SELECT")
                && (s.touches("keyline_outbox") || s.touches("keyline_outbox_delivery")));
        assertThat(claim.ofKind("INSERT")).as("%s", claim).singleElement()
                .satisfies(s -> assertThat(s.touches("keyline_outbox_claim")).isTrue())
                .satisfies(s -> assertThat(s.rows()).isEqualTo(1));

        Counted marks = log.count(() -> assertThat(keyline.transactions().execute(() -> keyline.storage().outbox()
                .markAll(claims.stream().map(c -> dev.keyline.spi.OutboxMark.delivered(c, now.plusSeconds(2))).toList())))
                .containsExactly(true, true));

        assertThat(marks.statements()).as("%s", marks).noneMatch(s -> !s.kind().equals("SELECT")
                && s.touches("keyline_outbox_delivery"));
        assertThat(marks.ofKind("UPDATE")).as("%s: the entries' status, in one statement", marks).singleElement()
                .satisfies(s -> assertThat(s.touches("keyline_outbox")).isTrue());
        assertThat(marks.ofKind("DELETE")).as("%s: the claim row, its entries marked", marks).singleElement()
                .satisfies(s -> assertThat(s.touches("keyline_outbox_claim")).isTrue());
    }

    @Test
    void theRelaysStatementsNameABatchsIdsAsOneArrayOnPostgresqlAndAsAnInListOnH2() {
        register("KA1");
        Instant now = Instant.now();
        List<String> ofOne = relayTexts(now, 1);
        register("KA2");
        register("KA3");
        register("KA4");
        List<String> ofThree = relayTexts(now, 3);

        if (sendsTogether()) {
            // one text per statement whatever the batch's size: nothing for the server to prepare again
            assertThat(ofThree).as("the statements of a batch of three against one of one").isEqualTo(ofOne);
            assertThat(ofThree).as("no IN list of placeholders").noneMatch(t -> t.matches("(?s).*IN \\(\\?, \\?.*"));
        } else {
            assertThat(ofThree).as("H2's IN lists grow with the batch").isNotEqualTo(ofOne);
            assertThat(ofThree.stream().map(StatementCountContract::oneInList).toList()).as("but for the IN lists")
                    .isEqualTo(ofOne.stream().map(StatementCountContract::oneInList).toList());
        }
    }

    /** The texts of one claim for one sink, which must claim {@code expected} entries, and of their marks. */
    private List<String> relayTexts(Instant now, int expected) {
        java.util.List<dev.keyline.spi.OutboxClaim> claims = new java.util.ArrayList<>();
        Counted claim = log.count(() -> claims.addAll(keyline.transactions().execute(() -> keyline.storage().outbox()
                .claimDue(now.plusSeconds(1), java.util.Set.of("sink"), 10, now.plusSeconds(60)))));
        assertThat(claims).hasSize(expected);
        Counted marks = log.count(() -> assertThat(keyline.transactions().execute(() -> keyline.storage().outbox()
                .markAll(claims.stream().map(c -> dev.keyline.spi.OutboxMark.delivered(c, now.plusSeconds(2))).toList())))
                .containsOnly(true));
        List<String> texts = new java.util.ArrayList<>();
        claim.statements().forEach(st -> texts.add(st.sql()));
        marks.statements().forEach(st -> texts.add(st.sql()));
        return texts;
    }

    /** The text with every list of placeholders cut to one placeholder. */
    private static String oneInList(String sql) {
        return sql.replaceAll("\\?(, \\?)+", "?");
    }

    @Test
    void aClaimForTwoSinksWritesADeliveryRowPerEntryAndSinkAndLeavesTheEntriesRowsAlone() {
        register("KA1");
        register("KA2");
        Instant now = Instant.now();

        Counted claim = log.count(() -> assertThat(keyline.transactions().execute(() -> keyline.storage().outbox()
                .claimDue(now.plusSeconds(1), java.util.Set.of("sink", "other"), 10, now.plusSeconds(60)))).hasSize(4));

        assertThat(claim.statements()).as("%s", claim).noneMatch(s -> !s.kind().equals("SELECT")
                && s.touches("keyline_outbox"));
        assertThat(claim.ofKind("INSERT")).as("%s", claim).singleElement()
                .satisfies(s -> assertThat(s.touches("keyline_outbox_delivery")).isTrue())
                .satisfies(s -> assertThat(s.rows()).isEqualTo(4));
    }

    @Test
    void aFindOfAnAccountAnotherStorageSavedReadsEachTableOnce() {
        // another storage on the same database, as another process or node would be
        Keyline other = Keyline.builder().storage(JdbcStorage.builder(dataSource()).migrate(false).build()).build();
        KeyAccounts elsewhere = KeyAccounts.on(other);
        AccountId id = elsewhere.register(ZHOU, new AccountId("KA1"), "Customer KA1", SUZHOU, Industry.FINANCE).id();
        other.run(ctx -> {
            elsewhere.assignManager(ZHOU, id, WANG);
            elsewhere.activate(ZHOU, id);
        });

        Counted find = log.count(() -> assertThat(accounts.find(id)).isPresent());

        assertThat(find.statements()).as("%s", find).hasSize(3).allMatch(s -> s.kind().equals("SELECT"));
        for (String child : List.of("keyline_key_account_churn_signal", "keyline_key_account_tier_change")) {
            assertThat(find.statements()).as("%s", find).filteredOn(s -> s.touches(child)).hasSize(1);
        }
        assertThat(find.calls("commit") + find.calls("rollback")).as("a find is a read: it ends no transaction").isZero();
        assertThat(find.calls("setAutoCommit")).as("a find runs in the connection's auto-commit mode").isZero();
        assertThat(accounts.get(id).accountManager()).contains(WANG);
    }

    @Test
    void laterFindsSendTheChildStatementsTogetherWhereTheDatabaseTakesThem() {
        Keyline other = Keyline.builder().storage(JdbcStorage.builder(dataSource()).migrate(false).build()).build();
        KeyAccounts elsewhere = KeyAccounts.on(other);
        for (String id : List.of("KA1", "KA2")) {
            elsewhere.register(ZHOU, new AccountId(id), "Customer " + id, SUZHOU, Industry.FINANCE);
        }
        Counted first = log.count(() -> assertThat(accounts.find(new AccountId("KA1"))).isPresent());

        Counted later = log.count(() -> assertThat(accounts.find(new AccountId("KA2"))).isPresent());

        assertThat(first.statements()).as("%s", first).hasSize(3);
        if (keyline.storage() instanceof JdbcStorage jdbc && jdbc.session().sendsQueriesTogether()) {
            // PostgreSQL, nothing kept of KA2: the row and both child tables in one statement of
            // three queries, one round trip
            assertThat(later.statements()).as("%s", later).extracting(StatementLog.Executed::sql)
                    .isEqualTo(first.statements().stream().map(StatementLog.Executed::sql).toList());
            assertThat(later.roundTrips()).as("%s", later).isOne();
        } else {
            assertThat(later.statements()).as("%s", later).extracting(StatementLog.Executed::sql)
                    .isEqualTo(first.statements().stream().map(StatementLog.Executed::sql).toList());
        }
        assertThat(later.calls("commit") + later.calls("rollback")).as("a find is a read: it ends no transaction").isZero();
    }

    @Test
    void aFindOfAnAccountThisStorageSavedReadsItsRowOnly() {
        AccountId id = register("KA1").id();
        keyline.run(ctx -> {
            accounts.assignManager(ZHOU, id, WANG);
            accounts.activate(ZHOU, id);
        });

        Counted find = log.count(() -> assertThat(accounts.find(id)).get()
                .satisfies(a -> assertThat(a.accountManager()).contains(WANG)));

        assertThat(find.statements()).as("%s", find).singleElement()
                .satisfies(s -> assertThat(s.sql()).startsWith("SELECT * FROM keyline_key_account WHERE"));
        assertThat(find.calls("commit") + find.calls("rollback")).as("a find is a read: it ends no transaction").isZero();
    }

    @Test
    void withTheCacheOffAFindReadsEachTableOnce() {
        Keyline cold = Keyline.builder()
                .storage(JdbcStorage.builder(log.wrap(dataSource())).migrate(false).cachedAggregateRows(0).build()).build();
        KeyAccounts coldAccounts = KeyAccounts.on(cold);
        AccountId id = coldAccounts.register(ZHOU, new AccountId("KA1"), "Customer KA1", SUZHOU, Industry.FINANCE).id();

        Counted find = log.count(() -> assertThat(coldAccounts.find(id)).isPresent());

        assertThat(find.statements()).as("%s", find).hasSize(3).allMatch(s -> s.kind().equals("SELECT"));
    }

    @Test
    void ordersOpenedInOneTransactionAreOneBatchPerTableAndACommit() {
        ProvisioningOrderRepository orders = keyline.storage().port(ProvisioningOrderRepository.class);
        int count = 10;

        Counted bulk = log.count(() -> keyline.transactions().run(() -> {
            for (int n = 0; n < count; n++) {
                ProvisioningOrder order = order("PO-" + n);
                keyline.run(ctx -> ctx.save(orders, order));
            }
        }));

        // as hand-written JDBC does it: the orders, their stages, their predecessors and their
        // events, one batch each, sent at the commit
        assertThat(bulk.statements()).as("%s", bulk).hasSize(4).allMatch(s -> s.kind().equals("INSERT"));
        assertThat(bulk.statements()).extracting(StatementLog.Executed::rows).containsExactlyInAnyOrder(count,
                3 * count, 2 * count, count);
        assertThat(bulk.calls("commit")).isOne();
        assertThat(bulk.statementsAndCommits()).isEqualTo(5);
    }

    @Test
    void aHundredOrdersOpenedInOneTransactionAreCopiedOnPostgresqlAndReadBackTheSame() {
        ProvisioningOrderRepository orders = keyline.storage().port(ProvisioningOrderRepository.class);
        int count = PostgresCopy.FEWEST_ROWS;
        List<ProvisioningOrder> opened = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ProvisioningOrder order = order("PO-" + n);
            if (n % 2 == 1) {
                // a started stage: its instants, clock and flags set, beside the nulls of the others
                order.start(new StageId("S1"), BusinessCalendar.allDays(ZoneOffset.UTC), T0.plusSeconds(n).plusNanos(n * 1_000L));
            }
            opened.add(order);
        }

        Counted bulk = log.count(() -> keyline.transactions().run(() -> {
            for (ProvisioningOrder order : opened) {
                keyline.run(ctx -> ctx.save(orders, order));
            }
        }));

        List<StatementLog.Executed> orderRows = bulk.statements().stream().filter(s -> s.touches("keyline_provisioning_order")
                || s.touches("keyline_provisioning_stage") || s.touches("keyline_provisioning_stage_after")).toList();
        // PostgreSQL: the orders, their stages, their predecessors and their events, a copy each, one
        // round trip each; elsewhere a batch each
        assertThat(bulk.statements()).as("%s", bulk).hasSize(4)
                .allMatch(s -> s.kind().equals(sendsTogether() ? "COPY" : "INSERT"));
        assertThat(orderRows).as("%s", bulk).extracting(StatementLog.Executed::rows)
                .containsExactlyInAnyOrder(count, 3 * count, 2 * count);
        assertThat(bulk.statements()).as("%s", bulk).filteredOn(s -> s.touches("keyline_outbox"))
                .extracting(StatementLog.Executed::rows).as("an event per order opened and per stage started")
                .containsExactly(count + count / 2);
        assertThat(bulk.calls("commit")).isOne();
        assertThat(bulk.statementsAndCommits()).as("%s", bulk).isEqualTo(5);
        JdbcStorage cold = JdbcStorage.builder(dataSource()).migrate(false).cachedAggregateRows(0).build();
        ProvisioningOrderRepository read = cold.port(ProvisioningOrderRepository.class);
        for (ProvisioningOrder order : opened) {
            assertThat(cold.transactions().execute(() -> read.get(order.id())).snapshot()).isEqualTo(order.snapshot());
        }
    }

    private static ProvisioningOrder order(String id) {
        return ProvisioningOrder.open(new ProvisioningOrderId(id), PARTIES, threeStages(), threeAssignments(), T0,
                BusinessCalendar.allDays(ZoneOffset.UTC), ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.empty());
    }

    private static final ProvisioningParties PARTIES = new ProvisioningParties(new AccountId("KA1"), new ProductCode("DDN"),
            SUZHOU, new UserId("am-1"), new UserId("it-1"));

    /** Three stages of a day each, in a row: S1, S2, S3. */
    private static StagePlan threeStages() {
        List<PlannedStage> stages = new ArrayList<>();
        StageId previous = null;
        for (int i = 1; i <= 3; i++) {
            StageId stage = new StageId("S" + i);
            stages.add(new PlannedStage(stage, Duration.ofDays(1), previous == null ? List.of() : List.of(previous)));
            previous = stage;
        }
        return StagePlan.of(stages);
    }

    /** The three stages' stations, each run by station manager sm-1 and executor ex-1. */
    private static List<StageAssignment> threeAssignments() {
        List<StageAssignment> assignments = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            assignments.add(new StageAssignment(new StageId("S" + i), new WorkOrderStation("ST-" + i), SUZHOU,
                    new UserId("sm-1"), new UserId("ex-1")));
        }
        return assignments;
    }

    /** The check of the versions of kept states a transaction's loads trusted; group 1 the table. */
    private static final java.util.regex.Pattern VERSION_CHECK = java.util.regex.Pattern.compile(
            "(?is)SELECT \\w+, version FROM (\\w+) WHERE .*");

    @TestFactory
    List<DynamicTest> everyAreasCommandAndLoadSpendNoRoundTripOnWhatTheTransactionKnows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReliabilityAreas.Area area : ReliabilityAreas.ALL) {
            tests.add(DynamicTest.dynamicTest(area.name(), () -> countArea(area)));
        }
        return tests;
    }

    private void countArea(ReliabilityAreas.Area area) {
        TestDatabases.emptyStorage(dataSource());
        JdbcStorage storage = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).build();
        Keyline areaKeyline = Keyline.builder().storage(storage).clock(TestClock.at(Instant.parse("2027-03-02T08:00:00Z")))
                .build();
        area.setup().run(areaKeyline);
        area.command().run(areaKeyline, 1);

        Counted command = log.count(() -> area.command().run(areaKeyline, 2));
        Counted load = log.count(() -> area.load().run(areaKeyline, 2));
        System.out.println("Statement count, " + area.name() + ": command " + command.statements().size()
                + " statements + " + command.calls("commit") + " commit, load " + load.statements().size() + " statements");

        for (Counted counted : List.of(command, load)) {
            assertThat(counted.calls("getTransactionIsolation") + counted.calls("getAutoCommit"))
                    .as("%s: %s", area.name(), counted).isZero();
            // a version is read only to check a kept state a load trusted, never after reading the row
            for (StatementLog.Executed check : counted.statements()) {
                java.util.regex.Matcher version = VERSION_CHECK.matcher(check.sql());
                if (version.matches()) {
                    assertThat(counted.statements()).as("%s: no version is read again after a load: %s", area.name(),
                            counted).noneMatch(st -> st.sql().startsWith("SELECT * FROM " + version.group(1) + " "));
                }
            }
            assertThat(counted.statements()).as("%s: no stored children are counted again: %s", area.name(), counted)
                    .noneMatch(st -> st.sql().contains("AS stored_rows"));
        }
        // a load reads each table once
        assertThat(load.statements().stream().map(StatementLog.Executed::sql).distinct().count())
                .as("%s: %s", area.name(), load).isEqualTo(load.statements().size());
    }

    /**
     * Statements and commits of the mix: register 2 (the account, its event); assign and activate 2
     * (no load: the state this storage committed is trusted, and both commands' versioned updates,
     * sent as one batch at the commit, check its version; their events go as another batch); each
     * spend command 2 (the account's version checked before the commit, as the access check used
     * the kept account without saving it, and one multi-row insert); 4 commits. It was 35, and 16
     * calls reading or changing connection settings, before loads were shared and existence checks
     * left to the keys, 21 before the transaction queued the saves' writes and sent them as
     * batches, 19 before committed saves were kept, and 13 before kept states were trusted.
     */
    private static final int MIX_ROUND_TRIPS = 12;

    /**
     * The round trips and commits of the mix on PostgreSQL, where a flush sends the statements of
     * several tables together: register 1 and assign-and-activate 1, each its inserts or updates
     * in one round trip; each spend command 1, the insert (a query, which tells at once which ids
     * were taken) after the version check of the account the access check trusted, in one round
     * trip; 4 commits.
     */
    private static final int MIX_ROUND_TRIPS_TOGETHER = 8;

    /** Whether the storage sends several statements in one round trip (PostgreSQL). */
    private boolean sendsTogether() {
        return keyline.storage() instanceof JdbcStorage jdbc && jdbc.session().sendsQueriesTogether();
    }

    /** The bounds of a mix for the storage's database: those of statements sent together on PostgreSQL. */
    private List<Integer> bounds(Map<Loads, List<Integer>> oneByOne, Map<Loads, List<Integer>> together, Loads loads) {
        return (sendsTogether() ? together : oneByOne).get(loads);
    }

    /**
     * The most statements and commits of each command of the benchmarks' reservation mix (one
     * reservation of 4 units in a pool that holds nothing else), one commit each.
     *
     * <p>With the cache of committed saves off: reserve 9: the pool's load (its row, its
     * holdings), its save (the versioned update, the one new holding row inserted, the movement),
     * the reservation's insert, the expiry timer replaced (a delete, then its row in one batch with
     * the command's event). Extend 5: the reservation's load and update, the timer's delete, the
     * event and the timer's row in one batch. Allocate all 10: both
     * loads (3), the pool's save (the update, the holding row updated from reserved to allocated,
     * the movement), the reservation's update, both events in one batch, the timer cancelled (a
     * holding row or a few that changed are updated by line, not written again with the others).
     * Release 7: the pool's load (2), save (the update, the holding row deleted, the movement) and
     * event.
     *
     * <p>With the cache on and rows read at each load: the pool's load is its row only, one
     * statement less for reserve, allocate and release. With kept states trusted (the default): no
     * read of the pool or of the reservation at all, one statement less again for each command
     * and two for allocate, which loads both.
     *
     * <p>The raw side needs 5, 3, 6 and 4 statements, plus the commit: no loads, one outbox batch
     * per command and a moved timer updated in place.
     */
    private static final Map<Loads, List<Integer>> RESERVATION_MIX = Map.of(Loads.TRUSTED, List.of(7, 4, 7, 5),
            Loads.ROW_READ, List.of(8, 5, 9, 6), Loads.COLD, List.of(9, 5, 10, 7));

    /**
     * The reservation mix's round trips and commits where a flush sends its statements together
     * (PostgreSQL): trusted, 2 for each command, its writes in one round trip (the timer's delete
     * among them, before its new row: the runtime sets its timers without asking whether one was
     * replaced) and the commit. With rows read, one more for each load. Before timers were set and
     * cleared with the queued writes, reserve and extend took 3 (the timer's delete went ahead, as
     * it told whether a timer was replaced) and so did allocate (the rows written before the cancel,
     * the cancel, the rest).
     */
    private static final Map<Loads, List<Integer>> RESERVATION_MIX_TOGETHER = Map.of(Loads.TRUSTED, List.of(2, 2, 2, 2),
            Loads.ROW_READ, List.of(3, 3, 4, 3), Loads.COLD, List.of(3, 3, 4, 3));

    /**
     * The most statements and commits of each command of the benchmarks' SLA-order mix, one commit
     * each. With the cache off: draft 4: the SLA row, its agreements in one batch, its event. Sign,
     * sign, accept an order and complete it 12 each: the SLA's load (its row and its seven child
     * tables), its versioned update, the entry added and its event; approve 11 (no entry). With
     * the cache on and rows read: the SLA's load is its row only, 5 (approve 4) instead of 12.
     * Trusted: no load, 4 (approve 3), the raw side's 3 (or 2) statements and the commit.
     */
    private static final Map<Loads, List<Integer>> SLA_ORDER_MIX = Map.of(Loads.TRUSTED, List.of(4, 4, 4, 3, 4, 4),
            Loads.ROW_READ, List.of(4, 5, 5, 4, 5, 5), Loads.COLD, List.of(4, 12, 12, 11, 12, 12));

    /**
     * The SLA-order mix's round trips and commits on PostgreSQL: each command's writes in one round
     * trip, and the commit; with rows read one more for the load, and with the cache off the same,
     * its eight statements sent together.
     */
    private static final Map<Loads, List<Integer>> SLA_ORDER_MIX_TOGETHER = Map.of(Loads.TRUSTED, List.of(2, 2, 2, 2, 2, 2),
            Loads.ROW_READ, List.of(2, 3, 3, 3, 3, 3), Loads.COLD, List.of(2, 3, 3, 3, 3, 3));

    /**
     * The most statements and commits of each command of the benchmarks' budget-commitment mix, one
     * commit each. With the cache off: set the targets 5: the budget row, its alert shares, its
     * first status change, its event. Every later command 12: the budget's load (its row and its
     * seven child tables), its versioned update, what the command appended or planned (a status
     * change, ledger entries or the new line) and its event; the lines and challenges are written
     * only by the command that changed them. With the cache on and rows read: the budget's load is
     * its row only, 5 each. Trusted: no load, 4, the raw side's 3 statements and the commit.
     */
    private static final Map<Loads, List<Integer>> BUDGET_COMMITMENT_MIX = Map.of(
            Loads.TRUSTED, List.of(5, 4, 4, 4, 4, 4, 4, 4), Loads.ROW_READ, List.of(5, 5, 5, 5, 5, 5, 5, 5),
            Loads.COLD, List.of(5, 12, 12, 12, 12, 12, 12, 12));

    /** The budget-commitment mix's round trips and commits on PostgreSQL, as the SLA order's. */
    private static final Map<Loads, List<Integer>> BUDGET_COMMITMENT_MIX_TOGETHER = Map.of(
            Loads.TRUSTED, List.of(2, 2, 2, 2, 2, 2, 2, 2), Loads.ROW_READ, List.of(2, 3, 3, 3, 3, 3, 3, 3),
            Loads.COLD, List.of(2, 3, 3, 3, 3, 3, 3, 3));

    /**
     * The runtime of the mixes on empty tables: its clock at a time in the SLA's and the budget's
     * year, loading as {@code loads} says.
     */
    private Keyline mixKeyline(Loads loads) {
        TestDatabases.emptyStorage(dataSource());
        JdbcStorage storage = JdbcStorage.builder(log.wrap(dataSource())).migrate(false)
                .cachedAggregateRows(loads == Loads.COLD ? 0 : JdbcSession.DEFAULT_CACHED_AGGREGATE_ROWS)
                .trustKeptStates(loads == Loads.TRUSTED).build();
        return Keyline.builder().storage(storage).clock(TestClock.at(Instant.parse("2026-03-02T02:00:00Z"))).build();
    }

    /** How the mixes' storages load the aggregates they kept. */
    enum Loads {
        /** The default: a kept state is trusted without reading its row, and checked later. */
        TRUSTED(""),
        /** Kept states are trusted at the version of the parent row, read at every load. */
        ROW_READ(", rows read"),
        /** Nothing is kept: every load reads the parent row and its child tables. */
        COLD(", cache off");

        private final String label;

        Loads(String label) {
            this.label = label;
        }
    }

    /** Counts each command of a mix, the mix run once before for a warm provider, and checks them against the bounds. */
    private void countMix(String mix, List<Integer> bounds, java.util.function.IntFunction<List<Runnable>> commands) {
        commands.apply(0).forEach(Runnable::run);
        List<Counted> counted = new ArrayList<>();
        for (Runnable command : commands.apply(1)) {
            counted.add(log.count(command));
        }
        System.out.println("Statement count, " + mix + " mix: " + counted.stream()
                .map(c -> c.statements().size() + "+" + c.calls("commit") + " in " + c.statementsAndCommits()).toList());
        assertThat(counted).hasSameSizeAs(bounds);
        for (int i = 0; i < counted.size(); i++) {
            Counted c = counted.get(i);
            assertThat(c.calls("commit")).as("%s command %d: %s", mix, i + 1, c).isOne();
            assertThat(c.calls("getTransactionIsolation") + c.calls("getAutoCommit")).as("%s command %d: %s", mix, i + 1, c)
                    .isZero();
            assertThat(c.statementsAndCommits()).as("%s command %d: %s", mix, i + 1, c).isLessThanOrEqualTo(bounds.get(i));
        }
    }

    @Test
    void theReservationMixsCommandsTakeAFewRoundTripsEach() {
        for (Loads loads : Loads.values()) {
            reservationMix(loads);
        }
    }

    private void reservationMix(Loads loads) {
        ResourcePools pools = ResourcePools.on(mixKeyline(loads));
        PoolId pool = new PoolId("POOL-1");
        Actor gm = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
        pools.openPool(gm, pool, ResourceType.DDN_PORT, new PoolLocation(SUZHOU, "EXCH-1"), 10_000, Duration.ZERO);
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        countMix("reservation" + loads.label, bounds(RESERVATION_MIX, RESERVATION_MIX_TOGETHER, loads), n -> {
            ReservationId id = new ReservationId("RS-" + n);
            AllocationId allocation = new AllocationId("AL-" + n);
            return List.of(
                    () -> pools.reserve(gm, pool, id, new ReservationTerms(new AccountId("KA-1"), ReservationPurpose.ORDER,
                            "PO-" + n, 4, now, now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(5)))),
                    () -> pools.redate(gm, id, now.plus(Duration.ofDays(10))),
                    () -> pools.allocate(gm, id, allocation, 4),
                    () -> pools.release(gm, pool, allocation));
        });
    }

    /**
     * The most statements and commits of each command of the benchmarks' provisioning mix (an
     * order of three stages opened, its first stage started, then done), one commit each. Open 5:
     * the order, its stages, its predecessors, its event. Start and complete, with kept states
     * trusted (the default), 4 each: the order's versioned update, the stages that changed updated
     * in one batch, the event, the commit, as the raw side; with rows read at each load 5, the
     * order's row read first (this storage saved it at that version); with the cache off 8, the
     * order's row and its three child tables. Before the stages were updated by row, start and
     * complete deleted the order's stages and inserted them all again (6 each with the cache on, 9
     * off).
     */
    private static final Map<Loads, List<Integer>> PROVISIONING_MIX = Map.of(Loads.TRUSTED, List.of(5, 4, 4),
            Loads.ROW_READ, List.of(5, 5, 5), Loads.COLD, List.of(5, 8, 8));

    /**
     * The provisioning mix's round trips and commits on PostgreSQL: each command's writes (the
     * order's update, its changed stages, its event) in one round trip, and the commit; one more
     * for the load with rows read or the cache off.
     */
    private static final Map<Loads, List<Integer>> PROVISIONING_MIX_TOGETHER = Map.of(Loads.TRUSTED, List.of(2, 2, 2),
            Loads.ROW_READ, List.of(2, 3, 3), Loads.COLD, List.of(2, 3, 3));

    @Test
    void theProvisioningMixsCommandsTakeAFewRoundTripsEachAndUpdateTheChangedStagesOnly() {
        for (Loads loads : Loads.values()) {
            Keyline mix = mixKeyline(loads);
            ProvisioningOrderRepository orders = mix.storage().port(ProvisioningOrderRepository.class);
            countMix("provisioning" + loads.label, bounds(PROVISIONING_MIX, PROVISIONING_MIX_TOGETHER, loads), n -> provisioningMix(mix, orders, "PO-" + n));

            // the stage rows written by each command: all three by the open, then the changed ones
            List<Runnable> commands = provisioningMix(mix, orders, "PO-X");
            List<List<String>> stageWrites = new ArrayList<>();
            for (Runnable command : commands) {
                stageWrites.add(log.count(command).statements().stream()
                        .filter(st -> st.touches("keyline_provisioning_stage") && !st.kind().equals("SELECT"))
                        .map(st -> st.kind() + " " + st.rows()).toList());
            }
            assertThat(stageWrites).as("%s", loads)
                    .containsExactly(List.of("INSERT 3"), List.of("UPDATE 1"), List.of("UPDATE 2"));
            ProvisioningOrder stored = mix.transactions().execute(() -> orders.get(new ProvisioningOrderId("PO-X")));
            // and what the tables hold is the order the saving storage holds
            assertThat(rereadCold("PO-X").snapshot()).isEqualTo(stored.snapshot());
        }
    }

    /** An order's state as a storage that keeps nothing reads it from the tables. */
    private ProvisioningOrder rereadCold(String id) {
        JdbcStorage cold = JdbcStorage.builder(dataSource()).migrate(false).cachedAggregateRows(0).build();
        ProvisioningOrderRepository orders = cold.port(ProvisioningOrderRepository.class);
        return cold.transactions().execute(() -> orders.get(new ProvisioningOrderId(id)));
    }

    /** The provisioning mix's commands on one order, as the benchmarks run them. */
    private static List<Runnable> provisioningMix(Keyline mix, ProvisioningOrderRepository orders, String id) {
        ProvisioningOrderId orderId = new ProvisioningOrderId(id);
        StageId first = new StageId("S1");
        return List.of(
                () -> mix.run(ctx -> ctx.save(orders, order(id))),
                () -> mix.run(ctx -> {
                    ProvisioningOrder order = orders.get(orderId);
                    order.start(first, BusinessCalendar.allDays(ZoneOffset.UTC), ctx.now());
                    ctx.save(orders, order);
                }),
                () -> mix.run(ctx -> {
                    ProvisioningOrder order = orders.get(orderId);
                    order.complete(first, ctx.now());
                    ctx.save(orders, order);
                }));
    }

    /**
     * The provisioning service's commands on an order of three stages in a row (open, start the
     * first, complete it, start the second), each setting or clearing the stages' warning and due
     * timers (see {@code ProvisioningOrders.stageTimers}): on PostgreSQL each is its writes, timers
     * included, in one round trip and the commit. On H2, where a statement is a call in the same
     * process, setting a timer keeps its delete ahead of the queued writes, one statement per timer
     * set, and the deletes of the timers cleared go as one batch: 6, 8, 5 and 9 statements with the
     * commit. Before the areas set and cleared their timers without asking whether one was pending,
     * every timer set or cancelled was a statement of its own: 11, 11, 10 and 11 on H2, and 8, 9, 8
     * and 9 round trips with the commit on PostgreSQL.
     */
    private static final List<Integer> PROVISIONING_SERVICE = List.of(6, 8, 5, 9);

    /** The provisioning service's commands where a flush sends its statements together (PostgreSQL). */
    private static final List<Integer> PROVISIONING_SERVICE_TOGETHER = List.of(2, 2, 2, 2);

    @Test
    void theProvisioningServicesCommandsSetAndClearTheirStageTimersWithTheirWrites() {
        ProvisioningOrders orders = ProvisioningOrders.on(mixKeyline(Loads.TRUSTED), BusinessCalendar.allDays(ZoneOffset.UTC),
                ProvisioningOrder.DEFAULT_WARNING_SHARE);
        Actor manager = Actor.accountManager(new UserId("am-1"));
        Actor executor = Actor.withRoles(new UserId("ex-1"), Role.STATION_EXECUTOR);
        countMix("provisioning service", sendsTogether() ? PROVISIONING_SERVICE_TOGETHER : PROVISIONING_SERVICE, n -> {
            ProvisioningOrderId id = new ProvisioningOrderId("PS-" + n);
            return List.of(
                    () -> orders.open(manager, id, PARTIES, threeStages(), threeAssignments(), Optional.empty()),
                    () -> orders.start(executor, id, new StageId("S1")),
                    () -> orders.complete(executor, id, new StageId("S1")),
                    () -> orders.start(executor, id, new StageId("S2")));
        });
    }

    @Test
    void theSlaOrderMixsCommandsTakeAFewRoundTripsEach() {
        for (Loads loads : Loads.values()) {
            slaOrderMix(loads);
        }
    }

    private void slaOrderMix(Loads loads) {
        ServiceLevelAgreements slas = ServiceLevelAgreements.on(mixKeyline(loads));
        countMix("SLA order" + loads.label, bounds(SLA_ORDER_MIX, SLA_ORDER_MIX_TOGETHER, loads), n -> {
            SlaId id = new SlaId("SLA-" + n);
            return List.of(
                    () -> slas.draft(SlaSamples.MARKETING, id, MarketingDepartment.GROUP_CUSTOMERS, SUZHOU, SlaTerm.year(2026),
                            2, SlaSamples.terms(), SlaSamples.agreements(12)),
                    () -> slas.sign(SlaSamples.MARKETING, id, SlaParty.MARKETING),
                    () -> slas.sign(SlaSamples.NETWORK_CENTRE, id, SlaParty.NETWORK_CENTRE),
                    () -> slas.approve(SlaSamples.GENERAL_MANAGER, id),
                    () -> slas.acceptOrder(SlaSamples.MARKETING, id, "PO-" + n, SlaSamples.DDN, ServiceClass.D),
                    () -> slas.recordCompletion(SlaSamples.NETWORK_CENTRE, id, "PO-" + n));
        });
    }

    @Test
    void theBudgetCommitmentMixsCommandsTakeAFewRoundTripsEach() {
        for (Loads loads : Loads.values()) {
            budgetCommitmentMix(loads);
        }
    }

    private void budgetCommitmentMix(Loads loads) {
        Budgets budgets = Budgets.on(mixKeyline(loads));
        Actor gm = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
        Actor fm = Actor.withRoles(new UserId("fm"), Role.FINANCIAL_MANAGER);
        BudgetLine line = new BudgetLine(new BudgetLineId("L1"), LineKind.CAPEX, "access network", Money.cny("1200000.00"),
                BudgetControl.uniform(ControlLevel.STOP), null);
        countMix("budget commitment" + loads.label, bounds(BUDGET_COMMITMENT_MIX, BUDGET_COMMITMENT_MIX_TOGETHER, loads), n -> {
            BudgetId id = new BudgetId("BU-" + n);
            CommitmentId request = new CommitmentId("REQ-" + n);
            return List.of(
                    () -> budgets.setTargets(gm, id, BudgetTargets.of(OrgUnit.province(new OrgUnitId("PR-" + n)), 2026, null,
                            Money.cny("5000000.00")), "provincial plan"),
                    () -> budgets.startDraft(fm, id, "drafting"),
                    () -> budgets.planLine(fm, id, line),
                    () -> budgets.submit(fm, id, "for review"),
                    () -> budgets.approve(gm, id, "approved"),
                    () -> budgets.issue(gm, id, "issued"),
                    () -> budgets.bookCommitment(fm, id, line.id(), request, DocumentStage.REQUEST, Money.cny("100000.00"),
                            null),
                    () -> budgets.bookCommitment(fm, id, line.id(), new CommitmentId("ORD-" + n), DocumentStage.ORDER,
                            Money.cny("120000.00"), request));
        });
    }

    private KeyAccountSnapshot register(String id) {
        return accounts.register(ZHOU, new AccountId(id), "Customer " + id, SUZHOU, Industry.FINANCE);
    }

    private static List<SpendFact> facts(AccountId account, int first) {
        List<SpendFact> facts = new ArrayList<>();
        for (int i = first; i < first + 3; i++) {
            facts.add(new SpendFact(new SpendFactId(account.value() + "-F" + i), account, SUZHOU,
                    YearMonth.of(2025, 1 + i), Money.ofCents(600_000 + i, Money.CNY), T0.plusSeconds(i), Optional.empty()));
        }
        return facts;
    }
}
