package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ArrearsRule;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsAgeing;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.ArrearsRateInput;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.billing.BillPreferenceRuleException;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.BillSplit;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.billing.PreferenceChange;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.ScorecardDefinition;
import dev.keyline.domain.kpi.ScorecardLine;
import dev.keyline.domain.kpi.ScorecardResult;
import dev.keyline.domain.kpi.SeedKpiUnits;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.RankedAccount;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.priority.ServiceTierBand;
import dev.keyline.domain.priority.ServiceTierTable;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.staff.IncompleteScorecardException;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.billing.BillingAccounts;
import dev.keyline.runtime.billing.CreditCheck;
import dev.keyline.runtime.billing.CreditWarnings;
import dev.keyline.runtime.priority.PriorityRankings;
import dev.keyline.runtime.staff.Incentives;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.spi.OutboxEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Billing, customer priority and HR (计费、客户优先级与人力资源接口) on the key accounts of the
 * key-account chapter: bill preferences for a Suzhou and a Kunming account (one combination
 * refused, one change kept in the history); billing's arrears facts for the Kunming account age past
 * its limit, and the credit check raises the credit warning and, through the arrears rule, the
 * churn warning; billing's revenue and profit for two quarters rank the accounts (all, and one
 * industry), and the first-ranked account's provisioning order gets its tighter target and an
 * earlier place in the queue; an incentive is paid on a complete scorecard and refused on an
 * incomplete one.
 *
 * <p>The chapter starts on the sixth day of the quarter after the one the clock stands in, so it
 * works wherever the chapters before it leave the clock; every date follows from that day.
 */
public final class BillingPriorityHrChapter implements DemoChapter {

    /** The random purpose of the chapter's revenue and profit figures. */
    public static final String RANDOM_PURPOSE = "billing-priority";

    /** How many key accounts of each network the chapter bills and ranks. */
    public static final int ACCOUNTS_PER_NETWORK = 3;

    /** The ranking's weights: revenue counts most, then profit, then growth. */
    public static final RankingWeights WEIGHTS = new RankingWeights(new BigDecimal("0.5"), new BigDecimal("0.3"),
            new BigDecimal("0.2"));

    /** The service tiers the ranking gives: ranks 1–2 platinum (half the time), 3–4 gold. */
    public static final ServiceTierTable TIERS = ServiceTierTable.of(
            new ServiceTierBand("PLATINUM", 1, 2, new BigDecimal("0.5"), new BigDecimal("0.5")),
            new ServiceTierBand("GOLD", 3, 4, new BigDecimal("0.75"), new BigDecimal("0.75")));

    /** The credit limit of the Kunming account whose arrears age past it. */
    public static final Money KUNMING_LIMIT = Money.cny("50000.00");

    /** The base of the incentive. */
    public static final Money INCENTIVE_BASE = Money.cny("5000.00");

    /** The incentive ledger of the key-account department. */
    public static final IncentiveLedgerId LEDGER = new IncentiveLedgerId("key-accounts");

    /** The scorecard the incentives are paid on: the account manager's billing and retention. */
    public static final ScorecardDefinition SCORECARD = ScorecardDefinition.of("account-manager-billing",
            Role.ACCOUNT_MANAGER, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT, List.of(
                    ScorecardLine.of(KpiCatalogue.ARREARS_RATE, 50), ScorecardLine.of(KpiCatalogue.CHURN_RATE, 50)));

    /** The market analyst who records the ranking. */
    public static final Actor ANALYST = Actor.withRoles(new UserId("zhao.lei"), Role.MARKET_ANALYST);

    private static final ProductCode DDN = new ProductCode("DDN");
    private static final ProductCode MPLS = new ProductCode("MPLS");
    private static final LocalTime MORNING = LocalTime.of(9, 0);
    private static final Actor FINANCE = DemoStaff.FINANCIAL_MANAGER;

    /** A billing, priority and HR chapter. */
    public BillingPriorityHrChapter() {
    }

    @Override
    public String title() {
        return "Billing, priority and HR";
    }

