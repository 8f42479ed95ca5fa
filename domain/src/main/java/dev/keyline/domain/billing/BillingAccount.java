package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The billing side of one key account (计费帐务): its bill preferences with the history of every
 * change, and its credit profile (信用档案) — a rating, a credit limit and the arrears by age band
 * last fed from billing's facts.
 *
 * <p>Invariants: the preference history is numbered 1, 2, … and the last entry is in force, each
 * entry different from the one before; the arrears are in the limit's currency and bands sum to
 * their total; {@link #limitExceeded()} holds exactly when the exposure (everything outstanding)
 * is above the limit. A command either keeps them or throws before changing anything.
 *
 * <p>Events: {@link BillingAccountOpened}, {@link BillPreferencesChanged},
 * {@link CreditRatingChanged}, {@link CreditLimitChanged}, and {@link CreditLimitExceeded} each
 * time the exposure goes from within the limit to above it.
 */
public final class BillingAccount extends AggregateRoot<AccountId> {

    /** The most preference changes one account keeps. */
    public static final int MAX_PREFERENCE_CHANGES = 10_000;

    private final UserId openedBy;
    private final Instant openedAt;
    private CreditRating rating;
    private Money creditLimit;
    private ArrearsAgeing arrears;
    private boolean limitExceeded;
    private final List<PreferenceChange> history;

    private BillingAccount(BillingAccountSnapshot s) {
        super(s.id(), s.version());
        this.openedBy = s.openedBy();
        this.openedAt = s.openedAt();
        this.rating = s.rating();
        this.creditLimit = s.creditLimit();
        this.arrears = s.arrears();
        this.limitExceeded = s.limitExceeded();
        this.history = new ArrayList<>(s.preferenceHistory());
    }

    /**
     * Opens the billing side of a key account with no arrears and no preferences yet.
     *
     * @param account the key account
     * @param rating its first credit rating
     * @param creditLimit its credit limit, not negative; its currency is the account's
     * @param bands the age bands its arrears are reported in
     * @param by who opens it
     * @param at when
     * @param today the date of {@code at} in the host's time zone: the date of the (empty) arrears
     * @return the new aggregate at version 0, with {@link BillingAccountOpened} pending
     */
    public static BillingAccount open(AccountId account, CreditRating rating, Money creditLimit, AgeBands bands, UserId by,
            Instant at, java.time.LocalDate today) {
        Require.nonNull(account, "account");
        Require.nonNull(rating, "rating");
        checkLimit(creditLimit);
        Require.nonNull(bands, "bands");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Require.nonNull(today, "today");
        BillingAccount a = new BillingAccount(new BillingAccountSnapshot(account, 0, by, at, rating, creditLimit,
                ArrearsAgeing.none(today, bands, creditLimit.currency()), false, List.of()));
        a.record(new BillingAccountOpened(EventId.random(), at, account, rating, creditLimit, by));
        return a;
    }

    /**
     * Restores a stored account, validating everything again.
     *
     * @param snapshot the snapshot
     * @return the account at the snapshot's version
     * @throws CorruptStateException when the snapshot breaks an invariant
     */
    public static BillingAccount restore(BillingAccountSnapshot snapshot) {
        BillingAccountSnapshot s = snapshot;
        Require.nonNull(snapshot, "snapshot");
        try {
            Require.nonNull(s.id(), "id");
            Require.nonNull(s.openedBy(), "openedBy");
            Require.nonNull(s.openedAt(), "openedAt");
            Require.nonNull(s.rating(), "rating");
            checkLimit(s.creditLimit());
            Require.nonNull(s.arrears(), "arrears");
            Require.that(s.arrears().currency().equals(s.creditLimit().currency()), "arrears",
                    () -> "must be in the limit's currency " + s.creditLimit().currency());
            Require.that(s.limitExceeded() == s.arrears().outstanding().isGreaterThan(s.creditLimit()), "limitExceeded",
                    "must hold exactly when the exposure is above the limit");
            List<PreferenceChange> h = Require.nonNullElements(s.preferenceHistory(), "preferenceHistory");
            Require.that(h.size() <= MAX_PREFERENCE_CHANGES, "preferenceHistory", () -> "holds more than " + MAX_PREFERENCE_CHANGES);
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i).revision() != i + 1) {
                    throw new InvalidArgumentException("preferenceHistory", "entry " + i
                            + " must be revision " + (i + 1));
                }
                if (i > 0) {
                    if (h.get(i).preferences().equals(h.get(i - 1).preferences())) {
                        throw new InvalidArgumentException("preferenceHistory", "revision " + (i + 1)
                                + " repeats the preferences before it");
                    }
                }
            }
            return new BillingAccount(s);
        } catch (KeylineException e) {
            throw new CorruptStateException("billing account " + s.id() + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** {@return the state to store} */
    public BillingAccountSnapshot snapshot() {
        return new BillingAccountSnapshot(id(), version(), openedBy, openedAt, rating, creditLimit, arrears, limitExceeded,
                List.copyOf(history));
    }

    /**
     * Sets the bill preferences. Raises {@link BillPreferencesChanged} and adds a history entry.
     *
     * @param preferences the new preferences, already checked against the {@link BillPreferenceRule}s
     * @param by who sets them
     * @param at when
     * @param reason why
     * @return the history entry written
     * @throws InvalidStateException when they are the preferences already in force
     */
    public PreferenceChange changePreferences(BillPreferences preferences, UserId by, Instant at, String reason) {
        Require.nonNull(preferences, "preferences");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Require.text(reason, "reason");
        if (preferences().filter(preferences::equals).isPresent()) {
            throw new InvalidStateException("billing account " + id() + ": these bill preferences are already in force");
        }
        if (history.size() >= MAX_PREFERENCE_CHANGES) {
            throw new InvalidStateException("billing account " + id() + " has " + MAX_PREFERENCE_CHANGES
                    + " preference changes, the most it keeps");
        }
        PreferenceChange change = new PreferenceChange(history.size() + 1, preferences, by, at, reason);
        history.add(change);
        record(new BillPreferencesChanged(EventId.random(), at, id(), change.revision(), preferences, by, reason));
        return change;
    }

    /**
     * Rates the customer. Raises {@link CreditRatingChanged}.
     *
     * @param newRating the new rating
     * @param by who rates
     * @param at when
     * @param reason why
     * @throws InvalidStateException when the rating is the current one
     */
    public void rate(CreditRating newRating, UserId by, Instant at, String reason) {
        Require.nonNull(newRating, "newRating");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Require.text(reason, "reason");
        if (newRating == rating) {
            throw new InvalidStateException("billing account " + id() + " is already rated " + rating);
        }
        CreditRating old = rating;
        rating = newRating;
        record(new CreditRatingChanged(EventId.random(), at, id(), old, newRating, by, reason));
    }

    /**
     * Sets the credit limit. Raises {@link CreditLimitChanged}, and {@link CreditLimitExceeded} when
     * the exposure now goes above it.
     *
     * @param newLimit the new limit, not negative, in the account's currency
     * @param by who sets it
     * @param at when
     * @throws InvalidStateException when it is the current limit
     */
    public void setCreditLimit(Money newLimit, UserId by, Instant at) {
        Require.nonNull(newLimit, "newLimit");
        checkLimit(newLimit);
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        requireCurrency(newLimit, "newLimit");
        if (newLimit.equals(creditLimit)) {
            throw new InvalidStateException("billing account " + id() + " already has the credit limit " + creditLimit);
        }
        Money old = creditLimit;
        creditLimit = newLimit;
        record(new CreditLimitChanged(EventId.random(), at, id(), old, newLimit, by));
        checkExposure(at);
    }

    /**
     * Records the arrears folded from billing's facts ({@link ArrearsFold}). Raises
     * {@link CreditLimitExceeded} when the exposure goes above the limit.
     *
     * @param ageing the arrears, in this account's bands and currency, not older than those recorded
     * @param at when
     * @return whether the limit is now exceeded
     */
    public boolean recordArrears(ArrearsAgeing ageing, Instant at) {
        Require.nonNull(ageing, "ageing");
        Require.nonNull(at, "at");
        Require.that(ageing.bands().equals(arrears.bands()), "ageing", () -> "must be in the account's age bands "
                + arrears.bands().upperBounds() + ", was in " + ageing.bands().upperBounds());
        requireCurrency(ageing.total(), "ageing");
        Require.that(!ageing.asOf().isBefore(arrears.asOf()), "ageing", () -> "must not be older than the arrears recorded as of "
                + arrears.asOf() + ", was as of " + ageing.asOf());
        Limits.money(ageing.outstanding(), "ageing");
        arrears = ageing;
        checkExposure(at);
        return limitExceeded;
    }

    private void checkExposure(Instant at) {
        boolean above = arrears.outstanding().isGreaterThan(creditLimit);
        if (above && !limitExceeded) {
            record(new CreditLimitExceeded(EventId.random(), at, id(), arrears.outstanding(), creditLimit, arrears.total(),
                    arrears.asOf(), rating));
        }
        limitExceeded = above;
    }

    private void requireCurrency(Money m, String name) {
        if (!m.currency().equals(creditLimit.currency())) {
            throw new InvalidArgumentException(name, "must be in the account's currency " + creditLimit.currency()
                    + ", was in " + m.currency());
        }
    }

    private static void checkLimit(Money limit) {
        Limits.money(limit, "creditLimit");
        Require.nonNegative(limit.amount(), "creditLimit");
    }

    /** {@return who opened the account's billing side} */
    public UserId openedBy() {
        return openedBy;
    }

    /** {@return when it was opened} */
    public Instant openedAt() {
        return openedAt;
    }

    /** {@return the credit rating} */
    public CreditRating rating() {
        return rating;
    }

    /** {@return the credit limit} */
    public Money creditLimit() {
        return creditLimit;
    }

    /** {@return the arrears last recorded} */
    public ArrearsAgeing arrears() {
        return arrears;
    }

    /**
     * {@return the exposure: everything billed and not yet paid or written off, as last recorded}
     */
    public Money exposure() {
        return arrears.outstanding();
    }

    /** {@return whether the exposure is above the credit limit} */
    public boolean limitExceeded() {
        return limitExceeded;
    }

    /** {@return the age bands of the arrears} */
    public AgeBands bands() {
        return arrears.bands();
    }

    /** {@return the bill preferences in force; empty until first set} */
    public Optional<BillPreferences> preferences() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).preferences());
    }

    /** {@return every preference change, oldest first} */
    public List<PreferenceChange> preferenceHistory() {
        return List.copyOf(history);
    }
}
