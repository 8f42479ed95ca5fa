package dev.keyline.jdbc.priority;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.priority.AccountResultRepository;
import dev.keyline.spi.priority.PriorityArea;
import dev.keyline.spi.priority.PriorityRankingRepository;

/** The customer-priority area in the JDBC provider: migrations 850–899; installed by default. */
public final class JdbcPriorityArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcPriorityArea() {
    }

    @Override
    public Area area() {
        return new PriorityArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/priority/migration";
    }

    @Override
    public MigrationBlock versions() {
        return new MigrationBlock(850, 899);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(AccountResultRepository.class, new JdbcAccountResultRepository(session));
        ports.register(PriorityRankingRepository.class, new JdbcPriorityRankingRepository(session));
    }
}
