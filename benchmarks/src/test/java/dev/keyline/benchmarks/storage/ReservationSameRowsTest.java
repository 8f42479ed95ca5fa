package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.benchmarks.storage.orm.HibernateReservation;
import dev.keyline.benchmarks.storage.orm.Orm;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reservation mix writes identical rows on Keyline, raw JDBC and Hibernate. Reservation {@code k}
 * runs the mix's first {@code k} commands, so the tables end up holding every stage a reservation
 * passes through: reserved (a RESERVED holding and its pending expiry timer), extended (the timer
 * moved), allocated (an ALLOCATED holding, the timer cancelled) and released (the holding gone).
 */
class ReservationSameRowsTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyStageWritesKeylinesRows(Database database) throws SQLException {
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database);
                Fixture hibernate = Fixture.create(database);
                SessionFactory sessions = Orm.sessionFactory(hibernate.dataSource())) {
            ReservationMix mix = new ReservationMix(keyline);
            RawReservation rawMix = new RawReservation(raw.dataSource());
            HibernateReservation hibernateMix = new HibernateReservation(sessions);
            for (int k = 1; k <= ReservationMix.COMMANDS; k++) {
                mix.run(k, k);
                rawMix.run(k, k);
                hibernateMix.run(k, k);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource())).containsExactly("keyline_outbox=15", "keyline_reservation=4",
                    "keyline_resource_holding=3", "keyline_resource_movement=8", "keyline_resource_pool=1");
            SameRows.assertSame(keyline.dataSource(), hibernate.dataSource());
        }
    }
}
