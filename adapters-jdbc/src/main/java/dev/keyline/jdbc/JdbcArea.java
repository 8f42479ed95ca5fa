package dev.keyline.jdbc;

import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;

/**
 * An area's part of the JDBC provider: its tables (Flyway migrations in a location of its own,
 * versioned within a {@link MigrationBlock} reserved for it) and its repositories over a
 * {@link JdbcSession}, registered as the area's ports.
 *
 * <p>Keyline's own areas are listed in {@code META-INF/services/dev.keyline.jdbc.JdbcArea} and
 * installed by every {@link JdbcStorage}; a host adds one of its own with such a file in its jar or
 * explicitly with {@link JdbcStorage.Builder#area(JdbcArea)}, with a block at
 * {@value MigrationBlock#FIRST_HOST_VERSION} or above. Implementations have a public no-argument
 * constructor (for {@link java.util.ServiceLoader}) and no state.
 */
public interface JdbcArea {

    /**
     * The area this object stores.
     *
     * @return the area, whose {@link Area#ports()} {@link #install} registers, every one of them
     */
    Area area();

    /**
     * The area's name.
     *
     * @return {@code area().name()}
     */
    default String name() {
        return area().name();
    }

    /**
     * Where the area's Flyway migrations live, for example
     * {@code classpath:dev/keyline/jdbc/account/migration}; a folder of this area alone.
     *
     * @return the Flyway location
     */
    String migrationLocation();

    /**
     * The versions reserved for the area; every migration in {@link #migrationLocation()} lies in it.
     *
     * @return the block
     */
    MigrationBlock versions();

    /**
     * Builds the area's repositories over {@code session} and registers each as one of the area's
     * ports.
     *
     * @param session the provider's session, joining its transactions
     * @param ports where to register the repositories
     */
    void install(JdbcSession session, PortRegistry ports);
}
