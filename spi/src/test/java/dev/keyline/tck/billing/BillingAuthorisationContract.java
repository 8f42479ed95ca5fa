package dev.keyline.tck.billing;

import static dev.keyline.tck.AuthorisationScenario.anyOf;
import static dev.keyline.tck.account.FixtureAccessRules.mayChange;
import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.BillingAccount;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.runtime.billing.BillingAccounts;
import dev.keyline.runtime.billing.CreditWarnings;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.spi.billing.BillingAccountRepository;
import dev.keyline.tck.AuthorisationScenario;
import dev.keyline.tck.AuthorisationScenario.AuthorisationWorld;
import dev.keyline.tck.AuthorisationScenario.Counts;
import dev.keyline.tck.AuthorisationScenario.Step;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the billing area on a storage provider: every command of
 * {@code BillingAccounts} and {@code CreditWarnings.check} is run by every {@link Role} of the
 * kernel, with the scope variants (the bank's own account manager and another, the industry manager
 * of finance and of tourism), at each step of the bank's billing account in the Suzhou world of
 * {@link KeyAccountServiceFixture}, and the outcome is compared with the rules below, stated as data
 * from docs/billing-and-hr.md ("Access"), never read from the services.
 *
 * <p>The statement: the bill preferences and a credit check (which raises a churn warning) are for
 * who may change the key account ({@link dev.keyline.tck.account.FixtureAccessRules#mayChange}: its
 * account manager, an industry manager of its industry, the department general manager, the general
 * manager); opening the billing account, rating, setting the limit, recording arrears facts and
 * reading the arrears-rate input are finance's ({@code FINANCIAL_MANAGER},
 * {@code DEPARTMENT_GENERAL_MANAGER}, {@code GENERAL_MANAGER}); reading a billing account and
 * refreshing its arrears is for either. A credit check by finance alone refreshes the arrears (which
 * finance may) and is then refused by the churn rules: nothing of the refresh may remain. A refusal
 * is a {@code NotAuthorisedException} and changes nothing (the billing account, the bank's arrears
 * facts and its key account, reloaded, and the whole outbox).
 */
public abstract class BillingAuthorisationContract {

    /** {@code BillingAccounts.FINANCE}, restated. */
    static final Predicate<Actor> FINANCE = anyOf(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER,
            Role.GENERAL_MANAGER);
    /** Who may change the bank. */
    static final Predicate<Actor> MAY_CHANGE_BANK = actor -> mayChange(actor, BANK);

    /** The refused cases the statement gives over the steps below, pinned so docs/reliability.md follows. */
    private static final int REFUSED_CASES = 102;

    private static final Instant RECORDED = Instant.parse("2026-03-01T20:00:00Z");
    private static final String BILLING = "billing:" + BANK.value();
    private static final String FACTS = "arrears-facts:" + BANK.value();
    private static final String ACCOUNT = "account:" + BANK.value();

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor of a step is run, each on a fresh world replayed to the step.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    /**
     * The service methods this suite covers, as {@code SimpleClassName.method}.
     *
     * @return the methods
     */
    public static Set<String> coveredMethods() {
        return scenario(() -> null).methods();
    }

    @Test
    void everyBillingCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = scenario(() -> new World(newStorage())).run(everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (billing): %d steps x %d actors, %d refused and %d permitted cases run%n",
                counts.steps(), AuthorisationScenario.actors().size(), counts.refused(), counts.permitted());
    }

    /**
     * The bank's billing account opened (limit 50,000.00), its preferences, rating and limit
     * (60,000.00) set, a bill of 15,000.00 due on 1 December 2025 recorded and still unpaid on
     * 2 March 2026, its arrears read, then a credit check: 91 days and 15,000.00 overdue fire the
     * default arrears rule and raise the bank's churn warning; the exposure stays under the limit.
     */
    static AuthorisationScenario<World> scenario(Supplier<World> worlds) {
        Predicate<Actor> either = FINANCE.or(MAY_CHANGE_BANK);
        return new AuthorisationScenario<World>(worlds, List.<Step<World>>of(
                Step.of("BillingAccounts.open", "rated A, limit 50,000.00", FINANCE,
                        (w, a) -> w.billing.open(a, BANK, CreditRating.A, Money.cny("50000.00"), AgeBands.standard()),
                        Set.of(BILLING), "billing.account-opened"),
                Step.of("BillingAccounts.changePreferences", "monthly PDF by mail", MAY_CHANGE_BANK,
                        (w, a) -> w.billing.changePreferences(a, BANK, BillPreferences.consolidated(BillChannel.EMAIL,
                                BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED), "asked by mail"),
                        Set.of(BILLING), "billing.preferences-changed"),
                Step.of("BillingAccounts.rate", "rated BB", FINANCE,
                        (w, a) -> w.billing.rate(a, BANK, CreditRating.BB, "paid late"), Set.of(BILLING),
                        "billing.credit-rating-changed"),
                Step.of("BillingAccounts.setCreditLimit", "limit 60,000.00", FINANCE,
                        (w, a) -> w.billing.setCreditLimit(a, BANK, Money.cny("60000.00")), Set.of(BILLING),
                        "billing.credit-limit-changed"),
                Step.of("BillingAccounts.recordArrears", "a bill of 15,000.00", FINANCE,
                        (w, a) -> w.billing.recordArrears(a, List.of(ArrearsFact.billed(new ArrearsFactId("AF-1"), BANK,
                                new BillId("B-2511"), Money.cny("15000.00"), LocalDate.of(2025, 11, 1),
                                LocalDate.of(2025, 12, 1), RECORDED))), Set.of(FACTS)),
                Step.of("BillingAccounts.refreshArrears", "the bill folded in", either,
                        (w, a) -> w.billing.refreshArrears(a, BANK), Set.of(BILLING)),
                Step.of("BillingAccounts.get", "read", either, (w, a) -> w.billing.get(a, BANK), Set.of()),
                Step.of("BillingAccounts.arrearsRateInput", "November 2025", FINANCE,
                        (w, a) -> w.billing.arrearsRateInput(a, BANK, Period.month(YearMonth.of(2025, 11))), Set.of()),
                Step.of("CreditWarnings.check", "arrears of 91 days", MAY_CHANGE_BANK,
                        (w, a) -> w.credit.check(a, BANK, List.of()), Set.of(BILLING, ACCOUNT),
                        "account.churn-warning-raised")));
    }

    /** The Suzhou key-account world with the billing services. */
    static final class World implements AuthorisationWorld {

        final KeyAccountServiceFixture fixture;
        final BillingAccounts billing;
        final CreditWarnings credit;

        World(StorageProvider storage) {
            this.fixture = new KeyAccountServiceFixture(storage);
            fixture.serveSuzhou();
            this.billing = BillingAccounts.on(fixture.keyline);
            this.credit = CreditWarnings.on(fixture.keyline);
        }

        @Override
        public StorageProvider storage() {
            return fixture.storage;
        }

        @Override
        public Map<String, Object> stored() {
            Map<String, Object> parts = new LinkedHashMap<>();
            StorageProvider storage = fixture.storage;
            parts.put(BILLING, storage.port(BillingAccountRepository.class).find(BANK).map(BillingAccount::snapshot));
            parts.put(FACTS, storage.port(ArrearsFactRepository.class).byAccount(BANK));
            parts.put(ACCOUNT, storage.port(KeyAccountRepository.class).find(BANK).map(KeyAccount::snapshot));
            return parts;
        }
    }
}
