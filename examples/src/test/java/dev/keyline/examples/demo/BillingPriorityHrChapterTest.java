package dev.keyline.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ArrearsRule;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.billing.ArrearsAgeing;
import dev.keyline.domain.billing.BillPreferenceRule;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.billing.CreditLimitExceeded;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedgerSnapshot;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.Report;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.billing.BillingAccounts;
import dev.keyline.runtime.priority.PriorityRankings;
import dev.keyline.runtime.staff.Incentives;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.spi.OutboxEntry;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The billing, priority and HR chapter after the foundation and the key accounts, with a probe
 * that reads back what the chapter stored: its figures equal the stored billing accounts,
 * rankings, orders and incentive ledger; the churn warning was raised by the arrears rule; the
 * incentive is the base times the factor of the scorecard's band.
 */
class BillingPriorityHrChapterTest {

    @TempDir
    static Path dir;

    private static Chapter chapter;
    private static BillingAccountSnapshot suzhouBilling;
    private static BillingAccountSnapshot kunmingBilling;
    private static KeyAccountSnapshot kunmingAfter;
    private static List<OutboxEntry> outbox;
    private static List<PriorityRankingSnapshot> rankings;
    private static List<ProvisioningOrderSnapshot> orders;
    private static IncentiveLedgerSnapshot ledger;

    /** A last chapter that reads the chapter's stored state back through the runtime. */
    private static final class Probe implements DemoChapter {
        @Override
        public String title() {
            return "Probe";
        }

        @Override
        public void run(DemoContext context, ReportSection out) {
            KeyAccounts keyAccounts = KeyAccounts.on(context.keyline());
            PriorityRankings priority = PriorityRankings.on(context.keyline());
            rankings = new ArrayList<>(priority.history(Segment.all()));
            PriorityRankingSnapshot first = rankings.get(0);
            rankings.add(priority.find(first.period(), Segment.industry(first.entries().get(0).result().industry()))
                    .orElseThrow());
            // the chapter bills the first ranked account of each network by id, Suzhou's then Kunming's
            List<KeyAccountSnapshot> ranked = first.entries().stream().map(e -> keyAccounts.get(e.account()))
                    .sorted(Comparator.comparing(a -> a.id().value())).toList();
            KeyAccountSnapshot suzhou = ranked.stream().filter(a -> a.network().equals(SeedMinimums.SUZHOU))
                    .findFirst().orElseThrow();
            KeyAccountSnapshot kunming = ranked.stream().filter(a -> a.network().equals(SeedMinimums.KUNMING))
                    .findFirst().orElseThrow();
            BillingAccounts billing = BillingAccounts.on(context.keyline());
            suzhouBilling = billing.get(DemoStaff.FINANCIAL_MANAGER, suzhou.id());
            kunmingBilling = billing.get(DemoStaff.FINANCIAL_MANAGER, kunming.id());
            kunmingAfter = keyAccounts.get(kunmingBilling.id());
            outbox = context.outbox();
            ProvisioningOrders provisioning = ProvisioningOrders.on(context.keyline());
            int year = context.today().getYear();
            orders = List.of(provisioning.find(new ProvisioningOrderId("PO-" + year + "-0201")),
                    provisioning.find(new ProvisioningOrderId("PO-" + year + "-0202")));
            ledger = Incentives.on(context.keyline()).get(BillingPriorityHrChapter.LEDGER);
            out.paragraph("probe");
        }
    }

    @BeforeAll
    static void runTheChapter() throws IOException {
        Report report = new Demo(List.of(new FoundationChapter(), new KeyAccountsChapter(),
                new BillingPriorityHrChapter(), new Probe())).run(dir).report();
        chapter = report.chapters().get(2);
    }

