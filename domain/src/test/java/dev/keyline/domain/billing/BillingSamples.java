package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.testing.NullArgumentsTester;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Samples of the billing area for the null-argument tests and the contracts. */
public final class BillingSamples {

    private BillingSamples() {
    }

    /** The sample key account. */
    public static final AccountId ACCOUNT = new AccountId("ACME");
    /** The sample clerk. */
    public static final UserId CLERK = new UserId("clerk");
    /** The sample time. */
    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** The sample date. */
    public static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** Sample preferences: e-mailed monthly itemised PDFs, consolidated. */
    public static BillPreferences preferences() {
        return BillPreferences.consolidated(BillChannel.EMAIL, BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED);
    }

    /** Sample arrears: 1,500.00 overdue 61–90 days of 2,000.00 outstanding. */
    public static ArrearsAgeing ageing() {
        return new ArrearsAgeing(DAY, AgeBands.standard(), List.of(Money.zero(), Money.zero(), Money.cny("1500.00"),
                Money.zero()), Money.cny("1500.00"), Money.cny("2000.00"), Optional.of(DAY.minusDays(70)));
    }

    /**
     * A billing account rated A with a limit of 10,000.00 and its preferences set once.
     *
     * @return the account, never saved
     */
    public static BillingAccount account() {
        BillingAccount a = BillingAccount.open(ACCOUNT, CreditRating.A, Money.cny("10000.00"), AgeBands.standard(), CLERK,
                T0, DAY);
        a.changePreferences(preferences(), CLERK, T0, "first preferences");
        return a;
    }

    /**
     * Registers the area's samples, allowances and aliases with the domain's null-argument test.
     *
     * @param tester the tester
     */
    public static void register(NullArgumentsTester tester) {
        values(tester);
        tester.value(BillingAccountSnapshot.class, () -> account().snapshot())
                .instance(BillingAccount.class, BillingSamples::account)
                .argument(ArrearsFact.class, "settled", "kind", () -> ArrearsFactKind.PAID)
                .argument(CreditRatingChanged.class, NullArgumentsTester.CONSTRUCTOR, "to", () -> CreditRating.C)
                .argument(CreditLimitChanged.class, NullArgumentsTester.CONSTRUCTOR, "to", () -> Money.cny("99999.00"))
                .argument(CreditLimitExceeded.class, NullArgumentsTester.CONSTRUCTOR, "exposure", () -> Money.cny("99999.00"));
        tester.nullableParameters(BillingAccountSnapshot.class, NullArgumentsTester.CONSTRUCTOR,
                "a snapshot is validated by restore, which reports a null part as corrupt");
        String idReason = "an identifier's one component is the whole id, so it is reported by the id's name";
        tester.alias(ArrearsFactId.class, NullArgumentsTester.CONSTRUCTOR, "value", "arrearsFactId", idReason)
                .alias(BillId.class, NullArgumentsTester.CONSTRUCTOR, "value", "billId", idReason);
    }

    /**
     * Registers sample values of the area's value types, for the null-argument tests of the layers
     * above the domain.
     *
     * @param tester the tester
     */
    public static void values(NullArgumentsTester tester) {
        tester.value(ArrearsFactId.class, () -> new ArrearsFactId("AF-1"))
                .value(BillId.class, () -> new BillId("BILL-1"))
                .value(AgeBands.class, AgeBands::standard)
                .value(ArrearsAgeing.class, BillingSamples::ageing)
                .value(BillPreferences.class, BillingSamples::preferences);
    }
}
