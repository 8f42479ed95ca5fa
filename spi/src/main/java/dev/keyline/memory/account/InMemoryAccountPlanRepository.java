package dev.keyline.memory.account;

import dev.keyline.memory.InMemoryTable;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.account.AccountPlanRepository;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The account plans of an {@link InMemoryStorage}, with a second table from account and year to
 * plan that makes "one plan per account and year" hold even for two transactions racing to insert.
 */
final class InMemoryAccountPlanRepository extends InMemoryAggregateRepository<AccountPlan, AccountPlanId, AccountPlanSnapshot>
        implements AccountPlanRepository {

    /**
     * The account and year a plan is for.
     *
     * @param account the key account
     * @param year the plan year
     */
    private record AccountYear(AccountId account, Year year) {

        @Override
        public String toString() {
            return "of account " + account + " for " + year;
        }
    }

    private final InMemoryTable<AccountYear, AccountPlanId> planOfYear;

    InMemoryAccountPlanRepository(InMemoryStorage storage) {
        super(storage, "account plan", AccountPlanSnapshot.class, AccountPlan::snapshot, AccountPlan::restore);
        this.planOfYear = storage.table("account plan of the year", AccountPlanId.class);
    }

    @Override
    public void save(AccountPlan plan) {
        Require.nonNull(plan, "plan");
        if (plan.version() != 0) {
            super.save(plan);
            return;
        }
        AccountYear key = new AccountYear(plan.account(), plan.year());
        table().checkWritable(plan.id(), 0);
        Optional<AccountPlanId> existing = planOfYear.find(key);
        if (existing.isPresent()) {
            throw new AlreadyExistsException("account " + plan.account() + " already has plan " + existing.get()
                    + " for " + plan.year() + "; plan " + plan.id() + " cannot be added (one plan per account and year)");
        }
        super.save(plan);
        planOfYear.insert(key, plan.id());
    }

    @Override
    public List<AccountPlan> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return table().scan(s -> s.account().equals(account)).sorted(Comparator.comparing(AccountPlanSnapshot::year))
                .map(this::restore).toList();
    }

    @Override
    public Optional<AccountPlan> byAccountAndYear(AccountId account, Year year) {
        Require.nonNull(account, "account");
        Require.nonNull(year, "year");
        return planOfYear.find(new AccountYear(account, year)).flatMap(this::find);
    }

    @Override
    public Stream<AccountPlan> byNetworkAndYear(LocalNetworkId network, Year year) {
        Require.nonNull(network, "network");
        Require.nonNull(year, "year");
        return table().scan(s -> s.network().equals(network) && s.year().equals(year))
                .sorted(Comparator.comparing(s -> s.account().value())).map(this::restore);
    }
}
