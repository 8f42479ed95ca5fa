package dev.keyline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NetworkAverages;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.SpendFold;
import dev.keyline.domain.account.AccountRegistered;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.WeeklyCalendar;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.json.KeylineJson;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.notification.LoggingSink;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.spi.Notification;
import dev.keyline.spi.account.KeyAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/user-guide.md, run as written: {@link DocSamplesTest} checks that the guide shows
 * each region between the sample markers word for word.
 */
class UserGuideTest {

    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final Actor ZHOU = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);

    @Test
    void wiringInMemory() {
        // sample:wiring-memory:start
        Keyline keyline = Keyline.builder()
                .storage(new InMemoryStorage())                      // dev.keyline.memory
                .sink(notification -> System.out.println(notification.type()))
                .build();
        // sample:wiring-memory:end

        assertThat(keyline.storage().name()).isEqualTo("in-memory");
        assertThat(keyline.sinks()).hasSize(1);
        assertThat(keyline.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void wiringJdbcWithALoggingSink() {
        // sample:wiring-jdbc:start
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:keyline");                   // or jdbc:postgresql://...
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcStorage storage = JdbcStorage.builder(dataSource)   // dev.keyline.jdbc
                    .migrate(true)                                   // apply Keyline's schema migrations now
                    .build();
            Keyline keyline = Keyline.builder()
                    .storage(storage)
                    .sink(LoggingSink.builder().loggerName("keyline.events").build())  // dev.keyline.notification
                    .build();
            // ... the host's work; the pool stays the host's to close
            // sample:wiring-jdbc:end
            assertThat(keyline.storage().name()).isEqualTo("jdbc:h2");
            assertThat(keyline.sinks()).singleElement().isInstanceOf(LoggingSink.class);
        }
    }

    @Test
    void runningACommandThroughARepository() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).build();
        AccountId id = new AccountId("A-BANK");
        KeyAccounts.on(keyline).register(ZHOU, id, "Bank of Suzhou", SUZHOU, Industry.FINANCE);
        UserId manager = new UserId("wang");
        UserId actingUser = ZHOU.user();

        // sample:command:start
        KeyAccountRepository accounts = keyline.storage().port(KeyAccountRepository.class);  // a port of the provider

        keyline.run(command -> {
            KeyAccount account = accounts.get(id);                        // load through the repository
            account.assignManager(manager, actingUser, command.now());    // let the domain decide
            command.save(accounts, account);                              // version check + events to the outbox
        });
        // sample:command:end

        KeyAccount stored = keyline.transactions().execute(() -> accounts.get(id));
        assertThat(stored.accountManager()).contains(manager);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void anEventOfTheHostsOwnIsDeliveredOnce() {
        // sample:host-event:start
        record NoticePosted(EventId eventId, Instant occurredAt, String aggregateId, String text)
                implements DomainEvent {
            public String type() {
                return "host.notice-posted";                        // a stable, dotted type name
            }
        }

        List<Notification> received = new CopyOnWriteArrayList<>();
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).sink(received::add).build();

        keyline.run(command -> command.publish(
                new NoticePosted(EventId.random(), command.now(), "notice-1", "DDN circuit needed by 15 July")));
        RelayReport report = keyline.relay().pumpUntilIdle(10);   // report.delivered() == 1
        // sample:host-event:end

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo("host.notice-posted");
            assertThat(n.attempt()).isEqualTo(1);
            assertThat(n.payload()).contains("DDN circuit needed by 15 July");
        });
    }

    @Test
    void refusedCommandsThrowKeylineExceptionsAndStoreNothing() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).build();
        KeyAccounts accounts = KeyAccounts.on(keyline);
        Actor zhou = ZHOU;
        LocalNetworkId suzhou = SUZHOU;
        accounts.register(zhou, new AccountId("A-BANK"), "Bank of Suzhou", suzhou, Industry.FINANCE);
        List<String> seen = new ArrayList<>();

        // sample:errors:start
        try {
            accounts.register(zhou, new AccountId("A-BANK"), "Bank of Suzhou", suzhou, Industry.FINANCE);
        } catch (AlreadyExistsException e) {                       // a KeylineException, like every refusal
            seen.add(e.reason().code() + " " + e.getMessage());     // KL-202 and the account's id
        }
        try {
            accounts.register(zhou, new AccountId("A-SHOP"), " ", suzhou, Industry.COMMERCE_TRADE);
        } catch (InvalidArgumentException e) {
            seen.add(e.reason().code() + " " + e.argument());       // KL-100 name: the field, by name
        }
        // sample:errors:end

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("KL-202 ").contains("A-BANK");
        assertThat(seen.get(1)).isEqualTo("KL-100 name");
        assertThat(accounts.find(new AccountId("A-SHOP"))).as("a refused command stores nothing").isEmpty();
        assertThat(KeylineException.class).isAssignableFrom(AlreadyExistsException.class);
    }

    @Test
    void retriesAreConfiguredOnTheBuilder() {
        // sample:retries:start
        Keyline keyline = Keyline.builder()
                .storage(new InMemoryStorage())
                .staleRetries(5)                                    // a command that lost to a concurrent change runs again, up to 5 times
                .retryPolicy(RetryPolicy.defaults()
                        .withMaxAttempts(12)                        // a sink that throws is tried 12 times in all
                        .withMaxBackoff(Duration.ofMinutes(30)))    // with backoff doubling up to 30 minutes
                .build();
        // sample:retries:end

        assertThat(keyline.staleRetries()).isEqualTo(5);
        assertThat(keyline.retryPolicy().maxAttempts()).isEqualTo(12);
        assertThat(keyline.retryPolicy().maxBackoff()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void timeZonesAndCalendars() {
        // sample:time:start
        Clock clock = Clock.fixed(Instant.parse("2026-02-28T23:00:00Z"), ZoneOffset.UTC);
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).build();
        LocalDate today = keyline.today();            // 2026-03-01: it is 07:00 in Asia/Shanghai, the default zone

        BusinessCalendar office = WeeklyCalendar.builder(ZoneId.of("Asia/Shanghai"))
                .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .holiday(LocalDate.of(2026, 3, 2))    // a Monday
                .build();
        Instant due = office.plusWorkingTime(keyline.clock().instant(), Duration.ofHours(4));
                                                      // 2026-03-03T05:00:00Z: Tuesday 13:00 in Shanghai
        // sample:time:end

        assertThat(today).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(due).isEqualTo(Instant.parse("2026-03-03T05:00:00Z"));
        assertThat(office.workingTimeBetween(clock.instant(), due)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void jsonOfValuesAndEvents() {
        List<Notification> delivered = new CopyOnWriteArrayList<>();
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).sink(delivered::add).build();
        KeyAccounts.on(keyline).register(ZHOU, new AccountId("A-BANK"), "Bank of Suzhou", SUZHOU, Industry.FINANCE);
        keyline.relay().pumpUntilIdle(10);
        Notification notification = delivered.stream()
                .filter(n -> n.type().equals(AccountRegistered.TYPE)).findFirst().orElseThrow();

        // sample:json:start
        KeylineJson json = KeylineJson.create();                    // knows every event type of every area
        String text = json.write(Money.cny("1250.00"));             // {"amount":"1250.00","currency":"CNY"}
        Money back = json.read(text, Money.class);

        DomainEvent event = json.readEvent(notification.type(), notification.payload());
        if (event instanceof AccountRegistered registered) {
            System.out.println(registered.account() + " registered in " + registered.network());
        }
        // sample:json:end

        assertThat(back).isEqualTo(Money.cny("1250.00"));
        assertThat(text).isEqualTo("{\"amount\":\"1250.00\",\"currency\":\"CNY\"}");
        assertThat(event).isInstanceOfSatisfying(AccountRegistered.class,
                r -> assertThat(r.account()).isEqualTo(new AccountId("A-BANK")));
    }

    @Test
    void rulesArePureFunctionsOfTheDomain() {
        LocalNetworkId km = new LocalNetworkId("KM");
        Instant billed = Instant.parse("2024-07-01T00:00:00Z");
        List<SpendFact> facts = List.of(   // grouped by account, as a query ordered by account gives them
                SpendFact.original(new SpendFactId("f1"), new AccountId("KM-0001"), km, YearMonth.of(2024, 3), Money.cny("60000.00"), billed),
                SpendFact.original(new SpendFactId("f2"), new AccountId("KM-0001"), km, YearMonth.of(2024, 4), Money.cny("60000.00"), billed),
                SpendFact.original(new SpendFactId("f3"), new AccountId("KM-0002"), km, YearMonth.of(2024, 5), Money.cny("30000.00"), billed));
        List<SpendFact> factsByAccount = facts;

        // sample:rules:start
        Set<YearMonth> window = AssessmentWindow.endingBefore(LocalDate.of(2024, 7, 1), 6).months();
        Map<AccountId, Money> averages = SpendAverages.over(facts, window);   // facts: billing's SpendFacts
        Classification keyAccounts = RevenueShareRule.standard()              // the 30 % revenue-share rule
                .classify(new LocalNetworkId("KM"), averages);
        Classification byMinimum = new MonthlyMinimumRule(Money.cny("10000"))
                .classify(new LocalNetworkId("KM"), averages);
        // sample:rules:end

        // sample:fold:start
        SpendFold fold = SpendFold.over(window);
        factsByAccount.forEach(fold::add);              // the facts of one account one after another
        Map<LocalNetworkId, NetworkAverages> byNetwork = fold.averages();
        Classification kmAccounts = RevenueShareRule.standard().classify(byNetwork.get(new LocalNetworkId("KM")));
        // sample:fold:end

        // six months: 120,000.00 / 6 = 20,000.00 and 30,000.00 / 6 = 5,000.00; 30 % of 25,000.00 is reached by KM-0001
        assertThat(averages).containsEntry(new AccountId("KM-0001"), Money.cny("20000.00"))
                .containsEntry(new AccountId("KM-0002"), Money.cny("5000.00"));
        assertThat(keyAccounts.keyAccountIds()).containsExactly(new AccountId("KM-0001"));
        assertThat(byMinimum.keyAccountIds()).containsExactly(new AccountId("KM-0001"));
        assertThat(kmAccounts).isEqualTo(keyAccounts);
    }
}