    /**
     * The accounts the chapter bills and ranks: the first {@value #ACCOUNTS_PER_NETWORK} active key
     * accounts with an account manager of Suzhou, then of Kunming, by id.
     *
     * @param accounts the key-account service
     * @return Suzhou's accounts, then Kunming's
     * @throws InvalidStateException when a network has too few
     */
    public static List<KeyAccountSnapshot> accountsOf(KeyAccounts accounts) {
        Require.nonNull(accounts, "accounts");
        List<KeyAccountSnapshot> chosen = new ArrayList<>();
        for (LocalNetworkId network : List.of(SeedMinimums.SUZHOU, SeedMinimums.KUNMING)) {
            List<KeyAccountSnapshot> active = accounts.accountsOf(network).stream()
                    .filter(a -> a.status() == AccountStatus.ACTIVE && a.accountManager().isPresent())
                    .sorted(Comparator.comparing(a -> a.id().value())).limit(ACCOUNTS_PER_NETWORK).toList();
            if (active.size() < ACCOUNTS_PER_NETWORK) {
                throw new InvalidStateException(network + " has " + active.size() + " active key accounts, the chapter"
                        + " needs " + ACCOUNTS_PER_NETWORK);
            }
            chosen.addAll(active);
        }
        return List.copyOf(chosen);
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        Period running = Period.containing(context.today(), Period.Granularity.QUARTER);
        LocalDate start = running.next().start();
        context.moveTo(start.plusDays(5).atTime(MORNING));
        Period quarter = running;
        KeyAccounts accounts = KeyAccounts.on(context.keyline());
        List<KeyAccountSnapshot> chosen = accountsOf(accounts);
        KeyAccountSnapshot suzhou = chosen.get(0);
        KeyAccountSnapshot kunming = chosen.get(ACCOUNTS_PER_NETWORK);

        out.summary("Bill preferences for " + suzhou.id() + " and " + kunming.id() + "; " + kunming.id()
                + "'s arrears raise the credit and churn warnings; " + quarter + "'s ranking tightens a work"
                + " order; one incentive paid, one refused.");
        preferences(context, out, accounts, suzhou, kunming);
        arrears(context, out, accounts, suzhou, kunming, start, quarter);
        PriorityRankingSnapshot ranking = ranking(context, out, chosen, quarter);
        serviceTier(context, out, accounts, ranking);
        incentives(context, out, accounts, suzhou, kunming, quarter);
        context.deliverNotifications("billing, priority and HR");
    }

    private static void preferences(DemoContext context, ReportSection out, KeyAccounts accounts,
            KeyAccountSnapshot suzhou, KeyAccountSnapshot kunming) {
        BillingAccounts billing = BillingAccounts.on(context.keyline());
        billing.open(FINANCE, suzhou.id(), CreditRating.AA, Money.cny("200000.00"), AgeBands.standard());
        billing.open(FINANCE, kunming.id(), CreditRating.BBB, KUNMING_LIMIT, AgeBands.standard());
        Actor suzhouManager = DemoStaff.accountManagerOf(accounts, suzhou.id());
        Actor kunmingManager = DemoStaff.accountManagerOf(accounts, kunming.id());
        billing.changePreferences(suzhouManager, suzhou.id(), new BillPreferences(BillChannel.EDI, BillFrequency.MONTHLY,
                BillFormat.XML, BillDetail.ITEMISED, BillSplit.PER_BRANCH, List.of("SZ-HQ", "SZ-SIP"), List.of()),
                "the treasury reads bills by EDI, one per branch");
        String refused;
        try {
            billing.changePreferences(suzhouManager, suzhou.id(), new BillPreferences(BillChannel.EDI,
                    BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED, BillSplit.PER_BRANCH,
                    List.of("SZ-HQ", "SZ-SIP"), List.of()), "a PDF over EDI");
            throw new InvalidStateException("EDI with a PDF bill was accepted");
        } catch (BillPreferenceRuleException e) {
            refused = e.rule() + ": " + e.getMessage();
        }
        billing.changePreferences(suzhouManager, suzhou.id(), new BillPreferences(BillChannel.EDI,
                BillFrequency.MONTHLY, BillFormat.XML, BillDetail.ITEMISED_WITH_CALL_DETAIL, BillSplit.PER_BRANCH,
                List.of("SZ-HQ", "SZ-SIP"), List.of()), "the audit asks for call detail records (详单)");
        billing.changePreferences(kunmingManager, kunming.id(), new BillPreferences(BillChannel.PAPER,
                BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.SUMMARY, BillSplit.CONSOLIDATED, List.of(), List.of()),
                "one printed bill for the whole group");

        out.heading("Bill preferences");
        List<List<String>> rows = new ArrayList<>();
        for (KeyAccountSnapshot account : List.of(suzhou, kunming)) {
            for (PreferenceChange change : billing.get(FINANCE, account.id()).preferenceHistory()) {
                BillPreferences p = change.preferences();
                rows.add(List.of(account.id().value(), String.valueOf(change.revision()), p.channel() + " " + p.format()
                        + " " + p.frequency() + " " + p.detail() + " " + p.split() + (p.branches().isEmpty() ? ""
                        : " " + p.branches()), change.by().value(), change.reason()));
            }
        }
        out.table("Preference history", List.of("Account", "Revision", "Preferences", "By", "Why"), rows);
        out.fact("Refused combination", refused);
    }

