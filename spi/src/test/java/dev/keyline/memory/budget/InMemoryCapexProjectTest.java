package dev.keyline.memory.budget;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.CapexProjectContract;

/** The in-memory provider passes the CAPEX projects' compatibility kit. */
class InMemoryCapexProjectTest extends CapexProjectContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
