package dev.keyline.domain.account;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.KernelGenerators;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * QuickTheories generators for the key-account area, shared with other modules (the TCK, the
 * persistence adapters) through the domain test-jar: ids, values, command sequences, valid
 * aggregates and snapshots, customer populations and billing ledgers with corrections.
 */
public final class AccountGenerators {

    /** The instant every generated account and plan starts from. */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private static final List<UserId> USERS = List.of(new UserId("u1"), new UserId("u2"), new UserId("u3"), new UserId("u4"));

    private AccountGenerators() {
    }

    /** Account ids {@code A01}..{@code A40}. */
    public static Gen<AccountId> accountIds() {
        return integers().between(1, 40).map(i -> new AccountId(String.format("A%02d", i)));
    }

    /** The networks {@code SZ}, {@code KM}, {@code WX}. */
    public static Gen<LocalNetworkId> networks() {
        return Generate.pick(List.of(new LocalNetworkId("SZ"), new LocalNetworkId("KM"), new LocalNetworkId("WX")));
    }

    /** Four users, so that generated commands often meet the same person twice. */
    public static Gen<UserId> users() {
        return Generate.pick(USERS);
    }

    /** Every industry. */
    public static Gen<Industry> industries() {
        return Generate.enumValues(Industry.class);
    }

    /** Every tier. */
    public static Gen<Tier> tiers() {
        return Generate.enumValues(Tier.class);
    }

