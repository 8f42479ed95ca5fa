package dev.keyline.memory.budget;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.BudgetAuthorisationContract;

/** The "Authorisation" suite of the budget area on the in-memory provider, every permitted actor included. */
class InMemoryBudgetAuthorisationTest extends BudgetAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
