package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated population of one local network's customers: billing's monthly spend facts over an
 * assessment window, and which of the customers are on the group's national key-account list.
 *
 * <p>Spend is spread the way telecom revenue usually is: most customers spend a few thousand CNY a
 * month, a few spend tens of thousands (a log-normal draw per customer, varied ±25 % month to
 * month); some customers miss months, a few spend nothing at all. Customers spending more than
 * 30,000 CNY a month are on the national list with even odds.
 *
 * @param network the local network
 * @param customers the customers, in id order
 * @param facts billing's facts over the window
 * @param nationals the customers on the group's national list
 */
public record SpendPopulation(LocalNetworkId network, List<AccountId> customers, List<SpendFact> facts,
        NationalList nationals) {

    private static final BigDecimal NATIONAL_SPEND = new BigDecimal("30000");

    /** Validates and copies the population. */
    public SpendPopulation {
        Require.nonNull(network, "network");
        customers = Require.nonNullElements(customers, "customers");
        facts = Require.nonNullElements(facts, "facts");
        Require.nonNull(nationals, "nationals");
    }

    /**
     * Generates a population.
     *
     * @param network the local network; customer ids are {@code <network>-C001} and on
     * @param size how many customers, positive
     * @param typicalSpend the median monthly spend in CNY, positive
     * @param window the months to generate facts for
     * @param zone the zone billing records in (facts are recorded at 08:00 on the 1st of the next month)
     * @param random the source of every random choice
     * @return the population
     */
    public static SpendPopulation generate(LocalNetworkId network, int size, int typicalSpend, AssessmentWindow window,
            ZoneId zone, Random random) {
        Require.nonNull(network, "network");
        Require.positive(size, "size");
        Require.positive(typicalSpend, "typicalSpend");
        Require.nonNull(window, "window");
        Require.nonNull(zone, "zone");
        Require.nonNull(random, "random");
        List<AccountId> customers = new ArrayList<>();
        List<SpendFact> facts = new ArrayList<>();
        Set<AccountId> nationals = new HashSet<>();
        for (int i = 1; i <= size; i++) {
            AccountId customer = new AccountId(network.value() + "-C" + String.format("%03d", i));
            customers.add(customer);
            boolean silent = random.nextDouble() < 0.05;
            double base = silent ? 0 : Math.min(250_000, Math.exp(Math.log(typicalSpend) + 1.1 * random.nextGaussian()));
            if (BigDecimal.valueOf(base).compareTo(NATIONAL_SPEND) > 0 && random.nextBoolean()) {
                nationals.add(customer);
            }
            for (YearMonth month : window.months()) {
                if (!silent && random.nextDouble() < 0.08) {
                    continue; // no bill this month
                }
                double amount = base * (0.75 + 0.5 * random.nextDouble());
                facts.add(SpendFact.original(new SpendFactId(customer.value() + "-" + month), customer, network, month,
                        Money.cny(BigDecimal.valueOf(amount)),
                        month.plusMonths(1).atDay(1).atTime(LocalTime.of(8, 0)).atZone(zone).toInstant()));
            }
        }
        return new SpendPopulation(network, customers, facts, new NationalList(nationals));
    }
}
