package dev.keyline.jdbc;

import dev.keyline.domain.common.Require;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.tck.fixture.TallyArea;
import dev.keyline.tck.fixture.TallyRepository;

/**
 * Test only: the TCK's tally area in the JDBC provider, its one table created by
 * {@code V1000__tck_tally.sql} in the block 1000–1099, which lies above Keyline's own areas and
 * below a host's, so the provider checks it like any area's.
 */
final class JdbcTallyArea implements JdbcArea {

    /** The area's JDBC part. */
    JdbcTallyArea() {
    }

    @Override
    public Area area() {
        return new TallyArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/testmigration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(1000);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        ports.register(TallyRepository.class, new JdbcTallyRepository(session));
    }
}
