package dev.keyline.jdbc;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import java.util.Set;

/** A JDBC area with no ports, a given migration location and block: for the block checks. */
final class BlockTestArea implements JdbcArea {

    private final String name;
    private final String location;
    private final MigrationBlock block;

    BlockTestArea(String name, String location, MigrationBlock block) {
        this.name = name;
        this.location = location;
        this.block = block;
    }

    @Override
    public Area area() {
        return new Area() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Class<?>> ports() {
                return Set.of();
            }

            @Override
            public Set<Class<? extends DomainEvent>> eventRoots() {
                return Set.of();
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String migrationLocation() {
        return location;
    }

    @Override
    public MigrationBlock versions() {
        return block;
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
    }
}
