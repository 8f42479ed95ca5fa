package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.billing.BillingAccounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The billing side of the KPI chapter's year, through {@link BillingAccounts} as billing's interface
 * would send it: in January the finance manager opens the billing accounts of the key accounts the
 * billing chapter bills but does not follow itself ({@link #accounts}); every month each of them is
 * billed on the first day, due on the {@value #DUE_DAY}th, and billing's month-end batch of arrears
 * facts (the bills, the payments, the write-offs) is recorded on the month's last day. Most bills are
 * paid in full before they are due; now and then one is paid in full after its due date but within
 * the month ({@link #PAID_LATE}), or is left partly unpaid at the month's end and settled early the
 * next month ({@link #LEFT_UNPAID}), so the arrears rate (欠费率: overdue on the month's last day over
 * billed in the month) moves between its bands. The year ends with nothing outstanding.
 */
final class MonthlyBills {

    /** The random purpose of the bills' amounts. */
    static final String RANDOM_PURPOSE = "kpi-bills";

    /** The day of the month a bill is dated. */
    static final int BILL_DAY = 1;

    /** The day of the month a bill is due. */
    static final int DUE_DAY = 20;

    /** The day of the next month on which what a bill left unpaid is paid. */
    static final int CATCH_UP_DAY = 8;

    /** The usual monthly bill of each account, in thousands of CNY, in the order of {@link #accounts}. */
    static final List<Integer> MONTHLY_BILL_THOUSANDS = List.of(150, 120, 90, 60);

    /**
     * The months (1–12) in which one account's bill is left partly unpaid at the month's end: the
     * account's index in {@link #accounts} and the amount left unpaid, in thousands of CNY. December
     * has none: the year's last arrears are settled within the year.
     */
    static final Map<Integer, int[]> LEFT_UNPAID = Map.of(2, new int[] {3, 6}, 4, new int[] {1, 15}, 6,
            new int[] {1, 24}, 7, new int[] {2, 9}, 9, new int[] {0, 18}, 11, new int[] {2, 10});

    /** The months (1–12) in which one account (its index) pays its bill in full after the due date, within the month. */
    static final Map<Integer, Integer> PAID_LATE = Map.of(3, 2, 8, 3, 12, 1);

    private static final Actor FINANCE = DemoStaff.FINANCIAL_MANAGER;
    private static final Money CREDIT_LIMIT = Money.cny("300000.00");

    private MonthlyBills() {
    }

    /**
     * The accounts billed through the year: the billing chapter's accounts
     * ({@link BillingPriorityHrChapter#accountsOf}) other than the Suzhou and Kunming accounts whose
     * billing accounts that chapter opens itself.
     *
     * @param accounts the key-account service
     * @return the accounts, Suzhou's first
     */
    static List<AccountId> accounts(KeyAccounts accounts) {
        Require.nonNull(accounts, "accounts");
        List<KeyAccountSnapshot> chosen = BillingPriorityHrChapter.accountsOf(accounts);
        List<AccountId> billed = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (i % BillingPriorityHrChapter.ACCOUNTS_PER_NETWORK != 0) {
                billed.add(chosen.get(i).id());
            }
        }
        if (billed.size() != MONTHLY_BILL_THOUSANDS.size()) {
            throw new InvalidStateException("the year's bills need " + MONTHLY_BILL_THOUSANDS.size()
                    + " accounts, the billing chapter leaves " + billed.size());
        }
        return List.copyOf(billed);
    }

    /** The id of an account's bill of a month. */
    static BillId bill(AccountId account, YearMonth month) {
        return new BillId(account + "-" + month);
    }

    /**
     * Records one month's bills and settlements, on the month's last day at 20:00 (billing's
     * month-end batch), and opens the billing accounts in January. Leaves the clock within the
     * month.
     *
     * @param context the demo's context
     * @param month the month
     * @throws InvalidStateException when the clock has already left the month
     */
    static void during(DemoContext context, YearMonth month) {
        Require.nonNull(context, "context");
        Require.nonNull(month, "month");
        BillingAccounts billing = BillingAccounts.on(context.keyline());
        List<AccountId> accounts = accounts(KeyAccounts.on(context.keyline()));
        if (month.getMonthValue() == 1) {
            for (AccountId account : accounts) {
                billing.open(FINANCE, account, CreditRating.A, CREDIT_LIMIT, AgeBands.standard());
            }
            context.deliverNotifications("the billing accounts of " + month.getYear());
        }
        LocalDateTime batch = month.atEndOfMonth().atTime(20, 0);
        if (!LocalDateTime.ofInstant(context.clock().instant(), Demo.ZONE).isBefore(batch)) {
            throw new InvalidStateException("the bills of " + month + " are due on " + batch + ", the clock is past it");
        }
        Instant recorded = context.moveTo(batch);
        billing.recordArrears(FINANCE, facts(context.random(RANDOM_PURPOSE + "-" + month), accounts, month, recorded));
        context.deliverNotifications("the bills of " + month);
    }

    /** The month's facts: each account's bill and its payments, and last month's arrears paid. */
    static List<ArrearsFact> facts(Random random, List<AccountId> accounts, YearMonth month, Instant recorded) {
        int m = month.getMonthValue();
        List<ArrearsFact> facts = new ArrayList<>();
        int[] carried = LEFT_UNPAID.get(m - 1);
        if (carried != null) {
            AccountId account = accounts.get(carried[0]);
            facts.add(ArrearsFact.settled(new ArrearsFactId("AF-" + account + "-" + month + "-C"), account,
                    bill(account, month.minusMonths(1)), ArrearsFactKind.PAID, thousands(carried[1]),
                    month.atDay(CATCH_UP_DAY), recorded));
        }
        int[] unpaid = LEFT_UNPAID.get(m);
        Integer late = PAID_LATE.get(m);
        for (int i = 0; i < accounts.size(); i++) {
            AccountId account = accounts.get(i);
            BillId bill = bill(account, month);
            // the usual bill, 90 % to 110 %, in whole thousands of CNY
            int amount = MONTHLY_BILL_THOUSANDS.get(i) * (90 + random.nextInt(21)) / 100;
            facts.add(ArrearsFact.billed(new ArrearsFactId("AF-" + account + "-" + month + "-B"), account, bill,
                    thousands(amount), month.atDay(BILL_DAY), month.atDay(DUE_DAY), recorded));
            int paid = amount;
            LocalDate on = month.atDay(10 + random.nextInt(DUE_DAY - 10));
            if (unpaid != null && unpaid[0] == i) {
                paid = amount - unpaid[1];
            } else if (late != null && late == i) {
                on = month.atDay(DUE_DAY + 6);
            }
            facts.add(ArrearsFact.settled(new ArrearsFactId("AF-" + account + "-" + month + "-P"), account, bill,
                    ArrearsFactKind.PAID, thousands(paid), on, recorded));
        }
        return List.copyOf(facts);
    }

    private static Money thousands(int thousands) {
        return Money.cny(BigDecimal.valueOf(thousands * 1000L).setScale(2));
    }
}
