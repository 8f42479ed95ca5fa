package dev.keyline.runtime.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsAgeing;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFold;
import dev.keyline.domain.billing.ArrearsRateInput;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.BillingAccount;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.billing.PreferenceChange;
import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.spi.billing.BillingAccountRepository;
import java.util.List;
import java.util.Set;

/**
 * Billing accounts (计费帐务) run through the runtime: the bill preferences of a key account, its
 * credit profile (信用档案), and billing's arrears facts folded into it.
 *
 * <p><b>Access.</b>
 * <ul>
 *   <li>Bill preferences are the customer's wishes, taken by those who may change the key account
 *       ({@link Access#requireMayChange}): its account manager, an industry manager of its
 *       industry, the department general manager or the general manager.</li>
 *   <li>The credit profile — opening the billing account, its rating and credit limit — and
 *       billing's arrears facts and the arrears-rate inputs are finance's: a
 *       {@link Role#FINANCIAL_MANAGER} (财务经理), the {@link Role#DEPARTMENT_GENERAL_MANAGER} or the
 *       {@link Role#GENERAL_MANAGER}.</li>
 *   <li>Reading a billing account and folding the latest facts into it
 *       ({@link #refreshArrears}) is open to both.</li>
 * </ul>
 * A refused actor gets {@link NotAuthorisedException} and nothing changes.
 *
 * <p>Every command runs through {@link ServiceSteps}: loaded, checked, changed, saved with the
 * version check and its {@code billing.*} events written in the same transaction. Immutable and
 * thread-safe.
 */
public final class BillingAccounts {

    /** The roles that keep credit profiles and billing's facts. */
    public static final Set<Role> FINANCE = Set.of(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER,
            Role.GENERAL_MANAGER);

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final BillingAccountRepository billing;
    private final ArrearsFactRepository facts;
    private final KeyAccountRepository accounts;

