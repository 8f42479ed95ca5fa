package dev.keyline.domain.archfixture;

import dev.keyline.examples.KeylineCli;

import java.sql.Connection;

/**
 * A deliberate violation, kept in test sources only: a "domain" class that touches JDBC and points
 * back up the module chain to the examples. The architecture test proves its rules report this
 * class; the main import never sees it.
 */
public final class PlantedLayerViolation {

    private PlantedLayerViolation() {
    }

    /** Uses {@code java.sql} and the examples module, both forbidden to the domain. */
    static String helpAfterClosing(Connection connection, KeylineCli cli) throws Exception {
        connection.close();
        return cli.help();
    }
}
