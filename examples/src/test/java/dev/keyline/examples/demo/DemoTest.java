package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.account.ChurnInputs;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.account.FallingSpendRule;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PlanProgress;
import dev.keyline.domain.account.PotentialCandidate;
import dev.keyline.domain.account.RankedAccount;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.HtmlReport;
import dev.keyline.examples.report.Report;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.AccountPlans;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.domain.sla.CostAllocation;
import dev.keyline.domain.sla.CostSplit;
import dev.keyline.domain.sla.ReservationChange;
import dev.keyline.domain.sla.ReservationEntry;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaReports;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.resource.SpareParts;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo, run twice: once through the command line into a temporary directory, once directly
 * with a last chapter that reads back what the story left in the database, the outbox and the
 * CRM's receiver. The report is checked against that state and against what the domain computes
 * for the same generated data.
 */
class DemoTest {

    /** Event ids are drawn at random by the domain; the report shows them whole or by their first 8 digits. */
    private static final Pattern EVENT_IDS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{8}…");

    @TempDir
    static Path dir;

    private static CliRun run;
    private static String html;
    private static Report secondRun;
    private static Observed observed;

    /** Runs the demo twice: through the command line, and directly with the probe at the end. */
    @BeforeAll
    static void runTheDemo() throws IOException {
        run = CliRun.of("demo", "--out", dir.resolve("out").toString());
        Path report = dir.resolve("out").resolve(Demo.REPORT_FILE);
        html = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        Probe probe = new Probe();
        List<DemoChapter> chapters = new ArrayList<>(Demo.standardChapters());
        chapters.add(probe);
        Report withProbe = new Demo(chapters).run(dir.resolve("again")).report();
        secondRun = new Report(withProbe.title(), withProbe.introduction(),
                withProbe.chapters().subList(0, withProbe.chapters().size() - 1));
        observed = probe.observed;
    }

    // ------------------------------------------------------------------ reading the report

    private static Chapter chapter(String title) {
        return secondRun.chapters().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    private static Block.Table table(Chapter chapter, String captionStart) {
        return chapter.blocks().stream()
                .filter(b -> b instanceof Block.Table t && t.caption().startsWith(captionStart))
                .map(Block.Table.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + captionStart));
    }

    private static String fact(Chapter chapter, String label) {
        return chapter.blocks().stream().filter(b -> b instanceof Block.Facts).map(Block.Facts.class::cast)
                .flatMap(f -> f.facts().stream()).filter(f -> f.label().equals(label)).map(Block.Fact::value)
                .findFirst().orElseThrow(() -> new AssertionError("no fact " + label));
    }

    private static List<String> preformatted(Chapter chapter) {
        return chapter.blocks().stream().filter(b -> b instanceof Block.Preformatted)
                .map(b -> ((Block.Preformatted) b).text()).toList();
    }

    private static List<String> column(Block.Table table, String header) {
        int index = table.headers().indexOf(header);
        assertThat(index).as("column " + header + " of " + table.caption()).isNotNegative();
        return table.rows().stream().map(r -> r.get(index)).toList();
    }

    // ------------------------------------------------------------------ the generated data, regenerated

    private static final LocalDate FIRST_RUN = LocalDate.ofInstant(Demo.START, Demo.ZONE);
    private static final AssessmentWindow WINDOW = KeyAccountsChapter.window(FIRST_RUN);

    private static List<SpendPopulation> populations() {
        return KeyAccountsChapter.populations(WINDOW, Demo.ZONE,
                DemoContext.randomFor(Demo.SEED, KeyAccountsChapter.RANDOM_PURPOSE));
    }

    private static List<List<DemoCustomer>> customers(List<SpendPopulation> populations) {
        return KeyAccountsChapter.customers(populations, WINDOW,
                DemoContext.randomFor(Demo.SEED, KeyAccountsChapter.CUSTOMER_PURPOSE));
    }

    // ------------------------------------------------------------------ the demo as a whole

    /** The chapters in the order of the seed's story: the nine steps, with the foundation, authority and notifications. */
    private static final List<String> STORY = List.of("Foundation", "Key accounts", "Access and commercial authorisation",
            "Service-level agreement", "Orders in service classes", "Work orders", "Fault tickets", "Network resources",
            "Budgets", "KPIs and scorecards", "Billing, priority and HR", "Notifications");

    @Test
    void printsOneLinePerChapterInTheStorysOrderAndTheReportPath() {
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        Path report = dir.resolve("out").resolve(Demo.REPORT_FILE).toAbsolutePath();
        assertThat(Demo.standardChapters()).extracting(DemoChapter::title).containsExactlyElementsOf(STORY);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Keyline demo on jdbc:h2");
        for (int i = 0; i < STORY.size(); i++) {
            assertThat(lines.get(i + 1)).as("the line of chapter " + STORY.get(i))
                    .startsWith("  " + (i + 1) + ". " + STORY.get(i) + ": ")
                    .isEqualTo("  " + DemoChapters.numbered(STORY.get(i)) + secondRun.chapters().get(i).summary());
        }
        assertThat(lines.get(STORY.size() + 1)).isEqualTo("Report: " + report);
    }