    /**
     * CNY amounts of whole cents between the bounds.
     *
     * @param minCents the least number of cents
     * @param maxCents the most
     * @return the generator
     */
    public static Gen<Money> cny(long minCents, long maxCents) {
        return longs().between(minCents, maxCents).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * Valid account profiles drawn from a few values each (so equal profiles occur), including the
     * storage bounds: the largest storable turnover and investment, the largest growth and ratios
     * with every decimal the domain keeps.
     */
    public static Gen<AccountProfile> profiles() {
        Gen<Money> turnover = Generate.frequency(Pair.of(6, cny(0, 3).map(m -> m.times(1_000_000L))),
                Pair.of(1, Generate.constant(Money.cny(Limits.MAX_MONEY))));
        return in -> new AccountProfile(
                integers().between(0, 3).generate(in),
                turnover.generate(in),
                Generate.pick(List.of(new BigDecimal("-0.10"), BigDecimal.ZERO, new BigDecimal("0.25"),
                        new BigDecimal("-0.999999"), Limits.MAX_RATIO)).generate(in),
                turnover.generate(in),
                Generate.pick(List.of(BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("0.123456")))
                        .generate(in),
                Generate.booleans().generate(in),
                Generate.booleans().generate(in),
                integers().between(0, 2).generate(in),
                longs().between(0, 2).generate(in));
    }

    /** Potential flags drawn from few values. */
    public static Gen<PotentialFlags> potentialFlags() {
        Gen<Optional<InfluencerKind>> influencer = Generate.frequency(
                Pair.of(2, Generate.constant(Optional.<InfluencerKind>empty())),
                Pair.of(1, Generate.enumValues(InfluencerKind.class).map(Optional::of)));
        Gen<Optional<String>> designation = Generate.frequency(
                Pair.of(4, Generate.pick(List.of(Optional.<String>empty(), Optional.of("new industrial park")))),
                Pair.of(1, KernelGenerators.boundaryTexts(Limits.TEXT_LENGTH).map(Optional::of)));
        return in -> new PotentialFlags(Generate.booleans().generate(in), influencer.generate(in), designation.generate(in));
    }

    /** Teams of the four users. */
    public static Gen<AccountTeam> teams() {
        return users().zip(users(), users(), AccountTeam::new);
    }

    /**
     * Churn signals from a small pool, so repeats occur; one has the longest rule name and detail,
     * in astral and CJK characters.
     */
    public static Gen<ChurnSignal> churnSignals() {
        return Generate.pick(List.of(
                new ChurnSignal(KernelGenerators.boundaryTextList(Limits.RULE_NAME_LENGTH).get(2),
                        ChurnSignalKind.COMPLAINTS, LocalDate.of(2024, 4, 1),
                        KernelGenerators.boundaryTextList(Limits.TEXT_LENGTH).get(3)),
                new ChurnSignal("falling-spend", ChurnSignalKind.FALLING_SPEND, LocalDate.of(2024, 3, 1), "spend fell 3 months"),
                new ChurnSignal("arrears-age", ChurnSignalKind.ARREARS_AGE, LocalDate.of(2024, 3, 1), "bill unpaid 120 days"),
                new ChurnSignal("complaints", ChurnSignalKind.COMPLAINTS, LocalDate.of(2024, 4, 1), "4 complaints in 90 days")));
    }

    /** Offsets in seconds after the last change; about one in ten is negative (a command in the past). */
    public static Gen<Long> offsets() {
        return Generate.frequency(Pair.of(9, longs().between(0, 86_400)), Pair.of(1, longs().between(-3_600, -1)));
    }

    private static Gen<String> reasons() {
        return Generate.frequency(Pair.of(6, Generate.pick(List.of("strategic customer", "board decision"))),
                Pair.of(2, KernelGenerators.boundaryTexts(Limits.TEXT_LENGTH)),
                Pair.of(1, Generate.constant("  ")));
    }

    /** Commands against a key account, valid and invalid, in proportions that exercise every path. */
    public static Gen<KeyAccountCommand> keyAccountCommands() {
        Gen<KeyAccountCommand> activate = users().zip(offsets(), KeyAccountCommand.Activate::new);
        Gen<KeyAccountCommand> manager = users().zip(users(), offsets(), KeyAccountCommand.AssignManager::new);
        Gen<KeyAccountCommand> team = teams().zip(users(), offsets(), KeyAccountCommand.AssignTeam::new);
        Gen<KeyAccountCommand> profile = profiles().zip(users(), offsets(), KeyAccountCommand.UpdateProfile::new);
        Gen<KeyAccountCommand> flags = potentialFlags().zip(users(), offsets(), KeyAccountCommand.FlagPotential::new);
        Gen<KeyAccountCommand> classify = in -> new KeyAccountCommand.Classify(tiers().generate(in),
                Generate.frequency(Pair.of(6, Generate.pick(List.of("share", "minimum", " "))),
                        Pair.of(2, KernelGenerators.boundaryTexts(Limits.RULE_NAME_LENGTH))).generate(in),
                LocalDate.of(2024, 1, 1).plusDays(integers().between(0, 400).generate(in)),
                users().generate(in), offsets().generate(in));
        Gen<KeyAccountCommand> override = in -> new KeyAccountCommand.OverrideTier(tiers().generate(in),
                reasons().generate(in), users().generate(in), users().generate(in), offsets().generate(in));
        Gen<KeyAccountCommand> raise = lists().of(churnSignals()).ofSizeBetween(0, 3)
                .zip(offsets(), KeyAccountCommand.RaiseChurnWarning::new);
        Gen<KeyAccountCommand> clear = users().zip(offsets(), KeyAccountCommand.ClearChurnWarning::new);
        Gen<KeyAccountCommand> exit = reasons().zip(users(), offsets(), KeyAccountCommand.Exit::new);
        return Generate.frequency(List.of(
                Pair.of(3, activate), Pair.of(3, manager), Pair.of(1, team), Pair.of(1, profile), Pair.of(1, flags),
                Pair.of(4, classify), Pair.of(3, override), Pair.of(3, raise), Pair.of(2, clear), Pair.of(1, exit)));
    }

    /** Sequences of 0 to 30 key-account commands. */
    public static Gen<List<KeyAccountCommand>> keyAccountCommandSequences() {
        return lists().of(keyAccountCommands()).ofSizeBetween(0, 30);
    }

    /** Freshly registered accounts (version 0, one pending event). */
    public static Gen<KeyAccount> registeredAccounts() {
        Gen<String> names = Generate.frequency(Pair.of(6, integers().between(1, 9).map(i -> "Customer " + i)),
                Pair.of(1, KernelGenerators.boundaryTexts(Limits.NAME_LENGTH)));
        return in -> KeyAccount.register(accountIds().generate(in), names.generate(in),
                networks().generate(in), industries().generate(in), profiles().generate(in), potentialFlags().generate(in),
                users().generate(in), EPOCH.plusSeconds(longs().between(0, 86_400).generate(in)));
    }

    /**
     * Applies commands in order, ignoring the rejected ones (a rejected command changes nothing).
     *
     * @param account the account
     * @param commands the commands
     * @return the same account
     */
    public static KeyAccount applyAll(KeyAccount account, List<KeyAccountCommand> commands) {
        for (KeyAccountCommand command : commands) {
            try {
                command.applyTo(account);
            } catch (KeylineException rejected) {
                // rejected commands leave the account unchanged; the properties check that
            }
        }
        return account;
    }

    /** Accounts in every reachable state: registered, then a random command sequence applied. */
    public static Gen<KeyAccount> keyAccounts() {
        return registeredAccounts().zip(keyAccountCommandSequences(), AccountGenerators::applyAll);
    }

    /** Valid snapshots of accounts in every reachable state, for storage round-trip tests. */
    public static Gen<KeyAccountSnapshot> keyAccountSnapshots() {
        return keyAccounts().map(KeyAccount::snapshot);
    }

    /** Commands against an account plan, valid and invalid. */
    public static Gen<AccountPlanCommand> accountPlanCommands() {
        Gen<Integer> days = Generate.frequency(Pair.of(9, integers().between(0, 364)), Pair.of(1, Generate.pick(List.of(-1, 366))));
        Gen<Integer> numbers = integers().between(0, 5);
        Gen<AccountPlanCommand> addAction = in -> new AccountPlanCommand.AddAction(
                Generate.frequency(Pair.of(6, Generate.constant("visit the CIO")), Pair.of(1, Generate.constant(" ")),
                        Pair.of(1, KernelGenerators.boundaryTexts(Limits.TEXT_LENGTH))).generate(in),
                users().generate(in), days.generate(in), users().generate(in), offsets().generate(in));
        Gen<AccountPlanCommand> complete = numbers.zip(users(), offsets(), AccountPlanCommand.CompleteAction::new);
        Gen<AccountPlanCommand> addItem = in -> new AccountPlanCommand.AddResourceItem(
                Generate.pick(List.of(new ProductCode("DDN"), new ProductCode("FR"), new ProductCode("LAN"))).generate(in),
                integers().between(-1, 20).generate(in), days.generate(in),
                Generate.frequency(Pair.of(4, Generate.pick(List.of("", "for the new branch"))),
                        Pair.of(1, KernelGenerators.boundaryTexts(Limits.TEXT_LENGTH))).generate(in),
                users().generate(in), offsets().generate(in));
        Gen<AccountPlanCommand> fulfil = numbers.zip(users(), offsets(), AccountPlanCommand.FulfilResourceItem::new);
        Gen<AccountPlanCommand> revise = in -> new AccountPlanCommand.ReviseTarget(
                Generate.frequency(Pair.of(6, cny(-100, 3).map(m -> m.times(100_000L))),
                        Pair.of(1, Generate.constant(Money.cny(Limits.MAX_MONEY)))).generate(in),
                reasons().generate(in), users().generate(in), offsets().generate(in));
        return Generate.frequency(List.of(Pair.of(3, addAction), Pair.of(3, complete), Pair.of(3, addItem),
                Pair.of(3, fulfil), Pair.of(2, revise)));
    }

    /** Sequences of 0 to 30 account-plan commands. */
    public static Gen<List<AccountPlanCommand>> accountPlanCommandSequences() {
        return lists().of(accountPlanCommands()).ofSizeBetween(0, 30);
    }

    /** Freshly drawn plans (version 0, one pending event). */
    public static Gen<AccountPlan> drawnPlans() {
        return in -> AccountPlan.draw(new AccountPlanId("P" + integers().between(1, 99).generate(in)),
                accountIds().generate(in), networks().generate(in), Year.of(integers().between(2024, 2026).generate(in)),
                cny(1, 100).generate(in).times(100_000L), users().generate(in),
                EPOCH.plusSeconds(longs().between(0, 86_400).generate(in)));
    }

    /**
     * Applies plan commands in order, ignoring the rejected ones.
     *
     * @param plan the plan
     * @param commands the commands
     * @return the same plan
     */
    public static AccountPlan applyAll(AccountPlan plan, List<AccountPlanCommand> commands) {
        for (AccountPlanCommand command : commands) {
            try {
                command.applyTo(plan);
            } catch (KeylineException rejected) {
                // rejected commands leave the plan unchanged; the properties check that
            }
        }
        return plan;
    }

    /** Plans in every reachable state. */
    public static Gen<AccountPlan> accountPlans() {
        return drawnPlans().zip(accountPlanCommandSequences(), AccountGenerators::applyAll);
    }

    /** Valid snapshots of plans in every reachable state. */
    public static Gen<AccountPlanSnapshot> accountPlanSnapshots() {
        return accountPlans().map(AccountPlan::snapshot);
    }

    /** Shares in (0, 1] with two decimals. */
    public static Gen<BigDecimal> shares() {
        return integers().between(1, 100).map(i -> BigDecimal.valueOf(i, 2));
    }

    /**
     * Small populations for brute-force checks: 0 to 8 customers, average spends of 0 to 5 whole
     * yuan (so ties and zeros are common), in random insertion order.
     */
    public static Gen<Map<AccountId, Money>> smallPopulations() {
        return smallPopulations(0);
    }

    /**
     * {@link #smallPopulations()} of at least one customer. Built by size rather than filtered:
     * QuickTheories replays its boundary (the empty list) on every retry of a filter, so a
     * filter that rejects the boundary can exhaust its attempts before any example runs.
     *
     * @return the generator
     */
    public static Gen<Map<AccountId, Money>> nonEmptySmallPopulations() {
        return smallPopulations(1);
    }

    private static Gen<Map<AccountId, Money>> smallPopulations(int minSize) {
        return lists().of(integers().between(0, 5)).ofSizeBetween(minSize, 8).map(spends -> {
            Map<AccountId, Money> population = new LinkedHashMap<>();
            for (int i = 0; i < spends.size(); i++) {
                population.put(new AccountId(String.format("C%02d", i + 1)), Money.ofCents(spends.get(i) * 100L, Money.CNY));
            }
            return Collections.unmodifiableMap(population);
        });
    }

    /** Populations of 0 to 40 customers with spends up to 100,000.00 in cents, zero one time in ten. */
    public static Gen<Map<AccountId, Money>> populations() {
        return populations(0);
    }

    /**
     * {@link #populations()} of at least one customer, built by size rather than filtered (see
     * {@link #nonEmptySmallPopulations()}).
     *
     * @return the generator
     */
    public static Gen<Map<AccountId, Money>> nonEmptyPopulations() {
        return populations(1);
    }

    private static Gen<Map<AccountId, Money>> populations(int minSize) {
        Gen<Money> spend = Generate.frequency(Pair.of(1, Generate.constant(Money.zero())), Pair.of(9, cny(1, 10_000_000)));
        return lists().of(spend).ofSizeBetween(minSize, 40).map(spends -> {
            Map<AccountId, Money> population = new LinkedHashMap<>();
            for (int i = 0; i < spends.size(); i++) {
                population.put(new AccountId(String.format("C%03d", i + 1)), spends.get(i));
            }
            return Collections.unmodifiableMap(population);
        });
    }

    /**
     * The same entries in another insertion order.
     *
     * @param population the entries
     * @param seed the shuffle seed
     * @return a map with the same entries, inserted in shuffled order
     */
    public static Map<AccountId, Money> shuffled(Map<AccountId, Money> population, long seed) {
        List<Map.Entry<AccountId, Money>> entries = new ArrayList<>(population.entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<AccountId, Money> result = new LinkedHashMap<>();
        entries.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * A billing ledger with corrections and the effective spend it must give.
     *
     * @param facts the facts, in random order
     * @param expected per account, per month, the amount of the last fact of each chain, summed
     * @param network the network of every fact
     */
    public record Ledger(List<SpendFact> facts, Map<AccountId, Map<YearMonth, Money>> expected, LocalNetworkId network) {
    }

    /**
     * Valid ledgers: up to 4 accounts, months of 2024, each account-month with 0 to 2 independent
     * chains of 1 to 4 facts (an original and its corrections, each recorded later), shuffled.
     */
    public static Gen<Ledger> ledgers() {
        return in -> {
            LocalNetworkId network = new LocalNetworkId("SZ");
            List<SpendFact> facts = new ArrayList<>();
            Map<AccountId, Map<YearMonth, Money>> expected = new TreeMap<>(java.util.Comparator.comparing(AccountId::value));
            int accounts = integers().between(1, 4).generate(in);
            int id = 0;
            for (int a = 1; a <= accounts; a++) {
                AccountId account = new AccountId("A" + a);
                int months = integers().between(0, 4).generate(in);
                for (int m = 1; m <= months; m++) {
                    YearMonth month = YearMonth.of(2024, integers().between(1, 12).generate(in));
                    int chains = integers().between(0, 2).generate(in);
                    for (int c = 0; c < chains; c++) {
                        int length = integers().between(1, 4).generate(in);
                        Instant at = EPOCH.plusSeconds(longs().between(0, 1_000_000).generate(in));
                        SpendFact fact = SpendFact.original(new SpendFactId("F" + (++id)), account, network, month,
                                cny(0, 1_000_000).generate(in), at);
                        facts.add(fact);
                        for (int k = 1; k < length; k++) {
                            at = at.plusSeconds(longs().between(0, 100_000).generate(in));
                            fact = fact.correctedBy(new SpendFactId("F" + (++id)), cny(0, 1_000_000).generate(in), at);
                            facts.add(fact);
                        }
                        expected.computeIfAbsent(account, x -> new TreeMap<>()).merge(month, fact.amount(), Money::plus);
                    }
                }
            }
            Collections.shuffle(facts, new Random(longs().all().generate(in)));
            return new Ledger(List.copyOf(facts), expected, network);
        };
    }
}