    private static void arrears(DemoContext context, ReportSection out, KeyAccounts accounts, KeyAccountSnapshot suzhou,
            KeyAccountSnapshot kunming, LocalDate start, Period quarter) {
        BillingAccounts billing = BillingAccounts.on(context.keyline());
        java.time.Instant recorded = context.clock().instant();
        AccountId sz = suzhou.id();
        AccountId km = kunming.id();
        billing.recordArrears(FINANCE, List.of(
                ArrearsFact.billed(new ArrearsFactId("AF-" + sz + "-1"), sz, new BillId(sz + "-B1"),
                        Money.cny("25000.00"), start.minusDays(60), start.minusDays(30), recorded),
                ArrearsFact.settled(new ArrearsFactId("AF-" + sz + "-2"), sz, new BillId(sz + "-B1"),
                        ArrearsFactKind.PAID, Money.cny("25000.00"), start.minusDays(35), recorded),
                ArrearsFact.billed(new ArrearsFactId("AF-" + km + "-1"), km, new BillId(km + "-B1"),
                        Money.cny("48000.00"), start.minusDays(130), start.minusDays(100), recorded),
                ArrearsFact.settled(new ArrearsFactId("AF-" + km + "-2"), km, new BillId(km + "-B1"),
                        ArrearsFactKind.PAID, Money.cny("6000.00"), start.minusDays(80), recorded),
                ArrearsFact.billed(new ArrearsFactId("AF-" + km + "-3"), km, new BillId(km + "-B2"),
                        Money.cny("30000.00"), start.minusDays(45), start.minusDays(15), recorded)));
        long before = lastSequence(context);
        Actor manager = DemoStaff.accountManagerOf(accounts, km);
        CreditCheck check = CreditWarnings.on(context.keyline()).check(manager, km, List.of());
        if (!check.raisedChurnWarning() || check.churn().raised().stream().noneMatch(s -> s.rule().equals(ArrearsRule.NAME))) {
            throw new InvalidStateException("the arrears of " + km + " raised no churn warning by the arrears rule");
        }
        context.deliverNotifications("the credit check of " + km);

        BillingAccountSnapshot profile = check.billing();
        ArrearsAgeing ageing = profile.arrears();
        out.heading("Arrears, the credit warning and the churn warning");
        List<String> labels = ageing.bands().labels();
        List<List<String>> bands = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bands.add(List.of(labels.get(i), Figures.cny(ageing.inBand(i))));
        }
        bands.add(List.of("total", Figures.cny(ageing.total())));
        out.table("Arrears of " + km + " by age band on " + ageing.asOf(), List.of("Days overdue", "Arrears (CNY)"),
                bands);
        out.fact("Credit profile", profile.rating() + ", limit " + Figures.cny(profile.creditLimit()) + ", exposure "
                + Figures.cny(ageing.outstanding()) + (profile.limitExceeded() ? ", limit exceeded" : ""));
        out.fact("Churn rules fired", String.join("; ", check.churn().raised().stream().map(ChurnSignal::detail).toList()));
        List<List<String>> chain = new ArrayList<>();
        for (OutboxEntry e : context.outbox()) {
            if (e.sequence() > before && !e.isTimer() && e.message().aggregateId().equals(km.value())) {
                chain.add(List.of(String.valueOf(e.sequence()), e.message().type(), e.message().audience().role()));
            }
        }
        out.table("Event chain of the credit check", List.of("Sequence", "Event", "To role"), chain);
        ArrearsRateInput rate = billing.arrearsRateInput(FINANCE, sz, quarter);
        out.fact("Arrears-rate input of " + sz + " for " + quarter, "overdue " + Figures.cny(rate.overdue())
                + ", billed " + Figures.cny(rate.billed()));
    }

    private static PriorityRankingSnapshot ranking(DemoContext context, ReportSection out,
            List<KeyAccountSnapshot> chosen, Period quarter) {
        PriorityRankings priority = PriorityRankings.on(context.keyline());
        Period base = quarter.previous().previous().previous().previous();
        Random random = context.random(RANDOM_PURPOSE);
        java.time.Instant recorded = context.clock().instant();
        int n = 0;
        for (KeyAccountSnapshot account : chosen) {
            long revenue = 200_000 + random.nextInt(1_000_001);
            long profit = revenue * (15 + random.nextInt(26)) / 100;
            long baseRevenue = revenue * 100 / (80 + random.nextInt(61));
            long baseProfit = baseRevenue * (15 + random.nextInt(26)) / 100;
            boolean mpls = random.nextBoolean();
            for (Period period : List.of(base, quarter)) {
                long r = period.equals(quarter) ? revenue : baseRevenue;
                long p = period.equals(quarter) ? profit : baseProfit;
                long ddn = mpls ? r * 7 / 10 : r;
                long ddnProfit = mpls ? p * 7 / 10 : p;
                priority.recordResult(FINANCE, fact(++n, account, period, DDN, ddn, ddnProfit, recorded));
                if (mpls) {
                    priority.recordResult(FINANCE, fact(++n, account, period, MPLS, r - ddn, p - ddnProfit, recorded));
                }
            }
        }
        PriorityRankingSnapshot all = priority.rank(ANALYST, quarter, Segment.all(), WEIGHTS,
                GrowthBasis.SAME_PERIOD_LAST_YEAR);
        Industry industry = all.entries().get(0).result().industry();
        PriorityRankingSnapshot segment = priority.rank(ANALYST, quarter, Segment.industry(industry), WEIGHTS,
                GrowthBasis.SAME_PERIOD_LAST_YEAR);
        context.deliverNotifications("the rankings of " + quarter);

        out.heading("Customer priority");
        out.paragraph("Billing sends each account's revenue and profit per product for " + quarter + " and " + base
                + "; the market analyst ranks them on " + WEIGHTS + " (revenue, profit, growth against the same"
                + " quarter last year), all accounts and the " + Figures.industry(industry) + " segment.");
        out.table("Ranking " + all.id(), List.of("Rank", "Account", "Revenue (CNY)", "Profit (CNY)", "Growth",
                "Score"), rows(all));
        out.table("Ranking " + segment.id(), List.of("Rank", "Account", "Revenue (CNY)", "Profit (CNY)", "Growth",
                "Score"), rows(segment));
        return all;
    }

    /**
     * The rows of a ranking's table: rank, account, revenue, profit, growth, score.
     *
     * @param ranking the ranking
     * @return one row an account, in rank order
     */
    public static List<List<String>> rows(PriorityRankingSnapshot ranking) {
        Require.nonNull(ranking, "ranking");
        List<List<String>> rows = new ArrayList<>();
        for (RankedAccount entry : ranking.entries()) {
            rows.add(List.of(String.valueOf(entry.rank()), entry.account().value(), Figures.cny(entry.result().revenue()),
                    Figures.cny(entry.result().profit()),
                    entry.result().growth().map(Figures::percent).orElse("undefined"),
                    entry.score().toPlainString()));
        }
        return rows;
    }

    private static AccountResultFact fact(int n, KeyAccountSnapshot account, Period period, ProductCode product,
            long revenue, long profit, java.time.Instant recorded) {
        return new AccountResultFact(new AccountResultFactId("AR-" + period + "-" + n), account.id(), period, product,
                account.industry(), Money.cny(BigDecimal.valueOf(revenue)), Money.cny(BigDecimal.valueOf(profit)),
                recorded);
    }

    private static void serviceTier(DemoContext context, ReportSection out, KeyAccounts accounts,
            PriorityRankingSnapshot ranking) {
        ServicePriorityLookup lookup = PriorityRankings.on(context.keyline()).servicePriorities(TIERS, ranking.period(),
                ranking.segment());
        ProvisioningOrders orders = ProvisioningOrders.on(context.keyline(), BusinessCalendar.allDays(Demo.ZONE),
                new BigDecimal("0.8")).withPriorities(lookup);
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        AccountId first = ranking.entries().get(0).account();
        AccountId last = ranking.entries().get(ranking.entries().size() - 1).account();
        int year = context.today().getYear();
        ProvisioningOrderId standardOrder = new ProvisioningOrderId("PO-" + year + "-0201");
        ProvisioningOrderId rankedOrder = new ProvisioningOrderId("PO-" + year + "-0202");
        ProvisioningOrderSnapshot standard = open(orders, accounts, standardOrder, last, plan);
        ProvisioningOrderSnapshot ranked = open(orders, accounts, rankedOrder, first, plan);
        ServicePriority priority = lookup.priorityOf(first);
        WorkOrderStation station = new WorkOrderStation("BH-" + SeedProvisioningPlans.ORDER_ESTABLISHED.value());
        List<String> queue = orders.queue(station).stream().map(o -> o.id().value()).toList();
        if (!queue.equals(List.of(rankedOrder.value(), standardOrder.value()))) {
            throw new InvalidStateException("the ranked account's order is not first in the queue: " + queue);
        }
        out.heading("Service priority from the ranking");
        out.fact("Tier of " + first, priority.tier() + " (rank " + priority.rank() + "), provisioning factor "
                + priority.provisioningFactor().toPlainString());
        out.fact("Committed completion", rankedOrder + " for " + first + ": " + Figures.time(ranked.committedCompletion(),
                Demo.ZONE) + "; " + standardOrder + " for " + last + " (standard, opened first): "
                + Figures.time(standard.committedCompletion(), Demo.ZONE));
        out.fact("Queue at " + station, String.join(", ", queue));
    }

    private static ProvisioningOrderSnapshot open(ProvisioningOrders orders, KeyAccounts accounts, ProvisioningOrderId id,
            AccountId account, StagePlan plan) {
        KeyAccountSnapshot snapshot = accounts.get(account);
        Actor manager = DemoStaff.accountManagerOf(accounts, account);
        List<StageAssignment> assignments = new ArrayList<>();
        for (PlannedStage stage : plan.stages()) {
            assignments.add(new StageAssignment(stage.id(), new WorkOrderStation("BH-" + stage.id().value()),
                    snapshot.network(), new UserId("sm-" + stage.id().value()), new UserId("ex-" + stage.id().value())));
        }
        return orders.open(manager, id, new ProvisioningParties(account, DDN, snapshot.network(), manager.user(),
                new UserId("it-shen")), plan, assignments, Optional.empty());
    }

    private static void incentives(DemoContext context, ReportSection out, KeyAccounts accounts,
            KeyAccountSnapshot suzhou, KeyAccountSnapshot kunming, Period quarter) {
        BillingAccounts billing = BillingAccounts.on(context.keyline());
        Incentives incentives = Incentives.on(context.keyline());
        incentives.open(DemoStaff.SUZHOU_GENERAL_MANAGER, LEDGER, IncentiveTable.standard());
        UserId paid = accounts.get(suzhou.id()).accountManager().orElseThrow();
        ScorecardResult complete = SCORECARD.apply(KpiCatalogue.seed(), quarter, List.of(
                arrearsRate(billing.arrearsRateInput(FINANCE, suzhou.id(), quarter)),
                churnRate(accounts, paid, quarter)));
        IncentiveAward award = incentives.award(FINANCE, LEDGER, paid, complete, INCENTIVE_BASE);

        Period next = quarter.next();
        UserId refusedTo = accounts.get(kunming.id()).accountManager().orElseThrow();
        ScorecardResult incomplete = SCORECARD.apply(KpiCatalogue.seed(), next, List.of(
                arrearsRate(billing.arrearsRateInput(FINANCE, kunming.id(), next)),
                churnRate(accounts, refusedTo, next)));
        String refused;
        try {
            incentives.award(FINANCE, LEDGER, refusedTo, incomplete, INCENTIVE_BASE);
            throw new InvalidStateException("an incentive was paid on an incomplete scorecard");
        } catch (IncompleteScorecardException e) {
            refused = e.getMessage();
        }
        context.deliverNotifications("the incentives");

        out.heading("Incentives");
        out.paragraph("The scorecard " + SCORECARD.id() + " weighs the arrears rate (from billing's arrears-rate input)"
                + " and the churn rate (from the key accounts each manager holds) equally; the ledger pays the"
                + " standard table (green 1.2, amber 1.0, red 0.8) on a base of " + Figures.cny(INCENTIVE_BASE)
                + " CNY.");
        List<List<String>> lines = new ArrayList<>();
        complete.lines().forEach(l -> lines.add(List.of(l.kpi().value(),
                l.value().flatMap(KpiValue::value).map(BigDecimal::toPlainString).orElse("none"),
                l.band().map(Enum::name).orElse("none"))));
        out.table("Scorecard of " + paid + " for " + quarter, List.of("KPI", "Value", "Band"), lines);
        out.fact("Incentive paid", paid + ": band " + award.band() + ", " + Figures.cny(award.base()) + " × "
                + award.factor().toPlainString() + " = " + Figures.cny(award.amount()) + " CNY");
        out.fact("Incentive refused", refusedTo + " for " + next + ": " + refused);
    }

    /**
     * The arrears rate (欠费率) of billing's input: overdue on the period's last day over billed in it.
     *
     * @param input billing's arrears-rate input
     * @return the KPI value; none when nothing was billed
     */
    public static KpiValue arrearsRate(ArrearsRateInput input) {
        Require.nonNull(input, "input");
        return KpiValue.ratio(KpiCatalogue.ARREARS_RATE, input.period(), input.overdue().amount(),
                input.billed().amount());
    }

    /**
     * The churn rate (客户流失率) of one account manager's key accounts: those held on the period's
     * first day that left within it, over those held on its first day.
     *
     * @param accounts the key-account service
     * @param manager the account manager
     * @param period the period
     * @return the KPI value; none when the manager held no account
     */
    public static KpiValue churnRate(KeyAccounts accounts, UserId manager, Period period) {
        Require.nonNull(accounts, "accounts");
        Require.nonNull(manager, "manager");
        Require.nonNull(period, "period");
        java.time.Instant first = period.startAt(Demo.ZONE);
        java.time.Instant end = period.endAt(Demo.ZONE);
        long held = 0;
        long left = 0;
        for (KeyAccountSnapshot a : accounts.accountsManagedBy(manager)) {
            boolean heldAtStart = a.registeredAt().isBefore(first) && a.exitedAt().map(x -> !x.isBefore(first)).orElse(true);
            if (heldAtStart) {
                held++;
                if (a.exitedAt().map(x -> x.isBefore(end)).orElse(false)) {
                    left++;
                }
            }
        }
        return KpiValue.ratio(KpiCatalogue.CHURN_RATE, period, left, held);
    }

    private static long lastSequence(DemoContext context) {
        List<OutboxEntry> all = context.outbox();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }
}
