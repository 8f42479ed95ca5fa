package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.StaleRetryContract;
import dev.keyline.tck.fixture.InMemoryTallyArea;

/** The runtime's bounded retry of stale commands on the in-memory provider. */
class InMemoryStaleRetryTest extends StaleRetryContract {

    @Override
    protected StorageProvider newStorage() {
        return InMemoryStorage.builder().area(new InMemoryTallyArea()).build();
    }
}
