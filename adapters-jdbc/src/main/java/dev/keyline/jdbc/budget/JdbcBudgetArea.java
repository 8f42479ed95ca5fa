package dev.keyline.jdbc.budget;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.budget.BudgetArea;
import dev.keyline.spi.budget.BudgetRepository;
import dev.keyline.spi.budget.CapexProjectRepository;

/** The budget area in the JDBC provider: migrations 600–699; installed by default. */
public final class JdbcBudgetArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcBudgetArea() {
    }

    @Override
    public Area area() {
        return new BudgetArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/budget/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(600);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(BudgetRepository.class, new JdbcBudgetRepository(session));
        ports.register(CapexProjectRepository.class, new JdbcCapexProjectRepository(session));
    }
}
