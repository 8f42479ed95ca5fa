package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.billing.BillingAccounts;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Fuzz" reliability suite's round trip through a database: random text made of SQL
 * metacharacters, quotes, backslashes, CJK, emoji (surrogate pairs), right-to-left scripts and
 * combining marks, often exactly at the field's length limit, is stored through the runtime into a
 * text field of each area and read back verbatim. The seed is fixed;
 * {@code -Dkeyline.fuzz.examples=N} raises the count (by default 2,000 / 33 = 60 texts per database).
 */
abstract class TextFuzzContract {

    private static final int EXAMPLES = Integer.getInteger("keyline.fuzz.examples", 2_000) / 33;
    private static final AtomicLong FUZZED = new AtomicLong();
    private static final PoolId POOL = new PoolId("FUZZ-POOL");
    private static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("js-gm"), Role.GENERAL_MANAGER);

    /** A text field of an area: stores text as aggregate n and reads it back. */
    private record TextField(String name, int limit, Store store, Read read) {
    }

    private interface Store {
        void run(Keyline keyline, int n, String text);
    }

    private interface Read {
        String run(Keyline keyline, int n);
    }

    private static final List<TextField> FIELDS = List.of(
            new TextField("account name", Limits.NAME_LENGTH,
                    (k, n, text) -> KeyAccounts.on(k).register(KeyAccountServiceFixture.ZHOU, new AccountId("T" + n), text,
                            KeyAccountServiceFixture.SUZHOU, Industry.FINANCE),
                    (k, n) -> KeyAccounts.on(k).get(new AccountId("T" + n)).name()),
            new TextField("reservation reference", Limits.NAME_LENGTH, (k, n, text) -> {
                Instant now = k.clock().instant();
                ResourcePools.on(k).reserve(SlaSamples.MARKETING, POOL, new ReservationId("R" + n),
                        new ReservationTerms(new AccountId("A1"), ReservationPurpose.ORDER, text, 1, now,
                                now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(5))));
            }, (k, n) -> ResourcePools.on(k).findReservation(new ReservationId("R" + n)).orElseThrow().reference()),
            new TextField("SLA liability", Limits.TEXT_LENGTH,
                    (k, n, text) -> ServiceLevelAgreements.on(k).draft(SlaSamples.MARKETING, new SlaId("SLA-" + n),
                            MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2028), 2,
                            new SlaTerms(text, "law", "procedures", "confidential", false, PricingMethod.PRICE_BASED),
                            SlaSamples.agreements(12)),
                    (k, n) -> ServiceLevelAgreements.on(k).find(new SlaId("SLA-" + n)).orElseThrow().terms().liability()),
            new TextField("budget reason", Limits.TEXT_LENGTH,
                    (k, n, text) -> Budgets.on(k).setTargets(GENERAL_MANAGER, new BudgetId("JS-" + n),
                            BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS" + n)), 2027, null, Money.cny("5000000")),
                            text),
                    (k, n) -> Budgets.on(k).get(new BudgetId("JS-" + n)).history().get(0).reason()),
            new TextField("bill preference reason", Limits.TEXT_LENGTH, (k, n, text) -> {
                AccountId account = new AccountId("TB" + n);
                KeyAccounts.on(k).register(KeyAccountServiceFixture.ZHOU, account, "Billed " + n,
                        KeyAccountServiceFixture.SUZHOU, Industry.FINANCE);
                BillingAccounts.on(k).open(GENERAL_MANAGER, account, CreditRating.A, Money.cny("10000.00"), AgeBands.standard());
                BillingAccounts.on(k).changePreferences(GENERAL_MANAGER, account, BillPreferences.consolidated(BillChannel.EMAIL,
                        BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED), text);
            }, (k, n) -> BillingAccounts.on(k).get(GENERAL_MANAGER, new AccountId("TB" + n)).preferenceHistory().get(0).reason()));

    private static final String[] PIECES = {"'", "''", "\"", ";", "--", "/*", "*/", "%", "_", "\\", "\\'", "$1", "?",
        "' OR '1'='1", "'); DROP TABLE keyline_outbox; --", "苏州银行", "客户经理", "\uD83D\uDE00", "\uD83C\uDDE8\uD83C\uDDF3",
        "\uD840\uDC00", "שלום", "مرحبا", "\u202E", "e\u0301", "\t", "\n", "\r\n", " ", "\u00A0", "x", "Zz9"};

    private Keyline keyline;
    private final AtomicInteger next = new AtomicInteger();

    /** The real data source of the database under test. */
    protected abstract DataSource database();

    @BeforeEach
    void createRuntime() {
        keyline = Keyline.builder().storage(TestDatabases.emptyStorage(database()))
                .clock(TestClock.at(Instant.parse("2027-03-02T08:00:00Z"))).build();
        ResourcePools.on(keyline).openPool(SlaSamples.NETWORK_CENTRE, POOL, ResourceType.DDN_PORT,
                new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 1_000_000, Duration.ZERO);
    }

    @Test
    void hostileTextRoundTripsVerbatimThroughEveryArea() {
        qt().withFixedSeed(20261203L).withExamples(EXAMPLES).forAll(integers().between(0, FIELDS.size() - 1), longs().all())
                .checkAssert((index, seed) -> {
                    TextField field = FIELDS.get(index);
                    String text = text(new Random(seed), field.limit());
                    int n = next.incrementAndGet();
                    field.store().run(keyline, n, text);
                    FUZZED.incrementAndGet();
                    assertThat(field.read().run(keyline, n)).as(field.name()).isEqualTo(text);
                });
    }

    /** Hostile pieces up to the limit (in UTF-16 code units); half the time exactly at it. */
    private static String text(Random random, int limit) {
        boolean atLimit = random.nextBoolean();
        int target = atLimit ? limit : 1 + random.nextInt(Math.min(limit, 120));
        StringBuilder text = new StringBuilder();
        while (text.length() < target) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            text.append(text.length() + piece.length() <= target ? piece : "y");
        }
        // the account area documents that it trims names and reasons at the command: the text starts
        // and ends with a visible character, so what is compared is what storage was given
        if (Character.isWhitespace(text.charAt(0)) || Character.isSpaceChar(text.charAt(0))) {
            text.setCharAt(0, 'x');
        }
        int last = text.length() - 1;
        if (Character.isWhitespace(text.charAt(last)) || Character.isSpaceChar(text.charAt(last))) {
            text.setCharAt(last, 'x');
        }
        return text.toString();
    }

    @AfterAll
    static void report() {
        System.out.println("Text round-trip fuzz: " + FUZZED.get() + " texts stored and read back");
    }
}
