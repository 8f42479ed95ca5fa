package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.benchmarks.storage.orm.HibernateKeyAccountMix;
import dev.keyline.benchmarks.storage.orm.Orm;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key-account mix writes identical rows on every side, so that the benchmark compares the
 * cost of the same work: after a few accounts, every Keyline table of the raw-JDBC and the
 * Hibernate database holds exactly the rows of Keyline's (event ids and sequence numbers aside).
 */
class KeyAccountMixSameRowsTest {

    private static final int ACCOUNTS = 3;

    @ParameterizedTest
    @EnumSource(Database.class)
    void everySideWritesKeylinesRows(Database database) throws SQLException {
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database);
                Fixture hibernate = Fixture.create(database);
                SessionFactory sessions = Orm.sessionFactory(hibernate.dataSource())) {
            KeyAccountMix mix = new KeyAccountMix(keyline);
            RawKeyAccountMix rawMix = new RawKeyAccountMix(raw.dataSource());
            HibernateKeyAccountMix hibernateMix = new HibernateKeyAccountMix(sessions);
            for (long n = 1; n <= ACCOUNTS; n++) {
                mix.run(n);
                rawMix.run(n);
                hibernateMix.run(n);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource()))
                    .containsExactly("keyline_key_account=3", "keyline_outbox=9", "keyline_spend_fact=18");
            SameRows.assertSame(keyline.dataSource(), hibernate.dataSource());
        }
    }
}
