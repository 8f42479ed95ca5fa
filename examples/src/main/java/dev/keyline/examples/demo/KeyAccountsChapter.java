package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ChurnInputs;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.account.EffectiveSpend;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PlanAction;
import dev.keyline.domain.account.PlanProgress;
import dev.keyline.domain.account.PotentialAssessment;
import dev.keyline.domain.account.PotentialCriteria;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.ResourcePlanItem;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.AccountPlans;
import dev.keyline.runtime.account.ChurnEvaluation;
import dev.keyline.runtime.account.ChurnObservations;
import dev.keyline.runtime.account.ClassificationSettings;
import dev.keyline.runtime.account.ChurnWarnings;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.account.ReclassificationNotDueException;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.OutboxEntry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Key-account management (大客户管理) for two local networks of the seed, Suzhou (SZ) and Kunming
 * (KM), run through the runtime's {@link KeyAccounts}, {@link Reclassifications}, {@link ChurnWarnings} and {@link AccountPlans} services on the
 * demo's database: a generated population is registered with industries and account managers, its
 * billing facts recorded, and each network's list drawn (大客户认定) first by the 30 % revenue-share
 * rule, then by the seed's monthly minimum (5,000 CNY for Suzhou, 10,000 CNY for Kunming), with
 * level 2 (national) accounts from the group's national list, level 1 (local) accounts and
 * potential key accounts. Then one national account gets a virtual team and an account plan
 * (客户发展计划), and one local account's falling spend raises a churn warning (客户预警) before it
 * leaves the network (离网).
 */
public final class KeyAccountsChapter implements DemoChapter {

    /** How many months the assessment window spans: the list is redrawn every half year. */
    public static final int WINDOW_MONTHS = 6;

    /** How many customers each network has. */
    public static final int CUSTOMERS = 60;

    /** The purpose the chapter draws spend for; see {@link DemoContext#random(String)}. */
    public static final String RANDOM_PURPOSE = "key-accounts";

    /** The purpose the chapter draws the customers' industries, profiles and managers for. */
    public static final String CUSTOMER_PURPOSE = "key-account-customers";

    /** Both networks redraw their lists every half year. */
    public static final ReclassificationPolicy POLICY = ReclassificationPolicy.halfYearly();

    /**
     * The potential key-account criteria: an industry above 5 % of key-account revenue, and a
     * customer among its top 2 (finance, key customers, information) or its top 1 (the others) by
     * turnover or investment.
     */
    public static final PotentialCriteria POTENTIALS = PotentialCriteria.withCutOffs(Map.of(
            Industry.FINANCE, 2, Industry.KEY_CUSTOMERS, 2, Industry.INFORMATION, 2,
            Industry.SCIENCE_EDUCATION_CULTURE_HEALTH, 1, Industry.TOURISM, 1, Industry.COMMERCE_TRADE, 1));

    /** The year of the account plan. */
    public static final Year PLAN_YEAR = Year.of(2024);

    /** The product the plan's resource line and the first price request are for: a DDN leased circuit. */
    public static final ProductCode DDN = new ProductCode("DDN");

    /** What the churning account spends in July, August and September, as shares of its June spend. */
    private static final List<BigDecimal> FALLING = List.of(new BigDecimal("0.85"), new BigDecimal("0.70"),
            new BigDecimal("0.50"));

    private static final LocalTime MORNING = LocalTime.of(9, 0);

    /** A key-accounts chapter. */
    public KeyAccountsChapter() {
    }

    @Override
    public String title() {
        return "Key accounts";
    }

    /**
     * The populations the chapter classifies: Suzhou's then Kunming's, drawn in that order.
     *
     * @param window the assessment window
     * @param zone the zone billing records in
     * @param random the chapter's random source ({@value #RANDOM_PURPOSE})
     * @return the two populations
     */
    public static List<SpendPopulation> populations(AssessmentWindow window, ZoneId zone, Random random) {
        Require.nonNull(window, "window");
        Require.nonNull(zone, "zone");
        Require.nonNull(random, "random");
        return List.of(
                SpendPopulation.generate(SeedMinimums.SUZHOU, CUSTOMERS, 2_500, window, zone, random),
                SpendPopulation.generate(SeedMinimums.KUNMING, CUSTOMERS, 4_000, window, zone, random));
    }