    private static Block.Table table(String captionStart) {
        return chapter.blocks().stream()
                .filter(b -> b instanceof Block.Table t && t.caption().startsWith(captionStart))
                .map(Block.Table.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + captionStart));
    }

    private static String fact(String label) {
        return chapter.blocks().stream().filter(b -> b instanceof Block.Facts).map(Block.Facts.class::cast)
                .flatMap(f -> f.facts().stream()).filter(f -> f.label().equals(label)).map(Block.Fact::value)
                .findFirst().orElseThrow(() -> new AssertionError("no fact " + label));
    }

    @Test
    void thePreferenceHistoryIsTheStoredOneAndTheRefusedCombinationChangedNothing() {
        Block.Table history = table("Preference history");

        assertThat(suzhouBilling.preferenceHistory()).hasSize(2);
        assertThat(kunmingBilling.preferenceHistory()).hasSize(1);
        assertThat(history.rows()).hasSize(3);
        assertThat(history.rows()).extracting(r -> r.get(0) + "/" + r.get(1) + "/" + r.get(3) + "/" + r.get(4))
                .containsExactly(suzhouBilling.preferenceHistory().stream().map(c -> suzhouBilling.id() + "/"
                        + c.revision() + "/" + c.by() + "/" + c.reason()).toList().get(0),
                        suzhouBilling.preferenceHistory().stream().map(c -> suzhouBilling.id() + "/"
                        + c.revision() + "/" + c.by() + "/" + c.reason()).toList().get(1),
                        kunmingBilling.id() + "/1/" + kunmingBilling.preferenceHistory().get(0).by() + "/"
                        + kunmingBilling.preferenceHistory().get(0).reason());
        assertThat(history.rows().get(1).get(2)).contains("ITEMISED_WITH_CALL_DETAIL");
        assertThat(fact("Refused combination")).startsWith(BillPreferenceRule.EDI_NEEDS_MACHINE_READABLE_FORMAT.name());
    }

    @Test
    void theAgeingShownIsTheStoredCreditProfileAndItsBandsSumToTheTotal() {
        ArrearsAgeing ageing = kunmingBilling.arrears();
        Block.Table bands = table("Arrears of " + kunmingBilling.id());

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ageing.bands().count(); i++) {
            expected.add(Figures.cny(ageing.inBand(i)));
        }
        expected.add(Figures.cny(ageing.total()));
        assertThat(bands.rows()).extracting(r -> r.get(1)).containsExactlyElementsOf(expected);
        assertThat(Money.sum(ageing.byBand(), Money.CNY)).isEqualTo(ageing.total());
        assertThat(ageing.total()).isEqualTo(Money.cny("72000.00"));
        assertThat(ageing.inBand(0)).isEqualTo(Money.cny("30000.00"));
        assertThat(ageing.inBand(ageing.bands().count() - 1)).isEqualTo(Money.cny("42000.00"));
        assertThat(kunmingBilling.limitExceeded()).isTrue();
        assertThat(kunmingBilling.creditLimit()).isEqualTo(BillingPriorityHrChapter.KUNMING_LIMIT);
        assertThat(fact("Credit profile")).contains(Figures.cny(ageing.outstanding()), "limit exceeded");
    }

    @Test
    void theChurnWarningWasRaisedByTheArrearsRuleAfterTheCreditWarning() {
        assertThat(kunmingAfter.status()).isEqualTo(AccountStatus.CHURN_WARNING);
        assertThat(kunmingAfter.churnSignals()).extracting(ChurnSignal::rule).contains(ArrearsRule.NAME);
        List<String> chain = table("Event chain of the credit check").rows().stream().map(r -> r.get(1)).toList();
        assertThat(chain).containsSubsequence(CreditLimitExceeded.TYPE, ChurnWarningRaised.TYPE);
        assertThat(outbox).filteredOn(e -> e.message().type().equals(ChurnWarningRaised.TYPE)
                && e.message().aggregateId().equals(kunmingBilling.id().value())).hasSize(1);
    }

    @Test
    void theRankingTablesAreTheStoredRankings() {
        assertThat(rankings).hasSize(2);
        PriorityRankingSnapshot all = rankings.get(0);
        assertThat(all.entries()).hasSize(2 * BillingPriorityHrChapter.ACCOUNTS_PER_NETWORK);
        assertThat(table("Ranking " + all.id()).rows()).isEqualTo(BillingPriorityHrChapter.rows(all));
        PriorityRankingSnapshot industry = rankings.get(1);
        assertThat(table("Ranking " + industry.id()).rows()).isEqualTo(BillingPriorityHrChapter.rows(industry));
        assertThat(industry.entries()).allMatch(e -> e.result().industry() == all.entries().get(0).result().industry());
        assertThat(table("Ranking " + all.id()).headers())
                .containsExactly("Rank", "Account", "Revenue (CNY)", "Profit (CNY)", "Growth", "Score");
    }

    @Test
    void theFirstRankedAccountsOrderHasTheTighterTargetAndTheEarlierQueuePlace() {
        ProvisioningOrderSnapshot standard = orders.get(0);
        ProvisioningOrderSnapshot ranked = orders.get(1);
        PriorityRankingSnapshot all = rankings.get(0);

        assertThat(ranked.parties().account()).isEqualTo(all.entries().get(0).account());
        assertThat(standard.parties().account()).isEqualTo(all.entries().get(all.entries().size() - 1).account());
        Duration rankedSpan = Duration.between(ranked.start(), ranked.committedCompletion());
        Duration standardSpan = Duration.between(standard.start(), standard.committedCompletion());
        assertThat(rankedSpan.multipliedBy(2)).isEqualTo(standardSpan);
        assertThat(fact("Tier of " + ranked.parties().account())).startsWith("PLATINUM (rank 1)").endsWith("0.5");
        assertThat(fact("Queue at BH-" + dev.keyline.domain.workorder.SeedProvisioningPlans.ORDER_ESTABLISHED.value()))
                .isEqualTo(ranked.id() + ", " + standard.id());
    }

    @Test
    void theIncentiveIsTheBaseTimesTheFactorOfItsBandAndTheIncompleteScorecardPaidNothing() {
        assertThat(ledger.awards()).hasSize(1);
        IncentiveAward award = ledger.awards().get(0);
        BigDecimal factor = IncentiveTable.standard().factorFor(award.band());

        assertThat(award.factor()).isEqualByComparingTo(factor);
        assertThat(award.base()).isEqualTo(BillingPriorityHrChapter.INCENTIVE_BASE);
        assertThat(award.amount().amount()).isEqualByComparingTo(
                BillingPriorityHrChapter.INCENTIVE_BASE.amount().multiply(factor).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(award.recipient()).isEqualTo(accountManagerOfFirst());
        assertThat(fact("Incentive paid")).isEqualTo(award.recipient() + ": band " + award.band() + ", "
                + Figures.cny(award.base()) + " × " + award.factor().toPlainString() + " = "
                + Figures.cny(award.amount()) + " CNY");
        assertThat(fact("Incentive refused")).contains("arrears-rate");
    }

    private static dev.keyline.domain.common.UserId accountManagerOfFirst() {
        return suzhouBilling.preferenceHistory().get(0).by();
    }
}
