package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One generated customer as the CRM knows it before it becomes a key account (大客户): its name,
 * industry (行业), characteristics (大客户特征), potential key-account flags (潜在大客户) and account
 * manager (客户经理). Its spend comes from the {@link SpendPopulation} it belongs to.
 *
 * @param id the account id, the population's customer id
 * @param name the customer name
 * @param industry the industry
 * @param profile the characteristics
 * @param potential the potential key-account flags
 * @param accountManager the account manager assigned to it
 */
public record DemoCustomer(AccountId id, String name, Industry industry, AccountProfile profile,
        PotentialFlags potential, UserId accountManager) {

    /** The seed's six industry segments; no generated customer is OTHER. */
    private static final Industry[] INDUSTRIES = {Industry.FINANCE, Industry.KEY_CUSTOMERS, Industry.INFORMATION,
        Industry.SCIENCE_EDUCATION_CULTURE_HEALTH, Industry.TOURISM, Industry.COMMERCE_TRADE};

    /** Validates the customer. */
    public DemoCustomer {
        Require.nonNull(id, "id");
        Require.nonBlank(name, "name");
        Require.nonNull(industry, "industry");
        Require.nonNull(profile, "profile");
        Require.nonNull(potential, "potential");
        Require.nonNull(accountManager, "accountManager");
    }

    /**
     * Generates the CRM's view of every customer of a population, in the population's order.
     * Turnover grows with spend but varies a lot from company to company (so some small spenders
     * are big companies: potential key accounts); about one customer in twenty is a Party,
     * government or military body and about one in twenty-five influences others' telecom use.
     *
     * @param population the customers and their spend
     * @param window the assessment window their spend is averaged over
     * @param managers the network's account managers, assigned at random
     * @param random the source of every random choice
     * @return the customers
     */
    public static List<DemoCustomer> generate(SpendPopulation population, AssessmentWindow window,
            List<UserId> managers, Random random) {
        Require.nonNull(population, "population");
        Require.nonNull(window, "window");
        List<UserId> team = Require.nonNullElements(managers, "managers");
        Require.that(!team.isEmpty(), "managers", "must name at least one account manager");
        Require.nonNull(random, "random");
        Map<AccountId, Money> averages = SpendAverages.over(population.facts(), window.months());
        String city = population.network().equals(SeedMinimums.SUZHOU) ? "Suzhou"
                : population.network().equals(SeedMinimums.KUNMING) ? "Kunming" : population.network().value();
        List<DemoCustomer> customers = new ArrayList<>();
        for (AccountId id : population.customers()) {
            Industry industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
            boolean government = random.nextDouble() < 0.05;
            Optional<InfluencerKind> influencer = random.nextDouble() < 0.04
                    ? Optional.of(InfluencerKind.values()[random.nextInt(InfluencerKind.values().length)])
                    : Optional.empty();
            double monthly = Math.max(800, averages.getOrDefault(id, Money.zero()).amount().doubleValue());
            double turnover = monthly * 12 * Math.exp(Math.log(120) + 0.9 * random.nextGaussian());
            AccountProfile profile = new AccountProfile(1 + random.nextInt(25), roundedTo(turnover, 10_000),
                    BigDecimal.valueOf(random.nextInt(41) - 10, 2), roundedTo(turnover * (0.02 + 0.1 * random.nextDouble()),
                    1_000), BigDecimal.valueOf(20 + random.nextInt(71), 2), monthly > 5_000 || random.nextDouble() < 0.2,
                    random.nextDouble() < 0.1, 1 + random.nextInt(20), 100L + random.nextInt(100_000));
            String number = id.value().substring(id.value().length() - 3);
            String name = city + " " + (government ? "Municipal Bureau" : noun(industry, random)) + " " + number;
            customers.add(new DemoCustomer(id, name, industry, profile,
                    new PotentialFlags(government, influencer, Optional.empty()), team.get(random.nextInt(team.size()))));
        }
        return List.copyOf(customers);
    }

    private static Money roundedTo(double amount, long unit) {
        return Money.cny(BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(unit), 0, RoundingMode.HALF_EVEN)
                .multiply(BigDecimal.valueOf(unit)));
    }

    private static String noun(Industry industry, Random random) {
        List<String> nouns = switch (industry) {
            case FINANCE -> List.of("Commercial Bank", "Securities", "Insurance");
            case KEY_CUSTOMERS -> List.of("Power Supply", "Water Works", "Port Group");
            case INFORMATION -> List.of("Software Park", "Data Centre", "Internet Services");
            case SCIENCE_EDUCATION_CULTURE_HEALTH -> List.of("University", "People's Hospital", "Research Institute");
            case TOURISM -> List.of("Garden Hotel", "Travel Service", "Scenic Area");
            case COMMERCE_TRADE -> List.of("Department Store", "Logistics", "Trading");
            case OTHER -> List.of("Company");
        };
        return nouns.get(random.nextInt(nouns.size()));
    }
}