    /**
     * The CRM's view of the customers of each population, drawn in the populations' order.
     *
     * @param populations the populations
     * @param window the assessment window
     * @param random the chapter's random source for customers ({@value #CUSTOMER_PURPOSE})
     * @return the customers of each population, in the same order
     */
    public static List<List<DemoCustomer>> customers(List<SpendPopulation> populations, AssessmentWindow window,
            Random random) {
        Require.nonNullElements(populations, "populations");
        List<List<DemoCustomer>> customers = new ArrayList<>();
        for (SpendPopulation population : populations) {
            customers.add(DemoCustomer.generate(population, window, DemoStaff.accountManagersOf(population.network()),
                    random));
        }
        return List.copyOf(customers);
    }

    /**
     * The assessment window of a run on {@code runDate}: the {@value #WINDOW_MONTHS} whole months before it.
     *
     * @param runDate the run date
     * @return the window
     */
    public static AssessmentWindow window(LocalDate runDate) {
        return POLICY.window(runDate);
    }

    /**
     * How a network draws its list with a rule: every half year, the population's national list,
     * {@link #POTENTIALS}.
     *
     * @param population the network's population
     * @param rule the classification rule
     * @return the settings
     */
    public static ClassificationSettings settings(SpendPopulation population, ClassificationRule rule) {
        Require.nonNull(population, "population");
        return ClassificationSettings.of(Require.nonNull(rule, "rule"), POLICY).withNationals(population.nationals())
                .withPotentials(POTENTIALS);
    }

    /**
     * How a tier is shown in the report.
     *
     * @param tier the tier
     * @return {@code Level 2 (national)}, {@code Level 1 (local)}, {@code potential}, or a dash for no key account
     */
    public static String tierName(Tier tier) {
        return Figures.tier(tier);
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        LocalDate firstRun = context.today();
        AssessmentWindow window = window(firstRun);
        List<SpendPopulation> populations = populations(window, context.clock().getZone(),
                context.random(RANDOM_PURPOSE));
        List<List<DemoCustomer>> customers = customers(populations, window, context.random(CUSTOMER_PURPOSE));
        KeyAccounts accounts = KeyAccounts.on(context.keyline());

        out.paragraph("The seed defines a local network's key accounts (大客户) as the customers whose telecom spend "
                + "makes up 30 % of the network's revenue; in practice a network may set an absolute monthly minimum "
                + "instead, its examples being 5,000 CNY for Suzhou and 10,000 CNY for Kunming, and the list is redrawn "
                + "every year or every half year. Key accounts on the group's national list are level 2 (二级, "
                + "national), the others level 1 (一级, local); customers that are not key accounts yet may be potential "
                + "key accounts (潜在大客户). Everything below runs through the runtime's key-account services "
                + "(KeyAccounts, Reclassifications, ChurnWarnings, AccountPlans) on the demo's database: each command as the person who would issue it, "
                + "in one transaction, with its events written to the outbox.");

        for (int i = 0; i < populations.size(); i++) {
            register(accounts, populations.get(i), customers.get(i));
        }
        writeRegistration(accounts, populations, window, out);

        Reclassifications reclassifications = Reclassifications.on(context.keyline());
        Map<LocalNetworkId, Runs> runs = reclassify(context, reclassifications, populations);
        context.deliverNotifications("registration and the reclassification runs");
        writeRuns(reclassifications, populations, window, runs, out);
        writeTiers(accounts, reclassifications, populations, customers, window, out);

        context.moveTo(firstRun.plusDays(2).atTime(MORNING));
        AccountId planAccount = writeAccountPlan(context, accounts, out);
        context.deliverNotifications("the account plan");

        AccountId churning = writeChurnWarning(context, accounts, firstRun, out);
        writeExit(context, accounts, churning, out);

        out.summary(String.join("; ", populations.stream().map(p -> {
            Runs r = runs.get(p.network());
            return p.network() + " " + r.byShare().result().keyAccounts().size() + " key accounts by share, "
                    + r.byMinimum().result().keyAccounts().size() + " by minimum";
        }).toList()) + "; an account plan for " + planAccount + "; a churn warning and the exit of " + churning);
    }

    // ------------------------------------------------------------------ registration

    private static void register(KeyAccounts accounts, SpendPopulation population, List<DemoCustomer> customers) {
        Actor general = DemoStaff.generalManagerOf(population.network());
        for (DemoCustomer c : customers) {
            accounts.register(general, c.id(), c.name(), population.network(), c.industry(), c.profile(), c.potential());
            accounts.assignManager(general, c.id(), c.accountManager());
            accounts.activate(general, c.id());
        }
        accounts.recordSpend(general, population.facts());
    }

