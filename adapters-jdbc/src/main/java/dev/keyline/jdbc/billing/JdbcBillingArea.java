package dev.keyline.jdbc.billing;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.spi.billing.BillingAccountRepository;
import dev.keyline.spi.billing.BillingArea;

/** The billing area in the JDBC provider: migrations 800–849; installed by default. */
public final class JdbcBillingArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcBillingArea() {
    }

    @Override
    public Area area() {
        return new BillingArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/billing/migration";
    }

    @Override
    public MigrationBlock versions() {
        return new MigrationBlock(800, 849);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(BillingAccountRepository.class, new JdbcBillingAccountRepository(session));
        ports.register(ArrearsFactRepository.class, new JdbcArrearsFactRepository(session));
    }
}
