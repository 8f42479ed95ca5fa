package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.account.LocalNetworkId;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.ReportSection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Key-account classification (大客户认定) for two local networks of the seed, Suzhou (SZ) and
 * Kunming (KM), over a generated population: each network classified by the revenue-share rule
 * (the customers making up 30 % of the network's spend) and by the seed's monthly minimum (5,000
 * CNY for Suzhou, 10,000 CNY for Kunming), with the key accounts split into level 2 (national) and
 * level 1 (local) by the group's national list.
 */
public final class KeyAccountsChapter implements DemoChapter {

    /** How many months the assessment window spans. */
    public static final int WINDOW_MONTHS = 6;

    /** How many customers each network has. */
    public static final int CUSTOMERS = 60;

    /** The purpose the chapter draws its random numbers for; see {@link DemoContext#random(String)}. */
    public static final String RANDOM_PURPOSE = "key-accounts";

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
     * @param random the chapter's random source
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
     * The assessment window of a run on {@code runDate}: the {@value #WINDOW_MONTHS} whole months before it.
     *
     * @param runDate the run date
     * @return the window
     */
    public static AssessmentWindow window(LocalDate runDate) {
        return AssessmentWindow.endingBefore(runDate, WINDOW_MONTHS);
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        LocalDate runDate = context.today();
        AssessmentWindow window = window(runDate);
        List<SpendPopulation> populations = populations(window, context.clock().getZone(), context.random(RANDOM_PURPOSE));

        out.paragraph("A local network's key accounts are drawn from each customer's average monthly spend over an "
                + "assessment window: the total over the window divided by its number of months, half-even to the cent. "
                + "The revenue-share rule takes the biggest spenders until they make up 30 % of the network's spend "
                + "(ties kept together); the monthly-minimum rule takes everyone at or above a fixed amount, the seed's "
                + "examples being 5,000 CNY for Suzhou and 10,000 CNY for Kunming. Key accounts on the group's national "
                + "list are level 2 (national), the others level 1 (local).");
        out.fact("Run date", runDate);
        out.fact("Assessment window", window.first() + " to " + window.last() + " (" + window.size() + " months)");
        out.fact("Population", CUSTOMERS + " generated customers per network, seed " + context.seed());

        List<NetworkOutcome> outcomes = new ArrayList<>();
        for (SpendPopulation population : populations) {
            Map<AccountId, Money> averages = SpendAverages.over(population.facts(), window.months());
            outcomes.add(new NetworkOutcome(population.network(), averages.size(), Money.sum(averages.values(), Money.CNY),
                    classify(population, runDate, window, RevenueShareRule.standard()),
                    classify(population, runDate, window, SeedMinimums.of(population.network()))));
        }

        List<List<String>> overview = new ArrayList<>();
        for (NetworkOutcome o : outcomes) {
            for (ClassificationResult result : List.of(o.byShare(), o.byMinimum())) {
                overview.add(List.of(o.network().value(), String.valueOf(o.customers()), o.total().amount().toPlainString(),
                        result.rule(), threshold(result), String.valueOf(result.keyAccounts().size()),
                        String.valueOf(count(result, Tier.NATIONAL)), String.valueOf(count(result, Tier.LOCAL)),
                        percentOf(keySpend(result), o.total())));
            }
        }
        out.heading("Both networks, both rules");
        out.table("Classification by network and rule", List.of("Network", "Customers", "Network's average monthly spend",
                "Rule", "Threshold", "Key accounts", "Level 2 (national)", "Level 1 (local)",
                "Key accounts' share of spend"), overview);

        for (NetworkOutcome o : outcomes) {
            out.heading(name(o.network()) + " (" + o.network() + ")");
            out.table(name(o.network()) + ": every customer who is a key account under either rule",
                    List.of("Customer", "Average monthly spend", "Share rule (" + threshold(o.byShare()) + ")",
                            "Minimum rule (" + threshold(o.byMinimum()) + ")"),
                    keyAccountRows(o.byShare(), o.byMinimum()));
        }
        out.summary("key accounts " + String.join("; ", outcomes.stream().map(o -> o.network() + " "
                + o.byShare().keyAccounts().size() + " by share / " + o.byMinimum().keyAccounts().size() + " by minimum")
                .toList()));
    }

    /** One network's classification under both rules. */
    private record NetworkOutcome(LocalNetworkId network, int customers, Money total, ClassificationResult byShare,
            ClassificationResult byMinimum) {
    }

    private static String threshold(ClassificationResult result) {
        return result.threshold().map(t -> t.amount().toPlainString()).orElse("none");
    }

    private static ClassificationResult classify(SpendPopulation population, LocalDate runDate, AssessmentWindow window,
            ClassificationRule rule) {
        return Reclassification.run(population.network(), runDate, window, population.facts(), rule,
                population.nationals());
    }

    private static List<List<String>> keyAccountRows(ClassificationResult byShare, ClassificationResult byMinimum) {
        Set<ClassifiedAccount> listed = new LinkedHashSet<>(byMinimum.keyAccounts());
        for (ClassifiedAccount account : byShare.keyAccounts()) {
            if (byMinimum.tierOf(account.account()) == Tier.NONE) {
                listed.add(account);
            }
        }
        List<ClassifiedAccount> ranked = new ArrayList<>(listed);
        ranked.sort((a, b) -> {
            int bySpend = b.averageMonthlySpend().compareTo(a.averageMonthlySpend());
            return bySpend != 0 ? bySpend : a.account().value().compareTo(b.account().value());
        });
        List<List<String>> rows = new ArrayList<>();
        for (ClassifiedAccount account : ranked) {
            rows.add(List.of(account.account().value(), account.averageMonthlySpend().amount().toPlainString(),
                    tierName(byShare.tierOf(account.account())), tierName(byMinimum.tierOf(account.account()))));
        }
        return rows;
    }

    private static long count(ClassificationResult result, Tier tier) {
        return result.keyAccounts().stream().filter(k -> k.tier() == tier).count();
    }

    private static Money keySpend(ClassificationResult result) {
        return Money.sum(result.keyAccounts().stream().map(ClassifiedAccount::averageMonthlySpend).toList(), Money.CNY);
    }

    private static String percentOf(Money part, Money whole) {
        if (whole.isZero()) {
            return "0.0%";
        }
        return part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 1, RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    /**
     * How a tier is shown in the report.
     *
     * @param tier the tier
     * @return {@code Level 2 (national)}, {@code Level 1 (local)}, or a dash for no key account
     */
    public static String tierName(Tier tier) {
        Require.nonNull(tier, "tier");
        return switch (tier) {
            case NATIONAL -> "Level 2 (national)";
            case LOCAL -> "Level 1 (local)";
            case POTENTIAL -> "potential";
            case NONE -> "-";
        };
    }

    private static String name(LocalNetworkId network) {
        return network.equals(SeedMinimums.SUZHOU) ? "Suzhou" : network.equals(SeedMinimums.KUNMING) ? "Kunming"
                : network.value();
    }
}