    private static void writeRegistration(KeyAccounts accounts, List<SpendPopulation> populations,
            AssessmentWindow window, ReportSection out) {
        out.heading("Registering the customers");
        out.paragraph("Each network's department general manager registers every customer of the generated "
                + "population with its industry, characteristics and potential flags, assigns its account manager, "
                + "activates it and records billing's monthly spend facts for " + window.first() + " to "
                + window.last() + ". Spend is log-normal (a few customers spend tens of thousands a month, most a "
                + "few thousand, some nothing); customers spending over 30,000 CNY a month are on the group's "
                + "national list with even odds. Below, what the database holds afterwards.");
        List<List<String>> rows = new ArrayList<>();
        for (SpendPopulation population : populations) {
            List<KeyAccountSnapshot> registered = accounts.accountsOf(population.network());
            long active = registered.stream().filter(a -> a.status() == AccountStatus.ACTIVE).count();
            int facts = registered.stream().mapToInt(a -> accounts.spendOf(a.id()).size()).sum();
            rows.add(List.of(population.network().value(), String.valueOf(registered.size()), String.valueOf(active),
                    String.valueOf(facts), String.valueOf(population.nationals().accounts().size()),
                    String.valueOf(registered.stream().filter(a -> a.potential().any()).count())));
        }
        out.table("Registered key-account records per network", List.of("Network", "Customers registered", "Active",
                "Spend facts stored", "On the national list", "With potential flags"), rows);

        List<List<String>> staff = new ArrayList<>();
        for (SpendPopulation population : populations) {
            Actor general = DemoStaff.generalManagerOf(population.network());
            staff.add(List.of(general.user().value(), DemoStaff.rolesOf(general),
                    "every key account of " + population.network()));
            for (UserId manager : DemoStaff.accountManagersOf(population.network())) {
                Actor actor = DemoStaff.accountManager(manager);
                staff.add(List.of(manager.value(), DemoStaff.rolesOf(actor), accounts.accountsManagedBy(manager).size()
                        + " accounts of " + population.network() + ", those whose stored account manager they are"));
            }
        }
        for (Actor actor : List.of(DemoStaff.FINANCE_AND_INFORMATION_MANAGER, DemoStaff.SERVICES_AND_TRADE_MANAGER)) {
            staff.add(List.of(actor.user().value(), DemoStaff.rolesOf(actor), "every account of "
                    + String.join("; ", actor.industries().stream().map(Figures::industry).toList())));
        }
        for (Actor actor : List.of(DemoStaff.TECHNICAL_MANAGER, DemoStaff.BUSINESS_MANAGER, DemoStaff.FINANCIAL_MANAGER)) {
            staff.add(List.of(actor.user().value(), DemoStaff.rolesOf(actor), "no key account of their own"));
        }
        out.table("Who acts in the story (the user directory)", List.of("User", "Role", "May change"), staff);
    }

    // ------------------------------------------------------------------ reclassification

    /** The two runs of one network. */
    private record Runs(ReclassificationPlan byShare, ReclassificationPlan byMinimum, String notDue) {
    }

    private static Map<LocalNetworkId, Runs> reclassify(DemoContext context, Reclassifications reclassifications,
            List<SpendPopulation> populations) {
        Map<LocalNetworkId, ReclassificationPlan> byShare = new LinkedHashMap<>();
        for (SpendPopulation p : populations) {
            byShare.put(p.network(), reclassifications.withClassification(p.network(), settings(p, RevenueShareRule.standard()))
                    .reclassify(DemoStaff.generalManagerOf(p.network()), p.network(), context.today()));
        }
        context.moveTo(context.today().plusDays(1).atTime(MORNING));
        Map<LocalNetworkId, Runs> runs = new LinkedHashMap<>();
        for (SpendPopulation p : populations) {
            Reclassifications byMinimum = reclassifications.withClassification(p.network(), settings(p, SeedMinimums.of(p.network())));
            Actor general = DemoStaff.generalManagerOf(p.network());
            String notDue;
            try {
                byMinimum.reclassify(general, p.network(), context.today());
                throw new InvalidStateException("a regular run a day after the last one was not refused");
            } catch (ReclassificationNotDueException e) {
                notDue = e.getMessage();
            }
            runs.put(p.network(), new Runs(byShare.get(p.network()),
                    byMinimum.reclassifyForced(general, p.network(), context.today()), notDue));
        }
        return runs;
    }

