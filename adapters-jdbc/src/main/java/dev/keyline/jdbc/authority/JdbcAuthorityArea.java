package dev.keyline.jdbc.authority;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.authority.AuthorityArea;
import dev.keyline.spi.authority.AccountStandingRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;

/** The commercial-authorisation area in the JDBC provider: migrations 200–299; installed by default. */
public final class JdbcAuthorityArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcAuthorityArea() {
    }

    @Override
    public Area area() {
        return new AuthorityArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/authority/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(200);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(PriceAuthorisationRepository.class, new JdbcPriceAuthorisationRepository(session));
        ports.register(FloorPriceListRepository.class, new JdbcFloorPriceListRepository(session));
        ports.register(AccountStandingRepository.class, new JdbcAccountStandingRepository(session));
    }
}