    @Test
    void writesOneSelfContainedPageWithAChapterPerAreaForScreenAndPrint() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>");
        for (int i = 0; i < STORY.size(); i++) {
            assertThat(html).contains("<section id=\"chapter-" + (i + 1) + "\">\n<h2>" + STORY.get(i) + "</h2>");
        }
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=\"http", "url(", "@import");
        assertThat(html).contains(":lang(zh) { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\"",
                "<span lang=\"zh-Hans\">预占</span>", "@media print", "break-before: page", "break-inside: avoid");
        assertThat(html).as("KPI trends with bands, utilisation per pool, the burn-down and the plans' Gantt chart")
                .contains("data-area=", "<figcaption>" + ResourcesChapter.UTILISATION_CHART,
                        "<figcaption>Issued, committed and actual amounts of", "data-group=\"" + WorkOrdersChapter.PARALLEL
                                + "\"", "data-group=\"" + WorkOrdersChapter.SEQUENTIAL + "\"");
    }

    @Test
    void theSameSeedTellsTheSameStoryApartFromTheRandomEventIds() {
        String again = HtmlReport.render(secondRun);

        assertThat(EVENT_IDS.matcher(html).results().count()).isPositive();
        assertThat(EVENT_IDS.matcher(again).replaceAll("<event id>"))
                .isEqualTo(EVENT_IDS.matcher(html).replaceAll("<event id>"));
    }

    @Test
    void foundationShowsTheProviderARollbackAndADeliveryOnTheSecondAttempt() {
        Chapter foundation = chapter("Foundation");

        assertThat(fact(foundation, "Storage provider")).isEqualTo("jdbc:h2");
        assertThat(fact(foundation, "Database")).startsWith("H2 ").endsWith("(embedded, in a file beside the report)");
        assertThat(fact(foundation, "Notification sinks")).startsWith(DemoNotifications.ROUTER_NAME);
        Block.Table commands = table(foundation, "The two commands");
        assertThat(commands.rows()).extracting(row -> row.get(1)).first().isEqualTo("committed");
        assertThat(commands.rows().get(1).get(1)).startsWith("rolled back: ");
        assertThat(commands.rows().get(1).get(3)).isEqualTo("no entry");
        Block.Table pumps = table(foundation, "Relay runs");
        assertThat(pumps.rows()).extracting(row -> row.get(4)).containsExactly("FAILED", "DELIVERED", "DELIVERED");
        assertThat(pumps.rows()).extracting(row -> row.get(5)).containsExactly("1", "2", "2");
        assertThat(fact(foundation, "Delivered to demo-inbox")).endsWith("on attempt 2");
        assertThat(html).contains(HtmlReport.escape(commands.rows().get(0).get(2)));
    }

    // ------------------------------------------------------------------ key accounts

    @Test
    void everyGeneratedCustomerIsRegisteredWithItsIndustryManagerAndSpend() {
        List<SpendPopulation> populations = populations();
        List<List<DemoCustomer>> customers = customers(populations);
        Block.Table registered = table(chapter("Key accounts"), "Registered key-account records per network");

        for (int i = 0; i < populations.size(); i++) {
            SpendPopulation population = populations.get(i);
            List<KeyAccountSnapshot> stored = observed.accounts.get(population.network());
            assertThat(stored).extracting(KeyAccountSnapshot::id).containsExactlyElementsOf(population.customers());
            for (DemoCustomer c : customers.get(i)) {
                KeyAccountSnapshot a = stored.stream().filter(s -> s.id().equals(c.id())).findFirst().orElseThrow();
                assertThat(a.industry()).isEqualTo(c.industry());
                assertThat(a.profile()).isEqualTo(c.profile());
                assertThat(a.potential()).isEqualTo(c.potential());
                assertThat(a.accountManager()).contains(c.accountManager());
            }
            assertThat(observed.spendAtRegistration.get(population.network())).isEqualTo((long) population.facts().size());
            assertThat(registered.rows().get(i)).containsExactly(population.network().value(),
                    String.valueOf(stored.size()), String.valueOf(stored.size()),
                    String.valueOf(population.facts().size()), String.valueOf(population.nationals().accounts().size()),
                    String.valueOf(customers.get(i).stream().filter(c -> c.potential().any()).count()));
        }
    }

    @Test
    void theGeneratedPopulationsGiveTheRulesSomethingToTellApart() {
        for (SpendPopulation population : populations()) {
            var averages = SpendAverages.over(population.facts(), WINDOW.months());
            List<RankedAccount> byShare = RevenueShareRule.standard().classify(population.network(), averages)
                    .keyAccounts();
            List<RankedAccount> byMinimum = SeedMinimums.of(population.network())
                    .classify(population.network(), averages).keyAccounts();
            assertThat(byShare).isNotEmpty();
            assertThat(byMinimum).isNotEmpty().hasSizeGreaterThan(byShare.size());
            assertThat(population.nationals().accounts()).isNotEmpty();
        }
    }

    @Test
    void theStoredResultsAreWhatTheDomainComputesForBothRules() {
        List<SpendPopulation> populations = populations();
        List<List<DemoCustomer>> customers = customers(populations);
        Block.Table runs = table(chapter("Key accounts"), "Reclassification runs");
        int row = 0;
        for (int i = 0; i < populations.size(); i++) {
            SpendPopulation population = populations.get(i);
            List<PotentialCandidate> candidates = customers.get(i).stream().map(c -> new PotentialCandidate(c.id(),
                    c.industry(), c.profile().annualTurnover(), c.profile().annualInvestment(), c.potential())).toList();
            List<ClassificationResult> expected = new ArrayList<>();
            LocalDate runDate = FIRST_RUN;
            for (ClassificationRule rule : List.of(RevenueShareRule.standard(), SeedMinimums.of(population.network()))) {
                expected.add(Reclassification.run(population.network(), runDate, WINDOW, population.facts(), rule,
                        population.nationals(), KeyAccountsChapter.POTENTIALS, candidates));
                runDate = runDate.plusDays(1);
            }

            assertThat(observed.history.get(population.network())).containsExactlyElementsOf(expected);
            Money total = Money.sum(SpendAverages.over(population.facts(), WINDOW.months()).values(), Money.CNY);
            for (ClassificationResult result : expected) {
                List<String> shown = runs.rows().get(row++);
                assertThat(shown.subList(0, 9)).containsExactly(population.network().value(),
                        result.runDate().toString(), result.rule(), Figures.cny(result.threshold().orElseThrow()),
                        String.valueOf(result.keyAccounts().size()), String.valueOf(count(result, Tier.NATIONAL)),
                        String.valueOf(count(result, Tier.LOCAL)), String.valueOf(result.potentials().size()),
                        Figures.shareOf(Money.sum(result.keyAccounts().stream()
                                .map(ClassifiedAccount::averageMonthlySpend).toList(), Money.CNY), total));
            }
        }
        assertThat(row).isEqualTo(runs.rows().size());
    }

    @Test
    void theTiersShownAreTheTiersOnTheAccountsAndInTheStoredResult() {
        Chapter chapter = chapter("Key accounts");
        Block.Table counts = table(chapter, "Tiers on the registered accounts");
        int row = 0;
        for (SpendPopulation population : populations()) {
            LocalNetworkId network = population.network();
            ClassificationResult byShare = observed.history.get(network).get(0);
            ClassificationResult latest = observed.latest.get(network);
            List<KeyAccountSnapshot> accounts = observed.accounts.get(network);
            Map<Tier, Long> byTier = new HashMap<>();
            for (KeyAccountSnapshot a : accounts) {
                assertThat(a.tier()).as(a.id().value()).isEqualTo(latest.tierOf(a.id()));
                byTier.merge(latest.tierOf(a.id()), 1L, Long::sum);
            }
            assertThat(counts.rows().get(row++)).containsExactly(network.value(),
                    latest.runDate() + " (" + latest.rule() + ")", String.valueOf(byTier.getOrDefault(Tier.NATIONAL, 0L)),
                    String.valueOf(byTier.getOrDefault(Tier.LOCAL, 0L)),
                    String.valueOf(byTier.getOrDefault(Tier.POTENTIAL, 0L)),
                    String.valueOf(byTier.getOrDefault(Tier.NONE, 0L)));

            Block.Table listed = table(chapter, KeyAccountsChapter.cityOf(network) + " (" + network + ")");
            Set<String> eitherList = new HashSet<>();
            for (KeyAccountSnapshot a : accounts) {
                if (latest.tierOf(a.id()) != Tier.NONE || byShare.tierOf(a.id()) != Tier.NONE) {
                    eitherList.add(a.id().value());
                }
            }
            assertThat(column(listed, "Account")).containsExactlyInAnyOrderElementsOf(eitherList);
            for (List<String> r : listed.rows()) {
                AccountId id = new AccountId(r.get(0));
                assertThat(r.get(5)).isEqualTo(Figures.tier(byShare.tierOf(id)));
                assertThat(r.get(6)).isEqualTo(Figures.tier(latest.tierOf(id)));
                assertThat(r.get(7).isEmpty()).isEqualTo(latest.tierOf(id) != Tier.POTENTIAL);
            }
        }
        assertThat(observed.latest.values().stream().flatMap(r -> r.keyAccounts().stream()).map(ClassifiedAccount::tier))
                .contains(Tier.NATIONAL, Tier.LOCAL);
        assertThat(observed.latest.values().stream().mapToInt(r -> r.potentials().size()).sum()).isPositive();
    }

    @Test
    void theAccountPlanAndItsProgressAreTheStoredOnes() {
        Chapter chapter = chapter("Key accounts");
        AccountPlanSnapshot plan = observed.plan;
        ClassifiedAccount account = observed.planAccount;

        assertThat(plan.account()).isEqualTo(account.account());
        assertThat(account.tier()).isEqualTo(Tier.NATIONAL);
        assertThat(plan.revenueTarget()).isEqualTo(KeyAccountsChapter.yearlyTarget(account.averageMonthlySpend()));
        assertThat(column(table(chapter, "Action plan"), "Action"))
                .containsExactlyElementsOf(plan.actions().stream().map(a -> a.description()).toList());
        assertThat(column(table(chapter, "Action plan"), "Owner")).doesNotHaveDuplicates()
                .containsExactlyElementsOf(plan.actions().stream().map(a -> a.owner().value()).toList());
        assertThat(column(table(chapter, "Resource plan"), "Product"))
                .containsExactlyElementsOf(plan.resourceItems().stream().map(i -> i.product().value()).toList());

        Block.Table progress = table(chapter, "Progress on ");
        LocalDate asOf = LocalDate.parse(progress.caption().substring("Progress on ".length()));
        PlanProgress expected = AccountPlan.restore(plan).progress(observed.planSpend, asOf);
        assertThat(progress.rows()).containsExactly(List.of(String.valueOf(expected.monthsElapsed()),
                Figures.cny(expected.target()), Figures.cny(expected.expected()), Figures.cny(expected.achieved()),
                Figures.percent(expected.ratio()), Figures.cny(expected.remaining()), expected.onTrack() ? "yes" : "no"));
        assertThat(expected.monthsElapsed()).isEqualTo(6);
    }

    @Test
    void fallingSpendRaisedOneChurnWarningForTheAccountManagerAndTheAccountThenExited() {
        // the key-account story runs in 2024; the billing chapter's arrears raise another warning later
        java.time.Instant storyEnd = LocalDate.of(2025, 1, 1).atStartOfDay(Demo.ZONE).toInstant();
        List<OutboxEntry> warnings = observed.outbox.stream()
                .filter(e -> e.message().type().equals(ChurnWarningRaised.TYPE))
                .filter(e -> e.message().occurredAt().isBefore(storyEnd)).toList();
        List<OutboxEntry> exits = observed.outbox.stream()
                .filter(e -> e.message().type().equals(AccountExited.TYPE))
                .filter(e -> !e.message().aggregateId().equals(ResourcesChapter.TRADING_HOUSE.value())).toList();

        assertThat(warnings).hasSize(1);
        assertThat(exits).hasSize(1);
        OutboxEntry warning = warnings.get(0);
        OutboxEntry exit = exits.get(0);
        AccountId account = new AccountId(warning.message().aggregateId());
        KeyAccountSnapshot snapshot = observed.accounts.get(SeedMinimums.KUNMING).stream()
                .filter(a -> a.id().equals(account)).findFirst().orElseThrow();
        assertThat(exit.message().aggregateId()).isEqualTo(account.value());
        assertThat(snapshot.status()).isEqualTo(AccountStatus.EXITED);
        assertThat(snapshot.tier()).isEqualTo(Tier.LOCAL);
        assertThat(warning.message().audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(warning.message().audience().accountId()).isEqualTo(account.value());
        assertThat(warning.message().audience().subject()).contains(snapshot.accountManager().orElseThrow().value());
        assertThat(exit.message().audience().subject()).contains("release every resource");

        // the domain's falling-spend rule on the stored facts, as of the day the warning was raised
        LocalDate raised = LocalDate.ofInstant(warning.message().occurredAt(), Demo.ZONE);
        List<ChurnSignal> signals = new ChurnEvaluator(List.of(new FallingSpendRule(3))).evaluate(ChurnInputs.from(
                account, raised, observed.churnSpend, Money.zero(), Optional.empty(), List.of()));
        assertThat(signals).hasSize(1);
        assertThat(warning.message().audience().subject()).contains(signals.get(0).detail());

        // the CRM first refused the warning, then took it on the retry; the exit reached it twice, taken once
        assertThat(observed.arrivalsOf(warning)).extracting(CrmArrival::attempt, CrmArrival::outcome).containsExactly(
                tuple(1, CrmArrival.Outcome.REFUSED_FOR_NOW),
                tuple(2, CrmArrival.Outcome.TAKEN));
        assertThat(observed.arrivalsOf(exit)).extracting(CrmArrival::attempt, CrmArrival::outcome).containsExactly(
                tuple(1, CrmArrival.Outcome.TAKEN),
                tuple(2, CrmArrival.Outcome.REPEAT_ACKNOWLEDGED));
        assertThat(observed.released).filteredOn(n -> !n.aggregateId().equals(ResourcesChapter.TRADING_HOUSE.value()))
                .extracting(Notification::eventId).containsExactly(exit.message().eventId());
        assertThat(fact(chapter("Key accounts"), "Delivered")).startsWith(KeyAccountsChapter.describe(
                observed.arrivalsOf(warning)));
    }

    // ------------------------------------------------------------------ access and commercial authorisation

    @Test
    void theBelowFloorPriceNeededTheFinancialManagerAndTheGeneralManager() {
        Chapter chapter = chapter("Access and commercial authorisation");
        PriceAuthorisationSnapshot belowFloor = observed.prices.get(0);
        PriceAuthorisationSnapshot beyond = observed.prices.get(1);

        assertThat(belowFloor.offeredPrice().isLessThan(belowFloor.floorPrice())).isTrue();
        assertThat(belowFloor.state()).isEqualTo(PriceAuthorisationState.APPROVED);
        assertThat(belowFloor.decisions()).extracting(PriceDecision::role)
                .containsExactly(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(beyond.offeredPrice().isLessThan(beyond.floorPrice())).isFalse();
        assertThat(beyond.addressedTo()).isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(beyond.decisions()).extracting(PriceDecision::role).containsExactly(Role.DEPARTMENT_GENERAL_MANAGER);

        Block.Table requests = table(chapter, "Requests");
        assertThat(column(requests, "State")).containsExactly("APPROVED", "APPROVED");
        assertThat(column(requests, "Addressed to")).containsExactly(Figures.role(belowFloor.addressedTo().name()),
                Figures.role(beyond.addressedTo().name()));
        assertThat(column(table(chapter, "Decisions recorded"), "By")).containsExactlyElementsOf(
                observed.prices.stream().flatMap(p -> p.decisions().stream()).map(d -> d.decidedBy().value()).toList());
    }

    @Test
    void theRefusalsShowTheirExceptionsAndChangedNothing() {
        List<String> messages = preformatted(chapter("Access and commercial authorisation"));
        KeyAccountSnapshot account = observed.accounts.get(SeedMinimums.SUZHOU).stream()
                .filter(a -> a.id().equals(observed.planAccount.account())).findFirst().orElseThrow();
        String industryManager = DemoStaff.industryManagerFor(account.industry()).user().value();

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).startsWith("KL-301 user " + industryManager)
                .contains("at most 0.15", "requested discount is 0.18");
        assertThat(messages.get(1)).startsWith("KL-300 user ").contains("ACCOUNT_MANAGER",
                "may not assign an account manager on account " + account.id());
        // the refused approval left no decision, the refused take-over left the manager
        assertThat(observed.prices.get(1).decisions()).noneMatch(d -> d.decidedBy().value().equals(industryManager));
        assertThat(account.accountManager()).isEqualTo(customers(populations()).get(0).stream()
                .filter(c -> c.id().equals(account.id())).findFirst().map(DemoCustomer::accountManager));
    }

    // ------------------------------------------------------------------ network resources

    @Test
    void theResourcesChapterShowsTheStoredReservationsTheExpiryTheExitAndTheShortfalls() {
        Chapter chapter = chapter("Network resources");
        Block.Table reservations = table(chapter, "Reservations in pool " + ResourcesChapter.POOL);
        assertThat(column(reservations, "State")).containsExactly("COMPLETED", "COMPLETED", "EXPIRED", "REJECTED");
        assertThat(column(reservations, "Allocated")).containsExactly("4", "3", "0", "0");
        assertThat(fact(chapter, "After its account.exited reached the resource area"))
                .startsWith("3 ports resting until the cool-down is over");
        assertThat(fact(chapter, "Utilisation before the exit")).contains("7 of 12 ports allocated");
        assertThat(table(chapter, "Investment requests raised").rows()).hasSize(2)
                .anySatisfy(row -> assertThat(row.get(0)).contains("EMERGENCY"))
                .anySatisfy(row -> assertThat(row.get(0)).contains("ROLLING"));
        assertThat(observed.outbox.stream().filter(e -> e.message().type().equals("resource.units-released")))
                .singleElement().satisfies(e -> assertThat(e.message().aggregateId())
                        .isEqualTo(ResourcesChapter.POOL.value()));
    }

    @Test
    void theResourcesChapterExpiresByTheTimerPricesByScarcityAndRunsTheSpareParts() {
        Chapter chapter = chapter("Network resources");
        assertThat(observed.lapsed.state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(observed.outbox).filteredOn(e -> e.message().type().equals(ReservationExpiryDue.TYPE))
                .extracting(e -> e.message().aggregateId())
                .contains(ResourcesChapter.LAPSING_ORDER.value());
        assertThat(observed.lapsed.closedAt()).as("expired by the timer, not before its expiry")
                .isAfterOrEqualTo(observed.lapsed.expiresAt());

        Money price = ResourcesChapter.LEASING.priceAt(ResourcesChapter.LEASE_BASE_PRICE, observed.utilisationAtExpiry);
        assertThat(observed.utilisationAtExpiry).isEqualByComparingTo(new BigDecimal("0.583333"));
        assertThat(price.compareTo(ResourcesChapter.LEASE_BASE_PRICE)).as("scarcity raised the price").isPositive();
        assertThat(fact(chapter, "Leasing price at this utilisation"))
                .startsWith(price.amount().toPlainString() + " CNY a month");

        assertThat(observed.optics.underRepair()).isEqualTo(1);
        assertThat(html).contains("Daily check ", "2 below minimum (available of minimum): LC-E1 "
                + available(observed.lineCards) + " of " + observed.lineCards.minimum()
                + ", OPT-10G " + available(observed.optics) + " of " + observed.optics.minimum());
        assertThat(observed.outbox).filteredOn(e -> e.message().type().equals("resource.spare-below-minimum")).hasSize(2);
    }

    private static long available(SpareStockSnapshot stock) {
        return stock.onHand() - stock.reservations().stream().mapToLong(r -> r.quantity()).sum();
    }

    // ------------------------------------------------------------------ service-level agreement

    @Test
    void theSlaChapterCountsTheBindingReservationMadeThroughTheResourcesAreaAndAllocatesTheCost() {
        Chapter chapter = chapter("Orders in service classes");
        assertThat(observed.binding.purpose()).isEqualTo(ReservationPurpose.SLA);
        assertThat(observed.binding.reference()).isEqualTo(SlaChapter.SLA + "/" + KeyAccountsChapter.DDN);
        assertThat(observed.binding.state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(observed.sla.reservations()).extracting(ReservationEntry::reference, ReservationEntry::product,
                ReservationEntry::units, ReservationEntry::change).containsExactly(
                tuple(SlaChapter.BINDING.value(), KeyAccountsChapter.DDN, (int) SlaChapter.BINDING_PORTS,
                        ReservationChange.MADE),
                tuple(SlaChapter.BINDING.value(), KeyAccountsChapter.DDN, (int) SlaChapter.BINDING_PORTS,
                        ReservationChange.RELEASED));
        Block.Table march = table(chapter, "Monthly execution report, March 2025");
        int ddnRow = column(march, "Product").indexOf(KeyAccountsChapter.DDN.value());
        assertThat(column(march, "Reserved (binding)").get(ddnRow))
                .isEqualTo(String.valueOf(SlaReports.monthly(ServiceLevelAgreement.restore(observed.sla),
                        YearMonth.of(2025, 3)).lines().stream().filter(l -> l.product().equals(KeyAccountsChapter.DDN))
                        .findFirst().orElseThrow().reserved()))
                .isEqualTo(String.valueOf(SlaChapter.BINDING_PORTS));
        assertThat(column(table(chapter, "Binding reservations on the books of " + SlaChapter.SLA), "Change"))
                .containsExactly("MADE", "RELEASED");

        CostSplit split = CostAllocation.productCostByVolumeShare(SlaChapter.DDN_PRODUCT_COST, SlaChapter.COST_SHARES);
        Block.Table cost = table(chapter, "DDN product cost 2025 allocated 10/10/80");
        assertThat(column(cost, "Department")).containsExactly("group", "business", "public");
        assertThat(column(cost, "Amount (CNY)")).containsExactlyElementsOf(
                split.allocations().stream().map(a -> Figures.cny(a.amount())).toList());
        assertThat(split.allocations().stream().map(a -> a.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(SlaChapter.DDN_PRODUCT_COST.amount());
        assertThat(split.amountOf("public").amount()).isEqualByComparingTo("69136.28");
    }

    // ------------------------------------------------------------------ notifications

    @Test
    void theCrmReceivedEveryNotificationRoutedToItSignedAndTookEachOnce() {
        Chapter chapter = chapter("Notifications");
        List<OutboxEntry> routed = observed.outbox.stream().filter(e -> e.status() == DeliveryStatus.DELIVERED)
                .filter(e -> observed.reachesCrm.contains(e.message().eventId().toString())).toList();
        List<CrmArrival> verified = observed.arrivals.stream().filter(CrmArrival::signatureVerified).toList();

        assertThat(observed.outbox).allMatch(e -> e.status() == DeliveryStatus.DELIVERED);
        assertThat(routed).hasSize(observed.reachesCrm.size()).isNotEmpty();
        assertThat(observed.taken()).containsExactlyInAnyOrderElementsOf(
                routed.stream().map(e -> e.message().eventId().toString()).toList());
        assertThat(verified).hasSize(routed.stream().mapToInt(OutboxEntry::attempts).sum());
        assertThat(observed.arrivals).filteredOn(a -> !a.signatureVerified()).singleElement()
                .satisfies(forged -> assertThat(forged.status()).isEqualTo(401));
        assertThat(observed.taken()).doesNotHaveDuplicates();
        assertThat(verified).extracting(CrmArrival::type).contains(ChurnWarningRaised.TYPE, AccountExited.TYPE);

        Block.Table shown = table(chapter, "Requests received by the CRM's webhook");
        assertThat(shown.rows()).hasSize(observed.arrivals.size());
        assertThat(column(shown, "Type")).containsExactlyElementsOf(
                observed.arrivals.stream().map(CrmArrival::type).toList());
        assertThat(column(shown, "Signature verified")).containsExactlyElementsOf(observed.arrivals.stream()
                .map(a -> a.signatureVerified() ? "yes" : "no (" + a.verificationFailure() + ")").toList());
        assertThat(column(shown, "Attempt")).containsExactlyElementsOf(observed.arrivals.stream()
                .map(a -> a.attempt() == 0 ? "-" : String.valueOf(a.attempt())).toList());
        assertThat(fact(chapter, "Routed to the CRM"))
                .isEqualTo(routed.size() + " events in " + verified.size() + " delivery attempts");
    }

    @Test
    void retriesWaitedOnTheDemoClock() {
        Block.Table runs = table(chapter("Notifications"), "Relay runs during the story");

        // the table shows the runs up to the Notifications chapter; chapters after it add their own runs
        assertThat(runs.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(observed.relayRuns.size());
        List<RelayRun> shown = observed.relayRuns.subList(0, runs.rows().size());
        assertThat(shown.stream().mapToInt(RelayRun::retried).sum()).isEqualTo(2);
        assertThat(observed.relayRuns.subList(shown.size(), observed.relayRuns.size()))
                .allMatch(later -> later.retried() == 0 && later.deadLettered() == 0);
        for (int i = 0; i < shown.size(); i++) {
            RelayRun relayRun = shown.get(i);
            assertThat(runs.rows().get(i)).containsExactly(relayRun.occasion(), Figures.time(relayRun.at(), Demo.ZONE),
                    String.valueOf(relayRun.delivered()), String.valueOf(relayRun.retried()),
                    String.valueOf(relayRun.deadLettered()));
            if (relayRun.retried() > 0) {
                RelayRun next = observed.relayRuns.get(i + 1);
                assertThat(next.occasion()).isEqualTo(relayRun.occasion());
                assertThat(Duration.between(relayRun.at(), next.at())).isEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void theReceiverIsStoppedWhenTheDemoEnds() {
        assertThat(observed.port).isPositive();
        assertThatThrownBy(() -> connect(observed.port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aChapterThatFailsFailsTheDemoWritesNoReportAndStopsTheReceiver() {
        int[] port = new int[1];
        DemoChapter broken = new DemoChapter() {
            @Override
            public String title() {
                return "Broken";
            }

            @Override
            public void run(DemoContext context, ReportSection out) {
                port[0] = context.notifications().receiver().port();
                throw new InvalidStateException("the story does not hold");
            }
        };
        Path out = dir.resolve("broken");

        assertThatThrownBy(() -> new Demo(List.of(new FoundationChapter(), broken)).run(out))
                .hasMessageContaining("the story does not hold");
        assertThat(out.resolve(Demo.REPORT_FILE)).doesNotExist();
        assertThat(port[0]).isPositive();
        assertThatThrownBy(() -> connect(port[0])).isInstanceOf(ConnectException.class);
    }

    @Test
    void everyChapterNamesAMissingArgument() {
        for (DemoChapter chapter : Demo.standardChapters()) {
            assertThatThrownBy(() -> chapter.run(null, new ReportSection(chapter.title())))
                    .as(chapter.title()).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("context");
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        }
    }

    // ------------------------------------------------------------------ the command line

    @Test
    void outMustBeGiven() {
        CliRun missing = CliRun.of("demo");

        assertThat(missing.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void outMustNotBeAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir.txt"), "x");

        CliRun run = CliRun.of("demo", "--out", file.toString());

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--out: '", "exists and is not a directory");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRun run = CliRun.of("demo", "--out", dir.toString(), "--seed", "7");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Unknown option", "'--seed'");
    }

    // ------------------------------------------------------------------ helpers

    // ------------------------------------------------------------------ work orders

    @Test
    void theWorkOrderGanttBarsAreThePlansSchedulesAndTheAlertsAndFaultStatesAreTheRepositories() throws IOException {
        Chapter chapter = chapter("Work orders");
        List<Block.GanttChart> charts = chapter.blocks().stream().filter(Block.GanttChart.class::isInstance)
                .map(Block.GanttChart.class::cast).toList();
        java.time.Instant start = observed.workOrder.start();
        assertThat(charts).singleElement().satisfies(chart -> assertThat(chart.groups())
                .containsExactly(WorkOrdersChapter.PARALLEL, WorkOrdersChapter.SEQUENTIAL));
        Block.GanttChart gantt = charts.get(0);
        for (String group : List.of(WorkOrdersChapter.PARALLEL, WorkOrdersChapter.SEQUENTIAL)) {
            dev.keyline.domain.workorder.StagePlan plan = group.equals(WorkOrdersChapter.PARALLEL)
                    ? dev.keyline.domain.workorder.SeedProvisioningPlans.ddnParallel()
                    : dev.keyline.domain.workorder.SeedProvisioningPlans.ddnSequential();
            List<dev.keyline.domain.workorder.ScheduledStage> schedule = plan.schedule(start,
                    dev.keyline.domain.common.BusinessCalendar.allDays(WorkOrdersChapter.ZONE)).stages();
            assertThat(gantt.bars()).filteredOn(b -> b.group().equals(group))
                    .extracting(Block.Bar::label, Block.Bar::start, Block.Bar::finish)
                    .containsExactlyElementsOf(schedule.stream().map(s -> tuple(s.id().value(), s.earliestStart(),
                            s.earliestFinish())).toList());
            for (dev.keyline.domain.workorder.ScheduledStage s : schedule) {
                assertThat(html).contains("data-group=\"" + group + "\" data-start=\"" + s.earliestStart()
                        + "\" data-finish=\"" + s.earliestFinish() + "\"");
            }
        }
        assertThat(gantt.finish(WorkOrdersChapter.PARALLEL)).isEqualTo(start.plus(java.time.Duration.ofDays(5)));
        assertThat(gantt.finish(WorkOrdersChapter.SEQUENTIAL)).isEqualTo(start.plus(java.time.Duration.ofDays(20)));

        Block.Table stages = table(chapter, "Stages of " + WorkOrdersChapter.ORDER);
        assertThat(column(stages, "Stage")).containsExactlyElementsOf(observed.workOrder.stages().stream()
                .map(s -> s.stage().value()).toList());
        assertThat(column(stages, "Warned")).containsExactlyElementsOf(observed.workOrder.stages().stream()
                .map(s -> s.warned() ? "yes" : "no").toList());
        assertThat(column(stages, "Escalated")).containsExactlyElementsOf(observed.workOrder.stages().stream()
                .map(s -> s.escalated() ? "yes" : "no").toList());
        assertThat(observed.workOrder.stages()).filteredOn(s -> s.warned() || s.escalated())
                .extracting(s -> s.stage()).containsExactly(WorkOrdersChapter.LATE_STAGE);
        assertThat(observed.workOrder.stages()).filteredOn(s -> s.stage().equals(WorkOrdersChapter.LATE_STAGE))
                .allMatch(s -> s.warned() && s.escalated());
        assertThat(observed.outbox).extracting(e -> e.message().type())
                .containsSubsequence(dev.keyline.domain.workorder.ProvisioningStageWarned.TYPE,
                        dev.keyline.domain.workorder.ProvisioningStageEscalated.TYPE);
        assertThat(fact(chapter, "Order state")).startsWith(observed.workOrder.state().name());
        assertThat(observed.workOrder.state()).isEqualTo(dev.keyline.domain.workorder.ProvisioningOrderState.ACCEPTED);

        assertThat(fact(chapter, "TMF641 service order")).isEqualTo(WorkOrdersChapter.SERVICE_ORDER_FILE);
        Path out = dir.resolve("out");
        assertThat(dev.keyline.json.tmf.Tmf641.readServiceOrder(Files.readString(
                out.resolve(WorkOrdersChapter.SERVICE_ORDER_FILE))).id()).isEqualTo(WorkOrdersChapter.ORDER);
    }

    @Test
    void theFaultTicketsStatesAreTheRepositorysAndItsTroubleTicketIsWritten() throws IOException {
        Chapter chapter = chapter("Fault tickets");
        List<String> states = observed.faultTicket.log().stream().map(t -> t.to().name()).toList();
        assertThat(fact(chapter, "Fault states")).endsWith(String.join(" → ", states.subList(states.size() - 7,
                states.size())));
        assertThat(states).contains("PENDING_CUSTOMER");
        assertThat(observed.faultTicket.state()).isEqualTo(dev.keyline.domain.workorder.FaultTicketState.REPLIED);
        assertThat(observed.faultTicket.account()).isEqualTo(observed.workOrder.parties().account());
        assertThat(fact(chapter, "Resolution deadline"))
                .startsWith(String.valueOf(observed.faultTicket.resolution().deadline()));

        assertThat(fact(chapter, "TMF621 trouble ticket")).isEqualTo(FaultTicketsChapter.TROUBLE_TICKET_FILE);
        assertThat(dev.keyline.json.tmf.Tmf621.readTroubleTicket(Files.readString(
                dir.resolve("out").resolve(FaultTicketsChapter.TROUBLE_TICKET_FILE))).id())
                .isEqualTo(FaultTicketsChapter.TICKET);
    }

    @Test
    void theStoryRunsForwardInTheSeedsOrder() {
        assertThat(observed.sla.orders().get(0).acceptedAt()).as("the SLA's orders come after it is approved")
                .isAfter(observed.sla.approvedAt());
        assertThat(observed.workOrder.start()).as("the circuit after the SLA's year")
                .isAfter(observed.sla.orders().get(observed.sla.orders().size() - 1).acceptedAt())
                .isAfter(observed.sla.endedAt());
        assertThat(observed.faultTicket.log().get(0).at()).as("the fault after the circuit")
                .isAfter(observed.workOrder.acceptedAt());
        assertThat(observed.lapsed.madeAt()).as("the reservations after the fault")
                .isAfter(observed.faultTicket.log().get(observed.faultTicket.log().size() - 1).at());
    }

    @Test
    void theSignedSlasAgreementsAreTheStoredOnes() {
        Chapter chapter = chapter("Service-level agreement");
        Block.Table agreed = table(chapter, "Service agreements of " + SlaChapter.SLA);
        assertThat(column(agreed, "Product")).containsExactlyElementsOf(observed.sla.agreements().stream()
                .map(a -> a.product().value()).toList());
        assertThat(column(agreed, "Year")).containsExactlyElementsOf(observed.sla.agreements().stream()
                .map(a -> String.valueOf(a.totalVolume())).toList());
        assertThat(observed.sla.signatures()).hasSize(2);
        assertThat(observed.sla.approvedBy()).isEqualTo(SlaChapter.GENERAL_MANAGER.user());
    }

    @Test
    void theBurnDownEndsAtTheStoredBalancesOfTheNetworkDepartment() {
        Block.LineChart chart = chapter("Budgets").blocks().stream().filter(Block.LineChart.class::isInstance)
                .map(Block.LineChart.class::cast).findFirst().orElseThrow(() -> new AssertionError("no burn-down"));
        Money issued = Money.zero();
        Money committed = Money.zero();
        Money actual = Money.zero();
        for (dev.keyline.domain.budget.LineBalance balance : observed.networkBalances) {
            issued = issued.plus(balance.issued());
            committed = committed.plus(balance.committed());
            actual = actual.plus(balance.actual());
        }
        int last = chart.points().size() - 1;
        for (Block.Series line : chart.series()) {
            Money expected = switch (line.name()) {
                case "issued" -> issued;
                case "committed" -> committed;
                case "actual" -> actual;
                default -> throw new AssertionError("unexpected line " + line.name());
            };
            assertThat(line.values().get(last)).as(line.name()).isEqualByComparingTo(expected.amount());
        }
        assertThat(chart.series()).hasSize(3);
    }

    @Test
    void theUtilisationChartShowsEachPoolsUtilisationAsTheRepositoryReadsItBack() {
        Chapter chapter = chapter("Network resources");
        Block.LineChart chart = chapter.blocks().stream().filter(Block.LineChart.class::isInstance)
                .map(Block.LineChart.class::cast).filter(c -> c.caption().startsWith(ResourcesChapter.UTILISATION_CHART))
                .findFirst().orElseThrow(() -> new AssertionError("no utilisation chart"));
        assertThat(chart.series()).extracting(Block.Series::name)
                .containsExactly(ResourcesChapter.POOL.value(), ResourcesChapter.FULL);
        assertThat(chart.series().get(1).values()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("100"));
        Block.Table table = table(chapter, ResourcesChapter.UTILISATION_TABLE);
        List<String> at = column(table, "At");
        assertThat(at).hasSize(chart.points().size()).hasSizeGreaterThanOrEqualTo(5);
        List<BigDecimal> values = chart.series().get(0).values();
        for (int i = 0; i < at.size(); i++) {
            java.time.Instant instant = java.time.LocalDateTime.parse(at.get(i).replace(' ', 'T')).atZone(Demo.ZONE)
                    .toInstant();
            assertThat(observed.utilisationByHour).as("utilisation read back at " + at.get(i)).containsKey(instant);
            BigDecimal stored = observed.utilisationByHour.get(instant).movePointRight(2)
                    .setScale(1, java.math.RoundingMode.HALF_EVEN);
            assertThat(values.get(i)).as("chart at " + at.get(i)).isEqualByComparingTo(stored);
            assertThat(column(table, ResourcesChapter.POOL.value() + " (%)").get(i)).isEqualTo(stored.toPlainString());
        }
        assertThat(values).as("the pool fills, and the exit gives ports back").contains(new BigDecimal("58.3"))
                .contains(new BigDecimal("33.3"));
    }

    @Test
    void theArrearsRateChartedEachMonthIsWhatBillingsStoredFactsGiveAndMovesThroughTheBands() {
        Chapter chapter = chapter("KPIs and scorecards");
        KpiDefinition arrears = KpiCatalogue.seed().get(KpiCatalogue.ARREARS_RATE);
        String caption = KpiChapter.chartCaption(arrears, KpiChapter.unitOf(arrears));
        Block.LineChart chart = chapter.blocks().stream().filter(Block.LineChart.class::isInstance)
                .map(Block.LineChart.class::cast).filter(c -> c.caption().equals(caption)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + caption));
        Block.Table table = table(chapter, KpiChapter.ARREARS_TABLE);
        assertThat(table.rows()).hasSize(12);
        Set<Band> bands = new HashSet<>();
        int valued = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(KpiChapter.YEAR, m);
            // what billing had sent when the month's KPIs were computed, on the next month's first day
            java.time.Instant computed = month.plusMonths(1).atDay(1).atStartOfDay(Demo.ZONE).toInstant();
            LocalDate last = month.atEndOfMonth();
            List<ArrearsFact> known = observed.arrearsFacts.stream()
                    .filter(f -> f.recordedAt().isBefore(computed) && !f.on().isAfter(last)).toList();
            Map<String, BigDecimal> settled = new HashMap<>();
            known.stream().filter(f -> f.kind() != ArrearsFactKind.BILLED).forEach(f -> settled.merge(
                    f.account() + "|" + f.bill(), f.amount().amount(), BigDecimal::add));
            BigDecimal billed = BigDecimal.ZERO;
            BigDecimal overdue = BigDecimal.ZERO;
            for (ArrearsFact bill : known.stream().filter(f -> f.kind() == ArrearsFactKind.BILLED).toList()) {
                if (YearMonth.from(bill.on()).equals(month)) {
                    billed = billed.add(bill.amount().amount());
                }
                BigDecimal open = bill.amount().amount()
                        .subtract(settled.getOrDefault(bill.account() + "|" + bill.bill(), BigDecimal.ZERO));
                if (bill.due().orElseThrow().isBefore(last) && open.signum() > 0) {
                    overdue = overdue.add(open);
                }
            }
            List<String> row = table.rows().get(m - 1);
            assertThat(row.subList(0, 3)).as("the table's row of " + month).containsExactly(month.toString(),
                    Figures.cny(Money.cny(overdue)), Figures.cny(Money.cny(billed)));
            Optional<BigDecimal> drawn = chart.series().get(0).valueAt(m - 1);
            if (billed.signum() == 0) {
                assertThat(drawn).as("no bill in " + month + ": a gap").isEmpty();
                continue;
            }
            BigDecimal expected = overdue.divide(billed, 4, java.math.RoundingMode.HALF_EVEN);
            assertThat(drawn).as("the arrears rate of " + month).isPresent();
            assertThat(drawn.orElseThrow()).as("the arrears rate of " + month).isEqualByComparingTo(expected);
            assertThat(row.subList(3, 5)).containsExactly(expected.toPlainString(), arrears.band(expected).name());
            bands.add(arrears.band(expected));
            valued++;
        }
        assertThat(valued).as("months with bills").isPositive();
        assertThat(bands).as("the bands the arrears rate passes through").contains(Band.GREEN, Band.AMBER, Band.RED);
        chapter.blocks().stream().filter(b -> b instanceof Block.Facts).map(Block.Facts.class::cast)
                .flatMap(f -> f.facts().stream())
                .filter(f -> f.label().equals("KPIs without a value in any month (not charted)"))
                .forEach(f -> assertThat(List.of(f.value().split(", "))).doesNotContain(arrears.id().value()));
    }

    private static long count(ClassificationResult result, Tier tier) {
        return result.keyAccounts().stream().filter(k -> k.tier() == tier).count();
    }

    /** What the story left behind, read by the probe at the end of the second run. */
    private static final class Observed {
        final Map<LocalNetworkId, List<KeyAccountSnapshot>> accounts = new HashMap<>();
        final Map<LocalNetworkId, List<ClassificationResult>> history = new HashMap<>();
        final Map<LocalNetworkId, ClassificationResult> latest = new HashMap<>();
        final Map<LocalNetworkId, Long> spendAtRegistration = new HashMap<>();
        ClassifiedAccount planAccount;
        AccountPlanSnapshot plan;
        List<SpendFact> planSpend;
        List<SpendFact> churnSpend;
        List<PriceAuthorisationSnapshot> prices;
        List<OutboxEntry> outbox;
        List<CrmArrival> arrivals;
        Set<String> reachesCrm;
        List<Notification> released;
        List<RelayRun> relayRuns;
        int port;
        ReservationSnapshot lapsed;
        BigDecimal utilisationAtExpiry;
        SpareStockSnapshot optics;
        SpareStockSnapshot lineCards;
        ReservationSnapshot binding;
        ServiceLevelAgreementSnapshot sla;
        dev.keyline.domain.workorder.ProvisioningOrderSnapshot workOrder;
        dev.keyline.domain.workorder.FaultTicketSnapshot faultTicket;
        final Map<java.time.Instant, BigDecimal> utilisationByHour = new HashMap<>();
        List<dev.keyline.domain.budget.LineBalance> networkBalances;
        final List<ArrearsFact> arrearsFacts = new ArrayList<>();

        List<CrmArrival> arrivalsOf(OutboxEntry entry) {
            return arrivals.stream().filter(a -> a.eventId().equals(entry.message().eventId().toString())).toList();
        }

        List<String> taken() {
            return arrivals.stream().filter(a -> a.outcome() == CrmArrival.Outcome.TAKEN).map(CrmArrival::eventId)
                    .toList();
        }
    }

    /** A last chapter that writes nothing and reads back what the story left. */
    private static final class Probe implements DemoChapter {

        final Observed observed = new Observed();

        @Override
        public String title() {
            return "Probe";
        }

        @Override
        public void run(DemoContext context, ReportSection out) {
            KeyAccounts accounts = KeyAccounts.on(context.keyline());
            Reclassifications reclassifications = Reclassifications.on(context.keyline());
            for (LocalNetworkId network : List.of(SeedMinimums.SUZHOU, SeedMinimums.KUNMING)) {
                List<KeyAccountSnapshot> registered = accounts.accountsOf(network);
                observed.accounts.put(network, registered);
                observed.history.put(network, reclassifications.classificationHistory(network));
                observed.latest.put(network, reclassifications.latestClassification(network).orElseThrow());
                List<SpendFact> facts = registered.stream().flatMap(a -> accounts.spendOf(a.id()).stream()).toList();
                observed.spendAtRegistration.put(network, facts.stream()
                        .filter(f -> f.recordedAt().isBefore(Demo.START.plusSeconds(86_400))).count());
            }
            observed.planAccount = KeyAccountsChapter.planAccount(reclassifications);
            observed.plan = AccountPlans.on(context.keyline()).planOf(observed.planAccount.account(),
                    KeyAccountsChapter.PLAN_YEAR).orElseThrow();
            observed.planSpend = accounts.spendOf(observed.planAccount.account());
            observed.outbox = context.outbox();
            String churning = observed.outbox.stream().filter(e -> e.message().type().equals(ChurnWarningRaised.TYPE))
                    .map(e -> e.message().aggregateId()).findFirst().orElseThrow();
            observed.churnSpend = accounts.spendOf(new AccountId(churning));
            PriceAuthorisations prices = PriceAuthorisations.on(context.keyline(),
                    CommercialAuthorisationChapter.MATRIX);
            observed.prices = List.of(prices.find(CommercialAuthorisationChapter.BELOW_FLOOR).orElseThrow(),
                    prices.find(CommercialAuthorisationChapter.BEYOND_INDUSTRY_MANAGER).orElseThrow());
            observed.arrivals = context.notifications().receiver().arrivals();
            observed.reachesCrm = new HashSet<>(observed.outbox.stream()
                    .filter(e -> context.notifications().reachesCrm(e.message()))
                    .map(e -> e.message().eventId().toString()).toList());
            observed.released = context.notifications().resources().accepted();
            observed.relayRuns = context.relayRuns();
            observed.port = context.notifications().receiver().port();
            ResourcePools resources = ResourcePools.on(context.keyline());
            observed.lapsed = resources.findReservation(ResourcesChapter.LAPSING_ORDER).orElseThrow();
            observed.utilisationAtExpiry = resources.utilisationAt(ResourcesChapter.POOL,
                    observed.lapsed.closedAt()).orElseThrow();
            SpareParts spares = SpareParts.on(context.keyline());
            observed.optics = spares.stock(SparePartsStep.OPTICS);
            observed.lineCards = spares.stock(SparePartsStep.LINE_CARDS);
            observed.binding = resources.findReservation(SlaChapter.BINDING).orElseThrow();
            observed.sla = ServiceLevelAgreements.on(context.keyline()).find(SlaChapter.SLA).orElseThrow();
            observed.workOrder = dev.keyline.runtime.workorder.ProvisioningOrders.on(context.keyline())
                    .find(WorkOrdersChapter.ORDER);
            observed.faultTicket = WorkOrdersChapter.faults(context).get(FaultTicketsChapter.TICKET);
            observed.networkBalances = dev.keyline.runtime.budget.Budgets.on(context.keyline())
                    .balances(BudgetChapter.NETWORK_DEPT_BUDGET);
            ArrearsFactRepository arrears = context.keyline().storage().port(ArrearsFactRepository.class);
            context.keyline().transactions().run(() -> observed.accounts.values().stream().flatMap(List::stream)
                    .forEach(a -> observed.arrearsFacts.addAll(arrears.byAccount(a.id()))));
            java.time.Instant to = observed.lapsed.closedAt().plus(Duration.ofDays(2));
            for (java.time.Instant hour = observed.lapsed.madeAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                    .minus(Duration.ofHours(1)); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
                observed.utilisationByHour.put(hour, resources.utilisationAt(ResourcesChapter.POOL, hour).orElseThrow());
            }
        }
    }
}