    private static void writeRuns(Reclassifications reclassifications, List<SpendPopulation> populations, AssessmentWindow window,
            Map<LocalNetworkId, Runs> runs, ReportSection out) {
        out.heading("Drawing the lists: both rules, through the runtime");
        out.paragraph("On 1 July each network's department general manager runs the reclassification with the "
                + "revenue-share rule (the shortest list of biggest spenders making up 30 % of the network's spend, "
                + "ties kept together); no list was drawn before, so the run is due. On 2 July both networks adopt "
                + "the seed's absolute minimum instead (SZ 5,000 CNY, KM 10,000 CNY a month) and redraw the list at "
                + "once. A regular run is refused, as the half-yearly policy makes the next one due only in "
                + "January, so they force it; it averages the same window. Each run stores a dated result and moves "
                + "every account whose tier changes, in one transaction. The table is read back from the stored "
                + "results.");
        List<List<String>> rows = new ArrayList<>();
        for (SpendPopulation population : populations) {
            Money total = Money.sum(SpendAverages.over(population.facts(), window.months()).values(), Money.CNY);
            Runs r = runs.get(population.network());
            for (ClassificationResult stored : reclassifications.classificationHistory(population.network())) {
                ReclassificationPlan applied = stored.runDate().equals(r.byShare().result().runDate()) ? r.byShare()
                        : r.byMinimum();
                if (!applied.result().equals(stored)) {
                    throw new InvalidStateException("the stored result of " + population.network() + " on "
                            + stored.runDate() + " differs from the run's");
                }
                rows.add(List.of(population.network().value(), stored.runDate().toString(), stored.rule(),
                        stored.threshold().map(Figures::cny).orElse("none"),
                        String.valueOf(stored.keyAccounts().size()), String.valueOf(count(stored, Tier.NATIONAL)),
                        String.valueOf(count(stored, Tier.LOCAL)), String.valueOf(stored.potentials().size()),
                        Figures.shareOf(keySpend(stored), total), String.valueOf(applied.updates().size())));
            }
        }
        out.table("Reclassification runs (window " + window.first() + " to " + window.last() + "; thresholds in CNY a "
                + "month)", List.of("Network", "Run date", "Rule", "Threshold", "Key accounts", "Level 2", "Level 1",
                "Potential", "Share of spend", "Tier changes"), rows);
        out.paragraph("The regular run of 2 July, refused with ReclassificationNotDueException: "
                + runs.get(populations.get(0).network()).notDue());
    }

    private static void writeTiers(KeyAccounts accounts, Reclassifications reclassifications, List<SpendPopulation> populations,
            List<List<DemoCustomer>> customers, AssessmentWindow window, ReportSection out) {
        out.heading("The tiers on the accounts");
        List<List<String>> counts = new ArrayList<>();
        for (SpendPopulation population : populations) {
            ClassificationResult latest = reclassifications.latestClassification(population.network()).orElseThrow();
            List<KeyAccountSnapshot> registered = accounts.accountsOf(population.network());
            for (KeyAccountSnapshot a : registered) {
                if (a.tier() != latest.tierOf(a.id())) {
                    throw new InvalidStateException("account " + a.id() + " has tier " + a.tier()
                            + " but the stored result of " + latest.runDate() + " gives " + latest.tierOf(a.id()));
                }
            }
            counts.add(List.of(population.network().value(), latest.runDate() + " (" + latest.rule() + ")",
                    String.valueOf(count(registered, Tier.NATIONAL)), String.valueOf(count(registered, Tier.LOCAL)),
                    String.valueOf(count(registered, Tier.POTENTIAL)), String.valueOf(count(registered, Tier.NONE))));
        }
        out.paragraph("Every account's tier now equals what the network's latest stored result says (the chapter "
                + "checks each one). Potential key accounts meet at least one of the seed's criteria: an industry "
                + "above 5 % of key-account revenue in which the customer ranks near the top by turnover or "
                + "investment (top 2 in finance, key customers and information, top 1 elsewhere), a Party, government "
                + "or military body, or an influencer on others' telecom use.");
        out.table("Tiers on the registered accounts", List.of("Network", "Result in force", "Level 2 (national)",
                "Level 1 (local)", "Potential", "Not a key account"), counts);

        for (int i = 0; i < populations.size(); i++) {
            SpendPopulation population = populations.get(i);
            List<ClassificationResult> history = reclassifications.classificationHistory(population.network());
            ClassificationResult byShare = history.get(0);
            ClassificationResult latest = history.get(history.size() - 1);
            Map<AccountId, Money> averages = SpendAverages.over(population.facts(), window.months());
            Map<AccountId, DemoCustomer> byId = new LinkedHashMap<>();
            customers.get(i).forEach(c -> byId.put(c.id(), c));
            List<KeyAccountSnapshot> listed = new ArrayList<>(accounts.accountsOf(population.network()).stream()
                    .filter(a -> a.tier() != Tier.NONE || byShare.tierOf(a.id()) != Tier.NONE).toList());
            listed.sort(Comparator.comparing((KeyAccountSnapshot a) -> rank(a.tier()))
                    .thenComparing(a -> averages.getOrDefault(a.id(), Money.zero()), Comparator.reverseOrder())
                    .thenComparing(a -> a.id().value()));
            List<List<String>> rows = new ArrayList<>();
            for (KeyAccountSnapshot a : listed) {
                rows.add(List.of(a.id().value(), byId.get(a.id()).name(), Figures.industry(a.industry()),
                        a.accountManager().map(UserId::value).orElse("-"),
                        Figures.cny(averages.getOrDefault(a.id(), Money.zero())), Figures.tier(byShare.tierOf(a.id())),
                        Figures.tier(a.tier()), potentialReason(latest, a.id())));
            }
            out.table(cityOf(population.network()) + " (" + population.network() + "): key accounts and potential key "
                    + "accounts", List.of("Account", "Customer", "Industry", "Account manager", "Average monthly spend",
                    "By share (" + dayAndMonth(byShare.runDate()) + ")",
                    "By minimum (" + dayAndMonth(latest.runDate()) + ", in force)", "Potential because"), rows);
        }
    }

