package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.benchmarks.storage.orm.HibernateProvisioning;
import dev.keyline.benchmarks.storage.orm.Orm;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provisioning workloads write identical rows on every side: the three-command mix on Keyline,
 * raw JDBC and Hibernate, and the bulk insert (several transactions, one more order than Hibernate's flush
 * batch so that a partial batch is flushed too) on Keyline, raw JDBC and Hibernate.
 */
class ProvisioningSameRowsTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void theMixWritesKeylinesRows(Database database) throws SQLException {
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database);
                Fixture hibernate = Fixture.create(database);
                SessionFactory sessions = Orm.sessionFactory(hibernate.dataSource())) {
            ProvisioningMix mix = new ProvisioningMix(keyline);
            RawProvisioning rawMix = new RawProvisioning(raw.dataSource());
            HibernateProvisioning hibernateMix = new HibernateProvisioning(sessions);
            for (long n = 1; n <= 2; n++) {
                mix.run(n);
                rawMix.run(n);
                hibernateMix.run(n);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource())).containsExactly("keyline_outbox=6",
                    "keyline_provisioning_order=2", "keyline_provisioning_stage=12", "keyline_provisioning_stage_after=10");
            SameRows.assertSame(keyline.dataSource(), hibernate.dataSource());
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theBulkInsertWritesKeylinesRows(Database database) throws SQLException {
        int orders = Orm.BATCH_SIZE + 1;
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database);
                Fixture hibernate = Fixture.create(database);
                SessionFactory sessions = Orm.sessionFactory(hibernate.dataSource())) {
            ProvisioningMix mix = new ProvisioningMix(keyline);
            RawProvisioning rawSide = new RawProvisioning(raw.dataSource());
            HibernateProvisioning hibernateSide = new HibernateProvisioning(sessions);
            for (long from = 0; from < orders; from += 20) {
                long to = Math.min(orders, from + 20);
                mix.openAll(from, to);
                rawSide.insertAll(from, to);
                hibernateSide.insertAll(from, to);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource())).containsExactly(
                    "keyline_outbox=" + orders, "keyline_provisioning_order=" + orders,
                    "keyline_provisioning_stage=" + 6 * orders, "keyline_provisioning_stage_after=" + 5 * orders);
            SameRows.assertSame(keyline.dataSource(), hibernate.dataSource());
        }
    }
}
