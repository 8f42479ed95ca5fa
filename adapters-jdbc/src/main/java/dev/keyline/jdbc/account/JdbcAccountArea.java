package dev.keyline.jdbc.account;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.account.AccountArea;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;

/** The key-account area in the JDBC provider: migrations 100–199; installed by default. */
public final class JdbcAccountArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcAccountArea() {
    }

    @Override
    public Area area() {
        return new AccountArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/account/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(100);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(KeyAccountRepository.class, new JdbcKeyAccountRepository(session));
        ports.register(SpendFactRepository.class, new JdbcSpendFactRepository(session));
        ports.register(ClassificationResultRepository.class, new JdbcClassificationResultRepository(session));
        ports.register(AccountPlanRepository.class, new JdbcAccountPlanRepository(session));
    }
}