    private static String dayAndMonth(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
    }

    private static String potentialReason(ClassificationResult result, AccountId account) {
        String explanation = result.potentials().stream().filter(p -> p.account().equals(account))
                .map(PotentialAssessment::explanation).findFirst().orElse("");
        for (Industry industry : Industry.values()) {
            explanation = explanation.replace(industry.name(), Figures.industry(industry));
        }
        return explanation;
    }

    private static int rank(Tier tier) {
        return switch (tier) {
            case NATIONAL -> 0;
            case LOCAL -> 1;
            case POTENTIAL -> 2;
            case NONE -> 3;
        };
    }

    // ------------------------------------------------------------------ account plan

    /**
     * The account the story draws a plan for: Suzhou's level 2 (national) account with the highest
     * spend in the latest stored result, or its top key account when none is national.
     *
     * @param reclassifications the reclassification service
     * @return the account, as the stored result ranks it
     * @throws InvalidStateException when Suzhou has no key account
     */
    public static ClassifiedAccount planAccount(Reclassifications reclassifications) {
        Require.nonNull(reclassifications, "reclassifications");
        ClassificationResult suzhou = reclassifications.latestClassification(SeedMinimums.SUZHOU)
                .orElseThrow(() -> new InvalidStateException("Suzhou was never classified"));
        if (suzhou.keyAccounts().isEmpty()) {
            throw new InvalidStateException("Suzhou has no key account to draw a plan for");
        }
        return suzhou.keyAccounts().stream().filter(k -> k.tier() == Tier.NATIONAL).findFirst()
                .orElse(suzhou.keyAccounts().get(0));
    }

