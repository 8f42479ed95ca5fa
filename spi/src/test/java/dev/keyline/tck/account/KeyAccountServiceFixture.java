package dev.keyline.tck.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.AccountPlans;
import dev.keyline.runtime.account.ClassificationSettings;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.account.ChurnWarnings;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.RecordingSink;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small world for the key-account services: a runtime over a given storage with a
 * {@link TestClock} and a recording sink, the three services, the people of the Suzhou key-account
 * department and their accounts.
 *
 * <p>The people: Zhou, the department general manager; Ma, the general manager; Wang, account
 * manager of the bank and the university; Li, account manager of the hotel group; Chen, industry
 * manager for finance; Sun, the financial manager; Gao, a technical manager (who changes no
 * account). Suzhou classifies with its seed minimum of 5,000 CNY a month, yearly; the bank is on
 * the national list.
 */
public final class KeyAccountServiceFixture {

    /** Suzhou. */
    public static final LocalNetworkId SUZHOU = SeedMinimums.SUZHOU;
    /** Kunming. */
    public static final LocalNetworkId KUNMING = SeedMinimums.KUNMING;
    /** A bank (finance), Wang's; on the national list. */
    public static final AccountId BANK = new AccountId("A01");
    /** A hotel group (tourism), Li's. */
    public static final AccountId HOTEL = new AccountId("A02");
    /** A university (science, education, culture and health), Wang's; a prospect. */
    public static final AccountId UNIVERSITY = new AccountId("A03");
    /** A shop (commerce and trade) without an account manager; a prospect. */
    public static final AccountId SHOP = new AccountId("A04");
    /** A Kunming software house (information), Wang's though not his network. */
    public static final AccountId SOFTWARE = new AccountId("K01");
    /** A Suzhou customer billing knows that is not registered. */
    public static final AccountId UNREGISTERED = new AccountId("C99");
    /** The accounts registered by {@link #serveSuzhou()}. */
    public static final List<AccountId> REGISTERED = List.of(BANK, HOTEL, UNIVERSITY, SHOP, SOFTWARE);
    /** The floor price list of Suzhou. */
    public static final FloorPriceListId SUZHOU_FLOORS = new FloorPriceListId("SZ");
    /** A product. */
    public static final ProductCode DDN = new ProductCode("DDN");

