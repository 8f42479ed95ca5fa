package dev.keyline.memory.budget;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.BudgetAreaContract;

/** The in-memory provider passes the budget area's compatibility kit. */
class InMemoryBudgetAreaTest extends BudgetAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