    private static AccountId writeAccountPlan(DemoContext context, KeyAccounts accounts, ReportSection out) {
        ClassifiedAccount chosen = planAccount(Reclassifications.on(context.keyline()));
        AccountId account = chosen.account();
        KeyAccountSnapshot snapshot = accounts.get(account);
        Actor manager = DemoStaff.accountManagerOf(accounts, account);
        Actor industryManager = DemoStaff.industryManagerFor(snapshot.industry());
        accounts.assignTeam(DemoStaff.SUZHOU_GENERAL_MANAGER, account, new AccountTeam(industryManager.user(),
                DemoStaff.TECHNICAL_MANAGER.user(), DemoStaff.BUSINESS_MANAGER.user()));

        AccountPlans plans = AccountPlans.on(context.keyline());
        AccountPlanId planId = new AccountPlanId("P-" + account.value() + "-" + PLAN_YEAR);
        Money target = yearlyTarget(chosen.averageMonthlySpend());
        plans.draw(manager, planId, account, PLAN_YEAR, target);
        plans.addAction(manager, planId, "Quarterly business review with the customer's CIO", manager.user(),
                PLAN_YEAR.atMonth(7).atDay(31));
        plans.addAction(manager, planId, "Propose a second DDN circuit to the disaster-recovery site",
                DemoStaff.TECHNICAL_MANAGER.user(), PLAN_YEAR.atMonth(8).atDay(31));
        plans.addAction(manager, planId, "Draft the 2025 framework agreement", DemoStaff.BUSINESS_MANAGER.user(),
                PLAN_YEAR.atMonth(11).atDay(30));
        plans.addResourceItem(manager, planId, DDN, 2, PLAN_YEAR.atMonth(9).atDay(30),
                "second circuit to the disaster-recovery site");
        PlanProgress progress = plans.progress(manager, planId, context.today());
        AccountPlanSnapshot plan = plans.find(planId).orElseThrow();

        out.heading("An account plan for a national account");
        out.paragraph("Suzhou's level 2 account with the highest spend gets the virtual team the seed asks for the "
                + "most important national accounts (industry, technical and business manager beside the account "
                + "manager), and its account manager draws up the " + PLAN_YEAR + " account plan (客户发展计划): a "
                + "revenue target (115 % of twelve months at its average spend, rounded up to 10,000 CNY), an action "
                + "plan with owners and due dates, and a resource plan. Progress counts the whole months of the plan "
                + "year before today from billing's stored facts, against a linear share of the target.");
        out.fact("Account", account + ", " + snapshot.name() + " (" + Figures.industry(snapshot.industry()) + ", "
                + Figures.tier(snapshot.tier()) + ")");
        AccountTeam team = accounts.get(account).team().orElseThrow();
        out.fact("Account manager and virtual team", manager.user() + "; industry manager " + team.industryManager()
                + ", technical manager " + team.technicalManager() + ", business manager " + team.businessManager());
        out.fact("Plan", plan.id() + ", drawn by " + plan.drawnBy() + " on " + Figures.time(plan.drawnAt(),
                context.clock().getZone()));
        out.fact("Revenue target " + plan.year(), Figures.cny(plan.revenueTarget()) + " CNY (average monthly spend "
                + Figures.cny(chosen.averageMonthlySpend()) + " CNY)");
        List<List<String>> actions = new ArrayList<>();
        for (PlanAction action : plan.actions()) {
            actions.add(List.of(String.valueOf(action.number()), action.description(), action.owner().value(),
                    action.due().toString(), action.isDone() ? "done" : "open"));
        }
        out.table("Action plan (行动计划)", List.of("No.", "Action", "Owner", "Due", "Status"), actions);
        List<List<String>> resources = new ArrayList<>();
        for (ResourcePlanItem item : plan.resourceItems()) {
            resources.add(List.of(String.valueOf(item.number()), item.product().value(), String.valueOf(item.quantity()),
                    item.neededBy().toString(), item.note(), item.isFulfilled() ? "fulfilled" : "open"));
        }
        out.table("Resource plan (资源计划)", List.of("No.", "Product", "Quantity", "Needed by", "Note", "Status"),
                resources);
        out.table("Progress on " + progress.asOf(), List.of("Months counted", "Target", "Expected by now",
                "Achieved (billing)", "Achieved / target", "Still to go", "On track"), List.of(List.of(
                String.valueOf(progress.monthsElapsed()), Figures.cny(progress.target()),
                Figures.cny(progress.expected()), Figures.cny(progress.achieved()), Figures.percent(progress.ratio()),
                Figures.cny(progress.remaining()), progress.onTrack() ? "yes" : "no")));
        return account;
    }

