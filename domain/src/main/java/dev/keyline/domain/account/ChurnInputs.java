package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the churn warning rules (客户预警规则) look at for one key account on one date: its spend
 * per month, its arrears (欠费) and its complaints (投诉).
 *
 * @param account the account
 * @param asOf the date of the assessment
 * @param monthlySpend effective spend per month (months without an entry count 0), not negative
 * @param arrears the amount overdue, not negative
 * @param oldestUnpaidDue the due date of the oldest unpaid bill; present exactly when there are
 *     arrears, not after {@code asOf}
 * @param complaints the dates of the account's complaints, none after {@code asOf}; sorted
 */
public record ChurnInputs(AccountId account, LocalDate asOf, Map<YearMonth, Money> monthlySpend, Money arrears,
        Optional<LocalDate> oldestUnpaidDue, List<LocalDate> complaints) {

    /**
     * Validates and copies the inputs.
     *
     * @param account the account
     * @param asOf the date of the assessment
     * @param monthlySpend effective spend per month (months without an entry count 0), not negative
     * @param arrears the amount overdue, not negative
     * @param oldestUnpaidDue the due date of the oldest unpaid bill; present exactly when there are arrears, not after {@code asOf}
     * @param complaints the dates of the account's complaints, none after {@code asOf}; sorted
     */
    public ChurnInputs {
        Require.nonNull(account, "account");
        Require.nonNull(asOf, "asOf");
        Require.nonNull(monthlySpend, "monthlySpend");
        Map<YearMonth, Money> spend = new TreeMap<>();
        monthlySpend.forEach((month, amount) -> {
            Require.nonNull(month, "monthlySpend key");
            Require.nonNull(amount, "monthlySpend", month);
            Require.nonNegative(amount.amount(), "monthlySpend", month);
            spend.put(month, amount);
        });
        monthlySpend = Collections.unmodifiableMap(spend);
        Require.nonNull(arrears, "arrears");
        Require.nonNegative(arrears.amount(), "arrears");
        Require.nonNull(oldestUnpaidDue, "oldestUnpaidDue");
        if (arrears.isPositive() != oldestUnpaidDue.isPresent()) {
            throw new InvalidArgumentException("oldestUnpaidDue", "must be present exactly when there are arrears");
        }
        oldestUnpaidDue.ifPresent(d -> Require.that(!d.isAfter(asOf), "oldestUnpaidDue",
                () -> "must not be after asOf " + asOf + ", was " + d));
        List<LocalDate> dates = new ArrayList<>(Require.nonNullElements(complaints, "complaints"));
        for (LocalDate d : dates) {
            Require.that(!d.isAfter(asOf), "complaints", () -> "a complaint dated " + d + " is after asOf " + asOf);
        }
        Collections.sort(dates);
        complaints = List.copyOf(dates);
    }

    /**
     * Inputs with the monthly spend taken from billing's facts.
     *
     * @param account the account
     * @param asOf the date of the assessment
     * @param facts billing's spend facts (other accounts' facts are ignored but checked)
     * @param arrears the amount overdue
     * @param oldestUnpaidDue the due date of the oldest unpaid bill, when there are arrears
     * @param complaints the complaint dates
     * @return the inputs
     */
    public static ChurnInputs from(AccountId account, LocalDate asOf, Collection<SpendFact> facts, Money arrears,
            Optional<LocalDate> oldestUnpaidDue, List<LocalDate> complaints) {
        return new ChurnInputs(account, asOf, EffectiveSpend.ofAccount(facts, Require.nonNull(account, "account")),
                arrears, oldestUnpaidDue, complaints);
    }

    /**
     * The spend of a month, zero when there is no entry.
     *
     * @param month the month
     * @return its spend
     */
    public Money spendIn(YearMonth month) {
        Require.nonNull(month, "month");
        Money m = monthlySpend.get(month);
        return m != null ? m : Money.zero(arrears.currency());
    }

    /**
     * {@return the last whole month before {@code asOf}: the latest month billing can have
     * reported}
     */
    public YearMonth lastCompleteMonth() {
        return YearMonth.from(asOf).minusMonths(1);
    }
}
