package dev.keyline.memory.authority;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.authority.AuthorityAreaContract;

/** The in-memory provider passes commercial authorisation's compatibility kit. */
class InMemoryAuthorityAreaTest extends AuthorityAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