    private BillingAccounts(Keyline keyline) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        StorageProvider storage = keyline.storage();
        this.billing = storage.port(BillingAccountRepository.class);
        this.facts = storage.port(ArrearsFactRepository.class);
        this.accounts = storage.port(KeyAccountRepository.class);
    }

    /**
     * The billing service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the key-account and billing areas
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store them
     */
    public static BillingAccounts on(Keyline keyline) {
        return new BillingAccounts(Require.nonNull(keyline, "keyline"));
    }

    /**
     * Opens the billing side of a registered key account. Raises {@code billing.account-opened}.
     *
     * @param finance who opens it; a finance role
     * @param account the key account, registered
     * @param rating its first credit rating
     * @param creditLimit its credit limit; its currency is the account's
     * @param bands the age bands of its arrears
     * @return the billing account
     * @throws NotAuthorisedException when the actor has no finance role
     * @throws dev.keyline.domain.common.NotFoundException when the key account is not registered
     * @throws dev.keyline.domain.common.AlreadyExistsException when it is already open
     */
    public BillingAccountSnapshot open(Actor finance, AccountId account, CreditRating rating, Money creditLimit,
            AgeBands bands) {
        Require.nonNull(finance, "finance");
        Require.nonNull(account, "account");
        Require.nonNull(rating, "rating");
        Require.nonNull(creditLimit, "creditLimit");
        Require.nonNull(bands, "bands");
        return steps.create(billing, ctx -> {
            requireFinance(finance, "open the billing account of " + account);
            accounts.get(account);
            return BillingAccount.open(account, rating, creditLimit, bands, finance.user(), ctx.now(), ctx.today());
        }, BillingAccount::snapshot);
    }

    /**
     * Sets a key account's bill preferences; the history keeps who set what when. Raises
     * {@code billing.preferences-changed}.
     *
     * @param actor who may change the key account
     * @param account the account
     * @param preferences the preferences, a valid combination
     * @param reason why
     * @return the history entry written
     * @throws NotAuthorisedException when the actor may not change the key account
     * @throws dev.keyline.domain.common.InvalidStateException when they are already in force
     */
    public PreferenceChange changePreferences(Actor actor, AccountId account, BillPreferences preferences, String reason) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        Require.nonNull(preferences, "preferences");
        Require.text(reason, "reason");
        return steps.change(billing, account,
                (b, ctx) -> Access.requireMayChange(actor, keyAccount(account).accessScope(),
                        "change the bill preferences of " + account),
                (b, ctx) -> b.changePreferences(preferences, actor.user(), ctx.now(), reason));
    }

    /**
     * Rates the customer's credit. Raises {@code billing.credit-rating-changed}.
     *
     * @param finance a finance role
     * @param account the account
     * @param rating the new rating
     * @param reason why
     * @return the billing account
     * @throws NotAuthorisedException when the actor has no finance role
     * @throws dev.keyline.domain.common.InvalidStateException when it is the current rating
     */
    public BillingAccountSnapshot rate(Actor finance, AccountId account, CreditRating rating, String reason) {
        Require.nonNull(finance, "finance");
        Require.nonNull(account, "account");
        Require.nonNull(rating, "rating");
        Require.text(reason, "reason");
        return steps.change(billing, account, (b, ctx) -> requireFinance(finance, "rate " + account),
                (b, ctx) -> b.rate(rating, finance.user(), ctx.now(), reason), BillingAccount::snapshot);
    }

    /**
     * Sets the customer's credit limit. Raises {@code billing.credit-limit-changed}, and
     * {@code billing.credit-limit-exceeded} when the exposure is now above it.
     *
     * @param finance a finance role
     * @param account the account
     * @param creditLimit the new limit
     * @return the billing account
     * @throws NotAuthorisedException when the actor has no finance role
     */
    public BillingAccountSnapshot setCreditLimit(Actor finance, AccountId account, Money creditLimit) {
        Require.nonNull(finance, "finance");
        Require.nonNull(account, "account");
        Require.nonNull(creditLimit, "creditLimit");
        return steps.change(billing, account, (b, ctx) -> requireFinance(finance, "set the credit limit of " + account),
                (b, ctx) -> b.setCreditLimit(creditLimit, finance.user(), ctx.now()), BillingAccount::snapshot);
    }

    /**
     * Appends billing's arrears facts, all or none, idempotently (see
     * {@link ArrearsFactRepository}). The billing accounts are not changed: {@link #refreshArrears}
     * folds the facts into one.
     *
     * @param finance a finance role (the billing interface's account holds one)
     * @param arrearsFacts the facts
     * @return how many were written (facts already stored are not counted)
     * @throws NotAuthorisedException when the actor has no finance role
     */
    public int recordArrears(Actor finance, List<ArrearsFact> arrearsFacts) {
        Require.nonNull(finance, "finance");
        List<ArrearsFact> given = Require.nonNullElements(arrearsFacts, "arrearsFacts");
        return keyline.execute(ctx -> {
            requireFinance(finance, "record arrears facts");
            return facts.appendAll(given);
        });
    }

    /**
     * Folds the account's arrears facts as of today (in the host's time zone) into its credit
     * profile. Raises {@code billing.credit-limit-exceeded} when the exposure goes above the limit.
     *
     * @param actor a finance role or who may change the key account
     * @param account the account
     * @return the billing account with its arrears as of today
     * @throws NotAuthorisedException when the actor is neither
     */
    public BillingAccountSnapshot refreshArrears(Actor actor, AccountId account) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        return steps.change(billing, account, (b, ctx) -> requireReader(actor, account, "refresh the arrears of " + account),
                (b, ctx) -> {
                    b.recordArrears(ageing(b, ctx), ctx.now());
                }, BillingAccount::snapshot);
    }

    /**
     * A billing account.
     *
     * @param actor a finance role or who may change the key account
     * @param account the account
     * @return its state
     * @throws NotAuthorisedException when the actor is neither
     */
    public BillingAccountSnapshot get(Actor actor, AccountId account) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        return steps.read(billing, account, (b, ctx) -> requireReader(actor, account, "read the billing account of " + account),
                (b, ctx) -> b.snapshot());
    }

    /**
     * The inputs of the arrears-rate KPI (欠费率) of one account for a period: what was overdue on
     * the period's last day and what was billed in it, from the stored facts. A network's rate
     * adds its accounts' inputs ({@link ArrearsRateInput#plus}).
     *
     * @param finance a finance role
     * @param account the account
     * @param period the period
     * @return the inputs, in the account's currency
     * @throws NotAuthorisedException when the actor has no finance role
     */
    public ArrearsRateInput arrearsRateInput(Actor finance, AccountId account, Period period) {
        Require.nonNull(finance, "finance");
        Require.nonNull(account, "account");
        Require.nonNull(period, "period");
        return steps.read(billing, account, (b, ctx) -> requireFinance(finance, "read the arrears rate of " + account),
                (b, ctx) -> ArrearsFold.rateInput(facts.byAccount(account), account, period, b.creditLimit().currency()));
    }

    /** The account's arrears folded from its stored facts as of the context's today. */
    ArrearsAgeing ageing(BillingAccount b, CommandContext ctx) {
        return ArrearsFold.ageing(facts.byAccount(b.id()), b.id(), ctx.today(), b.bands(), b.creditLimit().currency());
    }

    BillingAccountRepository repository() {
        return billing;
    }

    private KeyAccount keyAccount(AccountId account) {
        return accounts.get(account);
    }

    private void requireReader(Actor actor, AccountId account, String attempted) {
        if (hasFinanceRole(actor)) {
            return;
        }
        Access.requireMayChange(actor, keyAccount(account).accessScope(), attempted);
    }

    private static boolean hasFinanceRole(Actor actor) {
        return FINANCE.stream().anyMatch(actor::hasRole);
    }

    private static void requireFinance(Actor actor, String attempted) {
        if (!hasFinanceRole(actor)) {
            throw new NotAuthorisedException(actor + " may not " + attempted + ": it needs one of the roles " + FINANCE);
        }
    }
}
