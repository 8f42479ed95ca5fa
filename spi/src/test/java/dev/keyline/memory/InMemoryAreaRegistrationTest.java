package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AreaRegistrationContract;

/** The in-memory provider serves every port of every area it installs, and names the area of one it does not. */
class InMemoryAreaRegistrationTest extends AreaRegistrationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
