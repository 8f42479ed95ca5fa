package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC provider adds to the key-account area's compatibility kit: the tables have an
 * index for every query of the ports, rows that break an invariant are reported as corrupt (never
 * trusted), values the columns cannot hold exactly are refused before anything is written, and
 * the rows are plain columns a report can read. Runs on H2 and PostgreSQL through its subclasses.
 */
abstract class JdbcAccountTablesContract {

    private static final Instant T0 = Instant.parse("2024-01-01T08:00:00Z");
    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final UserId CLERK = new UserId("clerk");

    private JdbcStorage storage;
    private OneStatementTransactions sql;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() {
        storage = TestDatabases.emptyStorage(dataSource());
        sql = new OneStatementTransactions(storage);
    }

    @Test
    void everyQueryOfThePortsHasAnIndexLedByItsColumns() throws SQLException {
        assertIndexLedBy("keyline_key_account", "network_id");
        assertIndexLedBy("keyline_key_account", "network_id", "tier");
        assertIndexLedBy("keyline_key_account", "industry");
        assertIndexLedBy("keyline_key_account", "tier");
        assertIndexLedBy("keyline_key_account", "status");
        assertIndexLedBy("keyline_key_account", "account_manager");
        assertIndexLedBy("keyline_key_account_churn_signal", "account_id");
        assertIndexLedBy("keyline_key_account_tier_change", "account_id");
        assertIndexLedBy("keyline_spend_fact", "fact_id");
        assertIndexLedBy("keyline_spend_fact", "account_id", "spend_month");
        assertIndexLedBy("keyline_spend_fact", "network_id", "spend_month");
        assertIndexLedBy("keyline_spend_fact", "corrects");
        assertIndexLedBy("keyline_classification_result", "network_id", "run_date");
        assertIndexLedBy("keyline_classification_member", "network_id", "run_date");
        assertIndexLedBy("keyline_account_plan", "account_id", "plan_year");
        assertIndexLedBy("keyline_account_plan", "network_id", "plan_year");
        assertIndexLedBy("keyline_account_plan_action", "plan_id");
        assertIndexLedBy("keyline_account_plan_resource_item", "plan_id");
        assertIndexLedBy("keyline_price_authorisation", "account_id");
        assertIndexLedBy("keyline_price_authorisation", "state");
        assertIndexLedBy("keyline_price_authorisation_decision", "authorisation_id");
        assertIndexLedBy("keyline_floor_price", "list_id");
    }