    /** The department general manager. */
    public static final Actor ZHOU = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
    /** The general manager. */
    public static final Actor MA = Actor.withRoles(new UserId("ma"), Role.GENERAL_MANAGER);
    /** The account manager of the bank, the university and the software house. */
    public static final Actor WANG = Actor.accountManager(new UserId("wang"));
    /** The account manager of the hotel group. */
    public static final Actor LI = Actor.accountManager(new UserId("li"));
    /** The industry manager for finance. */
    public static final Actor CHEN = Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE));
    /** The financial manager. */
    public static final Actor SUN = Actor.withRoles(new UserId("sun"), Role.FINANCIAL_MANAGER);
    /** A technical manager. */
    public static final Actor GAO = Actor.withRoles(new UserId("gao"), Role.TECHNICAL_MANAGER);

    /** The authority matrix of the price service. */
    public static final AuthorityMatrix MATRIX = AuthorityMatrix.of(Map.of(
            Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
            Role.INDUSTRY_MANAGER, new BigDecimal("0.15"),
            Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30")));

    /** The first month of the assessment window of a yearly run at the clock's start (2026-03-02). */
    public static final YearMonth WINDOW_FIRST = YearMonth.of(2025, 3);
    /** The last month of that window. */
    public static final YearMonth WINDOW_LAST = YearMonth.of(2026, 2);

    /** The storage under test. */
    public final StorageProvider storage;
    /** The clock, at {@link TestClock#DEFAULT_START} (2026-03-02T08:00Z) unless given, until moved. */
    public final TestClock clock;
    /** A sink that records every notification the relay delivers (unless other sinks were given). */
    public final RecordingSink recorder = new RecordingSink("recorder");
    /** The runtime. */
    public final Keyline keyline;
    /** The key-account service. */
    public final KeyAccounts accounts;
    /** The reclassification service, with Suzhou's classification settings. */
    public final Reclassifications reclassifications;
    /** The churn warning service, with the standard rules. */
    public final ChurnWarnings churn;
    /** The account-plan service. */
    public final AccountPlans plans;
    /** The price service under {@link #MATRIX}. */
    public final PriceAuthorisations prices;

    /**
     * A world over the storage, delivering to {@link #recorder}.
     *
     * @param storage a fresh storage
     */
    public KeyAccountServiceFixture(StorageProvider storage) {
        this(storage, List.of());
    }

    /**
     * A world over the storage, delivering to the given sinks (to {@link #recorder} when none is given).
     *
     * @param storage a fresh storage
     * @param sinks the runtime's sinks
     */
    public KeyAccountServiceFixture(StorageProvider storage, List<NotificationSink> sinks) {
        this(storage, sinks, TestClock.standard(), Keyline.DEFAULT_ZONE);
    }

    /**
     * A world over the storage on the given clock, in the default host time zone.
     *
     * @param storage a fresh storage
     * @param clock the clock
     */
    public KeyAccountServiceFixture(StorageProvider storage, TestClock clock) {
        this(storage, List.of(), clock, Keyline.DEFAULT_ZONE);
    }

    /**
     * A world over the storage on the given clock and host time zone.
     *
     * @param storage a fresh storage
     * @param clock the clock
     * @param zone the host's time zone
     */
    public KeyAccountServiceFixture(StorageProvider storage, TestClock clock, java.time.ZoneId zone) {
        this(storage, List.of(), clock, zone);
    }

    private KeyAccountServiceFixture(StorageProvider storage, List<NotificationSink> sinks, TestClock clock,
            java.time.ZoneId zone) {
        this.storage = Require.nonNull(storage, "storage");
        this.clock = Require.nonNull(clock, "clock");
        this.keyline = Keyline.builder().storage(storage).clock(clock).zone(zone)
                .sinks(sinks.isEmpty() ? List.of(recorder) : sinks).build();
        this.accounts = KeyAccounts.on(keyline);
        this.reclassifications = Reclassifications.on(keyline).withClassification(SUZHOU, suzhouSettings());
        this.churn = ChurnWarnings.on(keyline);
        this.plans = AccountPlans.on(keyline);
        this.prices = PriceAuthorisations.on(keyline, MATRIX);
    }

    /** Suzhou's settings: the seed minimum of 5,000 a month, yearly, with the bank on the national list. */
    public static ClassificationSettings suzhouSettings() {
        return ClassificationSettings.of(SeedMinimums.suzhou(), ReclassificationPolicy.yearly())
                .withNationals(new NationalList(Set.of(BANK)));
    }

    /**
     * Registers the accounts (by Zhou), assigns Wang and Li, activates the bank and the hotel group
     * and records billing's spend over the window: every month the bank 50,000, the unregistered
     * customer 30,000, the hotel group 20,000, the university 8,000 and the shop 2,000 (Suzhou), and
     * the software house 9,000 (Kunming).
     */
    public void serveSuzhou() {
        accounts.register(ZHOU, BANK, "Bank of Suzhou", SUZHOU, Industry.FINANCE);
        accounts.register(ZHOU, HOTEL, "Suzhou Hotel Group", SUZHOU, Industry.TOURISM);
        accounts.register(ZHOU, UNIVERSITY, "Suzhou University", SUZHOU, Industry.SCIENCE_EDUCATION_CULTURE_HEALTH);
        accounts.register(ZHOU, SHOP, "Corner Shop", SUZHOU, Industry.COMMERCE_TRADE);
        accounts.register(ZHOU, SOFTWARE, "Kunming Software", KUNMING, Industry.INFORMATION);
        accounts.assignManager(ZHOU, BANK, WANG.user());
        accounts.assignManager(ZHOU, UNIVERSITY, WANG.user());
        accounts.assignManager(ZHOU, SOFTWARE, WANG.user());
        accounts.assignManager(ZHOU, HOTEL, LI.user());
        accounts.activate(WANG, BANK);
        accounts.activate(LI, HOTEL);
        List<SpendFact> facts = new ArrayList<>();
        facts.addAll(monthly(BANK, SUZHOU, "50000.00"));
        facts.addAll(monthly(UNREGISTERED, SUZHOU, "30000.00"));
        facts.addAll(monthly(HOTEL, SUZHOU, "20000.00"));
        facts.addAll(monthly(UNIVERSITY, SUZHOU, "8000.00"));
        facts.addAll(monthly(SHOP, SUZHOU, "2000.00"));
        facts.addAll(monthly(SOFTWARE, KUNMING, "9000.00"));
        accounts.recordSpend(ZHOU, facts);
    }

    /**
     * One fact per month of the window, recorded at the end of the month's billing.
     *
     * @param account the account
     * @param network its network
     * @param amount the amount each month
     * @return the facts, ids {@code F-<account>-<month>}
     */
    public static List<SpendFact> monthly(AccountId account, LocalNetworkId network, String amount) {
        List<SpendFact> facts = new ArrayList<>();
        for (YearMonth m = WINDOW_FIRST; !m.isAfter(WINDOW_LAST); m = m.plusMonths(1)) {
            facts.add(SpendFact.original(factId(account, m), account, network, m, Money.cny(amount), billedAt(m)));
        }
        return facts;
    }

    /**
     * The id {@link #monthly} gives the fact of an account and month.
     *
     * @param account the account
     * @param month the month
     * @return the id
     */
    public static SpendFactId factId(AccountId account, YearMonth month) {
        return new SpendFactId("F-" + account.value() + "-" + month);
    }

    /** When billing records a month's spend: the first day of the next month, 02:00 UTC. */
    public static Instant billedAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atTime(2, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    /** The whole area's state in this world's storage (both networks, Suzhou's floor list). */
    public AreaState state() {
        return AreaState.of(storage, List.of(SUZHOU, KUNMING), List.of(SUZHOU_FLOORS));
    }
}