    /**
     * The yearly revenue target the chapter sets for an account: 115 % of twelve months at its
     * average monthly spend, rounded up to 10,000 CNY.
     *
     * @param averageMonthlySpend the account's average monthly spend
     * @return the target
     */
    public static Money yearlyTarget(Money averageMonthlySpend) {
        Require.nonNull(averageMonthlySpend, "averageMonthlySpend");
        BigDecimal year = averageMonthlySpend.amount().multiply(BigDecimal.valueOf(12)).multiply(new BigDecimal("1.15"));
        return Money.cny(year.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.CEILING)
                .multiply(BigDecimal.valueOf(10_000)));
    }

    // ------------------------------------------------------------------ churn warning and exit

    private static AccountId writeChurnWarning(DemoContext context, KeyAccounts accounts, LocalDate firstRun,
            ReportSection out) {
        LocalNetworkId kunming = SeedMinimums.KUNMING;
        YearMonth june = YearMonth.from(firstRun).minusMonths(1);
        LocalDate today = context.today();
        ChurnWarnings churn = ChurnWarnings.on(context.keyline());
        AccountId account = null;
        for (ClassifiedAccount k : Reclassifications.on(context.keyline()).latestClassification(kunming).orElseThrow().keyAccounts()) {
            List<SpendFact> facts = accounts.spendOf(k.account());
            boolean quiet = churn.churnRules().evaluate(ChurnInputs.from(k.account(), today, facts, Money.zero(),
                    Optional.empty(), List.of())).isEmpty();
            if (k.tier() == Tier.LOCAL && quiet && EffectiveSpend.ofAccount(facts, k.account())
                    .getOrDefault(june, Money.zero()).isPositive()) {
                account = k.account();
                break;
            }
        }
        if (account == null) {
            throw new InvalidStateException("no level 1 account of KM with spend in " + june + " and no churn signal");
        }
        Actor manager = DemoStaff.accountManagerOf(accounts, account);
        List<List<String>> evaluations = new ArrayList<>();
        ChurnEvaluation before = churn.evaluateChurn(manager, account, ChurnObservations.none());
        evaluations.add(evaluationRow(before));
        if (before.warned()) {
            throw new InvalidStateException("the churn rules warned " + account + " before its spend fell");
        }

        Money juneSpend = EffectiveSpend.ofAccount(accounts.spendOf(account), account).get(june);
        Actor billing = DemoStaff.generalManagerOf(kunming);
        for (int i = 0; i < FALLING.size(); i++) {
            YearMonth month = june.plusMonths(i + 1L);
            context.moveTo(LocalDateTime.of(month.plusMonths(1).atDay(1), MORNING));
            accounts.recordSpend(billing, SpendFact.original(new SpendFactId(account.value() + "-" + month), account,
                    kunming, month, juneSpend.times(FALLING.get(i)), context.clock().instant()));
        }
        ChurnEvaluation after = churn.evaluateChurn(manager, account, ChurnObservations.none());
        evaluations.add(evaluationRow(after));
        if (!after.warned() || accounts.get(account).status() != AccountStatus.CHURN_WARNING) {
            throw new InvalidStateException("three months of falling spend did not warn " + account);
        }
        DemoNotifications notifications = context.notifications();
        notifications.receiver().refuseNextDeliveryOf(ChurnWarningRaised.TYPE,
                "the CRM's database is being backed up");
        List<RelayRun> relayRuns = context.deliverNotifications("the churn warning");
        OutboxEntry warning = entryOf(context, ChurnWarningRaised.TYPE, account);
        List<CrmArrival> arrivals = notifications.receiver().arrivalsOf(warning.message().eventId().toString());

        out.heading("A churn warning");
        out.paragraph("The churn warning rules (客户预警规则) run for one of Kunming's level 1 accounts, " + account
                + ", as its account manager " + manager.user() + " would each day. On " + before.asOf() + " no rule "
                + "fires. Billing then reports July to September, each month lower than the one before (85 %, 70 % "
                + "and 50 % of June). On " + after.asOf() + " the falling-spend rule (three months in a row, the "
                + "standard set) fires: the account moves to CHURN_WARNING and account.churn-warning-raised goes to "
                + "its account manager.");
        Map<YearMonth, Money> monthly = new TreeMap<>(EffectiveSpend.ofAccount(accounts.spendOf(account), account));
        List<List<String>> spend = new ArrayList<>();
        Money previous = null;
        for (Map.Entry<YearMonth, Money> m : monthly.entrySet()) {
            if (m.getKey().isBefore(june.minusMonths(2))) {
                previous = m.getValue();
                continue;
            }
            spend.add(List.of(m.getKey().toString(), Figures.cny(m.getValue()),
                    previous == null ? "" : m.getValue().compareTo(previous) < 0 ? "lower" : "not lower"));
            previous = m.getValue();
        }
        out.table(account + ": monthly spend from billing's stored facts", List.of("Month", "Spend (CNY)",
                "Against the month before"), spend);
        out.table("Churn evaluations by " + manager.user(), List.of("As of", "Signals", "Warning raised",
                "Status after"), evaluations);
        out.fact("Addressed to", "role " + warning.message().audience().role() + ", network "
                + warning.message().audience().organisationUnit() + ", account " + warning.message().audience().accountId());
        out.fact("Subject", warning.message().audience().subject());
        out.fact("Delivered", describe(arrivals) + "; the relay waited "
                + (relayRuns.size() > 1 ? "its backoff by moving the demo clock on, not by sleeping" : "for nothing"));
        return account;
    }

    private static List<String> evaluationRow(ChurnEvaluation evaluation) {
        return List.of(evaluation.asOf().toString(), evaluation.signals().isEmpty() ? "none"
                        : String.join("; ", evaluation.signals().stream().map(ChurnSignal::detail).toList()),
                evaluation.warned() ? "yes" : "no", evaluation.status().name());
    }

    private static void writeExit(DemoContext context, KeyAccounts accounts, AccountId account, ReportSection out) {
        Actor manager = DemoStaff.accountManagerOf(accounts, account);
        Tier tier = accounts.get(account).tier();
        context.moveTo(LocalDateTime.of(2024, 11, 4, 10, 0));
        KeyAccountSnapshot exited = accounts.exit(manager, account, "moved its circuits to a competitor");
        DemoNotifications notifications = context.notifications();
        notifications.resources().refuseNext(1, "the resources system is restarting");
        context.deliverNotifications("the exit");
        OutboxEntry exit = entryOf(context, AccountExited.TYPE, account);
        List<Notification> released = notifications.resources().acceptedOf(exit.message().eventId());
        List<CrmArrival> arrivals = notifications.receiver().arrivalsOf(exit.message().eventId().toString());
        if (released.size() != 1 || arrivals.stream().filter(a -> a.outcome() == CrmArrival.Outcome.TAKEN).count() != 1) {
            throw new InvalidStateException("the exit did not reach the resources area and the CRM exactly once");
        }

        out.heading("The exit");
        out.paragraph("On " + context.today() + " the customer leaves the network (离网) and " + manager.user()
                + " records the exit. That closes the open warning and raises account.exited, which tells the "
                + "resources area to release every resource the account holds at once (the seed complains that it "
                + "does not). The router sends it to the resources area's inbox as well as to the CRM; the resources "
                + "inbox refuses the first delivery, so the relay delivers again, and the CRM, which had taken the "
                + "event already, recognises its id and does not take it twice.");
        out.fact("Account", account + ": " + exited.status() + ", reason: " + exited.exitReason().orElseThrow()
                + ", last tier " + Figures.tier(tier));
        out.fact("Subject", exit.message().audience().subject());
        out.fact("Resources inbox", "released on attempt " + released.get(0).attempt() + " after refusing attempt 1");
        out.fact("CRM", describe(arrivals));
    }

    /**
     * The outbox entry of one event type for one aggregate; the story raises each such event once.
     *
     * @param context the demo
     * @param type the event type
     * @param account the account (the aggregate)
     * @return the delivered entry
     */
    static OutboxEntry entryOf(DemoContext context, String type, AccountId account) {
        List<OutboxEntry> found = context.entries(DeliveryStatus.DELIVERED).stream()
                .filter(e -> e.message().type().equals(type) && e.message().aggregateId().equals(account.value()))
                .toList();
        if (found.size() != 1) {
            throw new InvalidStateException("expected one delivered " + type + " of " + account + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    /**
     * What happened to each request of one event at the CRM, for example
     * {@code attempt 1: 503 refused for now; attempt 2: 204 taken; signatures verified}.
     *
     * @param arrivals the event's arrivals
     * @return the text
     */
    static String describe(List<CrmArrival> arrivals) {
        if (arrivals.isEmpty()) {
            return "never reached the CRM";
        }
        List<String> parts = new ArrayList<>();
        for (CrmArrival a : arrivals) {
            parts.add("attempt " + a.attempt() + ": " + a.status() + " " + outcomeText(a.outcome()));
        }
        boolean verified = arrivals.stream().allMatch(CrmArrival::signatureVerified);
        return String.join("; ", parts) + (verified ? "; every signature verified" : "; a signature failed");
    }

    /**
     * How the report words an outcome at the CRM.
     *
     * @param outcome the outcome
     * @return the text
     */
    static String outcomeText(CrmArrival.Outcome outcome) {
        return switch (outcome) {
            case TAKEN -> "taken";
            case REPEAT_ACKNOWLEDGED -> "repeat acknowledged, not taken again";
            case REFUSED_FOR_NOW -> "refused for now";
            case UNVERIFIED -> "refused: signature not verified";
            case UNREADABLE -> "refused: not JSON";
        };
    }

    // ------------------------------------------------------------------ helpers

    private static long count(ClassificationResult result, Tier tier) {
        return result.keyAccounts().stream().filter(k -> k.tier() == tier).count();
    }

    private static long count(List<KeyAccountSnapshot> accounts, Tier tier) {
        return accounts.stream().filter(a -> a.tier() == tier).count();
    }

    private static Money keySpend(ClassificationResult result) {
        return Money.sum(result.keyAccounts().stream().map(ClassifiedAccount::averageMonthlySpend).toList(), Money.CNY);
    }

    /**
     * The city a network is named after in the report.
     *
     * @param network the network
     * @return {@code Suzhou}, {@code Kunming} or the network's code
     */
    static String cityOf(LocalNetworkId network) {
        return network.equals(SeedMinimums.SUZHOU) ? "Suzhou" : network.equals(SeedMinimums.KUNMING) ? "Kunming"
                : network.value();
    }
}
