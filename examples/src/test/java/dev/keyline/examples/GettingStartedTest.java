package dev.keyline.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.NetworkAverages;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.SpendFold;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.spi.Notification;
import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guide's "Events of your own" run on the in-memory provider and on H2 through HikariCP,
 * and its classification examples on a second set of facts, so the guide stays true on both providers.
 */
class GettingStartedTest {

    /** The guide's example event. */
    record NoticePosted(EventId eventId, Instant occurredAt, String aggregateId, String text) implements DomainEvent {
        @Override
        public String type() {
            return "host.notice-posted";
        }
    }

    private static void commitAndRelay(StorageProvider storage) {
        List<Notification> received = new CopyOnWriteArrayList<>();
        Keyline keyline = Keyline.builder()
                .storage(storage)
                .sink(received::add)
                .build();

        keyline.run(command -> command.publish(
                new NoticePosted(EventId.random(), command.now(), "notice-1", "DDN circuit needed by 15 July")));
        RelayReport report = keyline.relay().pumpUntilIdle(10);

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo("host.notice-posted");
            assertThat(n.attempt()).isEqualTo(1);
            assertThat(n.payload()).contains("DDN circuit needed by 15 July");
        });
    }

    @Test
    void inMemory() {
        commitAndRelay(new InMemoryStorage());
    }

    @Test
    void jdbcOnH2ThroughHikari() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:getting-started");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcStorage storage = JdbcStorage.builder(dataSource).migrate(true).build();
            assertThat(storage.name()).isEqualTo("jdbc:h2");
            commitAndRelay(storage);
        }
    }

    @Test
    void classification() {
        LocalNetworkId km = new LocalNetworkId("KM");
        Instant billed = Instant.parse("2024-03-01T00:00:00Z");
        List<SpendFact> facts = List.of(
                SpendFact.original(new SpendFactId("f1"), new AccountId("KM-0001"), km, YearMonth.of(2024, 1), Money.cny("18250.00"), billed),
                SpendFact.original(new SpendFactId("f2"), new AccountId("KM-0001"), km, YearMonth.of(2024, 2), Money.cny("21400.50"), billed),
                SpendFact.original(new SpendFactId("f3"), new AccountId("KM-0002"), km, YearMonth.of(2024, 2), Money.cny("20200.00"), billed));

        Map<AccountId, Money> averages = SpendAverages.over(facts, Set.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)));
        Classification keyAccounts = RevenueShareRule.standard().classify(km, averages);

        // (18250.00 + 21400.50) / 2 = 19825.25 and 20200.00 / 2 = 10100.00; 30 % of 29925.25 is reached by KM-0001
        assertThat(averages).containsEntry(new AccountId("KM-0001"), Money.cny("19825.25"))
                .containsEntry(new AccountId("KM-0002"), Money.cny("10100.00"));
        assertThat(keyAccounts.keyAccountIds()).containsExactly(new AccountId("KM-0001"));
        assertThat(keyAccounts.threshold()).contains(Money.cny("19825.25"));
    }

    @Test
    void classificationOverAStreamingFold() {
        LocalNetworkId km = new LocalNetworkId("KM");
        Instant billed = Instant.parse("2024-07-01T00:00:00Z");
        List<SpendFact> factsByAccount = List.of(
                SpendFact.original(new SpendFactId("f1"), new AccountId("KM-0001"), km, YearMonth.of(2024, 1), Money.cny("18250.00"), billed),
                SpendFact.original(new SpendFactId("f2"), new AccountId("KM-0001"), km, YearMonth.of(2024, 2), Money.cny("21400.50"), billed),
                SpendFact.original(new SpendFactId("f3"), new AccountId("KM-0002"), km, YearMonth.of(2024, 2), Money.cny("20200.00"), billed));

        Set<YearMonth> window = AssessmentWindow.endingBefore(LocalDate.of(2024, 7, 1), 6).months();
        SpendFold fold = SpendFold.over(window);
        factsByAccount.forEach(fold::add);              // the facts of one account one after another
        Map<LocalNetworkId, NetworkAverages> byNetwork = fold.averages();
        Classification classification = RevenueShareRule.standard().classify(byNetwork.get(new LocalNetworkId("KM")));

        // six months: (18250.00 + 21400.50) / 6 = 6608.42 (half-even) and 20200.00 / 6 = 3366.67
        assertThat(classification).isEqualTo(RevenueShareRule.standard().classify(km, SpendAverages.over(factsByAccount, window)));
        assertThat(classification.keyAccountIds()).containsExactly(new AccountId("KM-0001"));
        assertThat(classification.threshold()).contains(Money.cny("6608.42"));
    }
}
