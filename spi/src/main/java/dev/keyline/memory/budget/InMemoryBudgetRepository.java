package dev.keyline.memory.budget;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.budget.BudgetRepository;
import java.util.Comparator;
import java.util.List;

/** The budgets of an {@link InMemoryStorage}, with everything they hold. */
final class InMemoryBudgetRepository extends InMemoryAggregateRepository<Budget, BudgetId, BudgetSnapshot>
        implements BudgetRepository {

    private static final Comparator<BudgetSnapshot> BY_ID = Comparator.comparing(s -> s.id().value());

    InMemoryBudgetRepository(InMemoryStorage storage) {
        super(storage, "budget", BudgetSnapshot.class, Budget::snapshot, Budget::restore);
    }

    @Override
    public List<Budget> childrenOf(BudgetId parent) {
        Require.nonNull(parent, "parent");
        return table().scan(s -> parent.equals(s.targets().parent())).sorted(BY_ID).map(this::restore).toList();
    }

    @Override
    public List<Budget> ofUnit(OrgUnitId unit) {
        Require.nonNull(unit, "unit");
        return table().scan(s -> unit.equals(s.targets().unit().id()))
                .sorted(Comparator.<BudgetSnapshot>comparingInt(s -> s.targets().fiscalYear()).thenComparing(BY_ID))
                .map(this::restore).toList();
    }
}
