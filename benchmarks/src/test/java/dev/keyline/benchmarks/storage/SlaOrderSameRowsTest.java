package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.benchmarks.storage.orm.HibernateSlaOrder;
import dev.keyline.benchmarks.storage.orm.Orm;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SLA-order mix writes identical rows on Keyline, raw JDBC and Hibernate. SLA {@code k} runs
 * the mix's first {@code k} commands on every side, so the tables end up holding every stage an SLA
 * passes through: drafted, signed once, signed by both, in force, with its order accepted, with the
 * order completed.
 */
class SlaOrderSameRowsTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyStageWritesKeylinesRows(Database database) throws SQLException {
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database);
                Fixture hibernate = Fixture.create(database);
                SessionFactory sessions = Orm.sessionFactory(hibernate.dataSource())) {
            SlaOrderMix mix = new SlaOrderMix(keyline);
            RawSlaOrder rawMix = new RawSlaOrder(raw.dataSource());
            HibernateSlaOrder hibernateMix = new HibernateSlaOrder(sessions);
            for (int k = 1; k <= SlaOrderMix.COMMANDS; k++) {
                mix.run(k, k);
                rawMix.run(k, k);
                hibernateMix.run(k, k);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource())).containsExactly("keyline_outbox=21", "keyline_sla=6",
                    "keyline_sla_agreement=12", "keyline_sla_completion=1", "keyline_sla_order=2", "keyline_sla_signature=9");
            SameRows.assertSame(keyline.dataSource(), hibernate.dataSource());
        }
    }
}
