package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.AccountAuthorisationContract;

/** The "Authorisation" suite of the key-account and authority areas on the in-memory provider. */
class InMemoryAccountAuthorisationTest extends AccountAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
