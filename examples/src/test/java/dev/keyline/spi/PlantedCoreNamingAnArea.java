package dev.keyline.spi;

import dev.keyline.spi.account.KeyAccountRepository;

/**
 * A deliberate violation, kept in test sources only: a class in the core package
 * {@code dev.keyline.spi} that names the key-account area's port. Since the area's package already
 * depends on {@code dev.keyline.spi}, it also closes a package cycle. The architecture test proves
 * its rules report this class; the main import never sees it.
 */
public final class PlantedCoreNamingAnArea {

    private PlantedCoreNamingAnArea() {
    }

    /** Names the key-account area's repository. */
    static String describe(KeyAccountRepository accounts) {
        return accounts.aggregateName();
    }
}