    @Test
    void anAccountIsStoredAsPlainColumnsAReportCanRead() {
        KeyAccount account = active(new AccountId("KA1"), new UserId("am-1"));
        account.classify(Tier.LOCAL, "share", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(120));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));

        assertThat(sql.queryOne("SELECT network_id, industry, tier, status, account_manager, annual_turnover, "
                        + "turnover_growth, version FROM keyline_key_account WHERE account_id = ?",
                row -> List.of(row.string("network_id"), row.string("industry"), row.string("tier"), row.string("status"),
                        row.string("account_manager"), row.bigDecimal("annual_turnover").toPlainString(),
                        row.bigDecimal("turnover_growth").toPlainString(), row.longValue("version")), "KA1"))
                .contains(List.of("SZ", "FINANCE", "LOCAL", "ACTIVE", "am-1", "0.00", "0.000000", 1L));
        assertThat(sql.query("SELECT from_tier, to_tier, cause, rule_name, run_date FROM keyline_key_account_tier_change "
                        + "WHERE account_id = ? ORDER BY line_no",
                row -> List.of(row.string("from_tier"), row.string("to_tier"), row.string("cause"), row.string("rule_name"),
                        row.localDate("run_date")), "KA1"))
                .containsExactly(List.of("NONE", "LOCAL", "CLASSIFICATION_RUN", "share", LocalDate.of(2024, 7, 1)));
    }

    @Test
    void anAccountRowThatBreaksAnInvariantIsReportedAsCorruptByFindAndByQueries() {
        KeyAccount account = active(new AccountId("KA1"), new UserId("am-1"));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));
        // an edit outside Keyline raises the version, or the storage that saved the account keeps trusting its own copy;
        // a read then sees the edit at once, a command (whose load trusts the kept copy) at its next attempt
        sql.update("UPDATE keyline_key_account SET account_manager = NULL, version = version + 1 WHERE account_id = ?", "KA1");

        assertThatThrownBy(() -> storage.transactions().read(() -> storage.port(KeyAccountRepository.class).find(account.id())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("KA1")
                .hasMessageContaining("without an account manager");
        assertThatThrownBy(() -> storage.transactions().execute(() -> {
            try (Stream<KeyAccount> found = storage.port(KeyAccountRepository.class).byNetwork(SUZHOU)) {
                return found.toList();
            }
        })).isInstanceOf(CorruptStateException.class).hasMessageContaining("KA1");
    }

    @Test
    void unknownEnumTextAndBrokenChildRowsAreReportedAsCorrupt() {
        KeyAccount account = active(new AccountId("KA1"), new UserId("am-1"));
        account.classify(Tier.LOCAL, "share", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(120));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));

        sql.update("UPDATE keyline_key_account SET industry = 'MINING', version = version + 1 WHERE account_id = ?", "KA1");
        assertThatThrownBy(() -> storage.transactions().read(() -> storage.port(KeyAccountRepository.class).find(account.id())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("industry").hasMessageContaining("MINING");

        sql.update("UPDATE keyline_key_account SET industry = 'FINANCE' WHERE account_id = ?", "KA1");
        sql.update("UPDATE keyline_key_account_tier_change SET from_tier = 'NATIONAL' WHERE account_id = ?", "KA1");
        sql.update("UPDATE keyline_key_account SET version = version + 1 WHERE account_id = ?", "KA1");
        assertThatThrownBy(() -> storage.transactions().read(() -> storage.port(KeyAccountRepository.class).find(account.id())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("tier history");

        sql.update("UPDATE keyline_key_account_tier_change SET from_tier = 'LOCAL', to_tier = 'LOCAL' WHERE account_id = ?",
                "KA1");
        sql.update("UPDATE keyline_key_account SET version = version + 1 WHERE account_id = ?", "KA1");
        assertThatThrownBy(() -> storage.transactions().read(() -> storage.port(KeyAccountRepository.class).find(account.id())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("tier change 1 of key account KA1");
    }

    @Test
    void corruptRowsOfPlansFactsAndResultsAreReportedAsCorrupt() {
        AccountPlan plan = AccountPlan.draw(new AccountPlanId("P1"), new AccountId("KA1"), SUZHOU, Year.of(2024),
                Money.cny("1000.00"), CLERK, T0);
        plan.addAction("visit", CLERK, LocalDate.of(2024, 5, 1), CLERK, T0.plusSeconds(1));
        SpendFact fact = SpendFact.original(new SpendFactId("F1"), new AccountId("KA1"), SUZHOU, YearMonth.of(2024, 1),
                Money.cny("10.00"), T0);
        storage.transactions().run(() -> {
            storage.port(AccountPlanRepository.class).save(plan);
            storage.port(SpendFactRepository.class).append(fact);
        });

        sql.update("UPDATE keyline_account_plan_action SET due_on = ? WHERE plan_id = ?", LocalDate.of(2025, 5, 1), "P1");
        sql.update("UPDATE keyline_account_plan SET version = version + 1 WHERE plan_id = ?", "P1");
        assertThatThrownBy(() -> storage.transactions().read(() -> storage.port(AccountPlanRepository.class).find(plan.id())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("P1").hasMessageContaining("plan year");

        sql.update("UPDATE keyline_spend_fact SET spend_month = '2024-13' WHERE fact_id = ?", "F1");
        assertThatThrownBy(() -> storage.transactions().execute(() -> storage.port(SpendFactRepository.class).find(fact.id())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("spend_month");
        sql.update("UPDATE keyline_spend_fact SET spend_month = '2024-01', currency = 'XY1' WHERE fact_id = ?", "F1");
        assertThatThrownBy(() -> storage.transactions().execute(() -> storage.port(SpendFactRepository.class).byAccount(fact.account())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("currency");

        LocalDate runDate = LocalDate.of(2024, 7, 1);
        ClassificationResult result = new ClassificationResult(SUZHOU, runDate, AssessmentWindow.endingBefore(runDate, 6),
                "share", Optional.of(Money.cny("5000.00")),
                List.of(new ClassifiedAccount(new AccountId("KA1"), Money.cny("6000.00"), Tier.LOCAL)), List.of());
        storage.transactions().run(() -> storage.port(ClassificationResultRepository.class).store(result));
        sql.update("UPDATE keyline_classification_member SET average_monthly_spend = 4999.99 WHERE account_id = ?", "KA1");
        assertThatThrownBy(() -> storage.transactions().execute(() -> storage.port(ClassificationResultRepository.class).latest(SUZHOU)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("SZ").hasMessageContaining("threshold");
    }

    @Test
    void ratiosAreStoredAsNumbersAtTheDomainsScale() {
        KeyAccount account = active(new AccountId("KA1"), new UserId("am-1"));
        account.updateProfile(new AccountProfile(3, Money.cny("1000.00"), new BigDecimal("-0.1"), Money.zero(),
                new BigDecimal("0.25"), false, false, 2, 10), CLERK, T0.plusSeconds(90));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));

        assertThat(sql.queryOne("SELECT turnover_growth, white_collar_share, turnover_growth + white_collar_share AS total "
                        + "FROM keyline_key_account WHERE account_id = ?",
                row -> List.of(row.bigDecimal("turnover_growth"), row.bigDecimal("white_collar_share"),
                        row.bigDecimal("total")), "KA1"))
                .contains(List.of(new BigDecimal("-0.100000"), new BigDecimal("0.250000"), new BigDecimal("0.150000")));
        assertThat(storage.transactions().execute(() -> storage.port(KeyAccountRepository.class).find(account.id())).orElseThrow().profile())
                .isEqualTo(account.profile());
    }

    @Test
    void theLatestAndEarliestMonthsTheDomainAcceptsFitTheColumn() {
        SpendFact first = SpendFact.original(new SpendFactId("F1"), new AccountId("KA1"), SUZHOU, YearMonth.of(1, 1),
                Money.cny("10.00"), T0);
        SpendFact last = SpendFact.original(new SpendFactId("F2"), new AccountId("KA1"), SUZHOU,
                YearMonth.of(9999, 12), Money.cny("10.00"), T0);
        storage.transactions().run(() -> storage.port(SpendFactRepository.class).appendAll(List.of(first, last)));

        assertThat(storage.transactions().execute(() -> storage.port(SpendFactRepository.class).byAccount(new AccountId("KA1"))))
                .containsExactly(first, last);
        assertThatThrownBy(() -> SpendFact.original(new SpendFactId("F3"), new AccountId("KA1"), SUZHOU,
                YearMonth.of(10_000, 1), Money.cny("10.00"), T0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("month").hasMessageContaining("10000-01");
    }

    @Test
    void aDuplicateCommittedWhileAnAppendWaitsForItIsReportedAsAlreadyExists() throws Exception {
        SpendFact fact = SpendFact.original(new SpendFactId("F1"), new AccountId("KA1"), SUZHOU, YearMonth.of(2024, 1),
                Money.cny("10.00"), T0);
        SpendFact rival = SpendFact.original(new SpendFactId("F1"), new AccountId("KA2"), SUZHOU, YearMonth.of(2024, 1),
                Money.cny("20.00"), T0);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> storage.transactions().run(() -> {
                storage.port(SpendFactRepository.class).append(fact);
                inserted.countDown();
                await(release);
            }));
            await(inserted);
            Future<?> second = threads.submit(() -> storage.transactions().run(() -> storage.port(SpendFactRepository.class).append(rival)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!anInsertIsWaiting()) {
                if (System.nanoTime() > deadline || second.isDone()) {
                    release.countDown();
                    throw new AssertionError("the second append never waited for the first transaction's row");
                }
                Thread.sleep(10);
            }
            release.countDown();
            first.get(60, TimeUnit.SECONDS);

            assertThatThrownBy(() -> second.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AlreadyExistsException.class).hasMessageContaining("F1")
                    .hasMessageContaining("concurrent");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(storage.transactions().execute(() -> storage.port(SpendFactRepository.class).find(fact.id()))).contains(fact);
    }

    /** Whether another session is inside an INSERT into keyline_spend_fact, waiting for a row lock. */
    abstract boolean anInsertIsWaiting() throws SQLException;

    private static void await(CountDownLatch latch) {
        Latches.await(latch, 60, "the other transaction did not get there");
    }

    private KeyAccount active(AccountId id, UserId manager) {
        KeyAccount account = KeyAccount.register(id, "Customer " + id, SUZHOU, Industry.FINANCE, CLERK, T0);
        account.assignManager(manager, CLERK, T0.plusSeconds(30));
        account.activate(CLERK, T0.plusSeconds(60));
        return account;
    }

    private void assertIndexLedBy(String table, String... leading) throws SQLException {
        Map<String, List<String>> indexes = new TreeMap<>();
        try (Connection c = dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), storage.dialect().catalogueName(table), false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    int position = rs.getInt("ORDINAL_POSITION");
                    if (index == null || column == null) {
                        continue;
                    }
                    List<String> columns = indexes.computeIfAbsent(index, i -> new ArrayList<>());
                    while (columns.size() < position) {
                        columns.add(null);
                    }
                    columns.set(position - 1, column.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> wanted = List.of(leading);
        assertThat(indexes.values()).as("indexes of %s: %s", table, indexes)
                .anySatisfy(columns -> assertThat(columns.subList(0, Math.min(columns.size(), wanted.size())))
                        .isEqualTo(wanted));
    }
}
