package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reservation mix writes identical rows on Keyline and raw JDBC. Reservation {@code k} runs the
 * mix's first {@code k} commands, so the tables end up holding every stage a reservation passes
 * through: reserved (a RESERVED holding and its pending expiry timer), extended (the timer moved),
 * allocated (an ALLOCATED holding, the timer cancelled) and released (the holding gone).
 */
class ReservationSameRowsTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyStageWritesKeylinesRows(Database database) throws SQLException {
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database)) {
            ReservationMix mix = new ReservationMix(keyline);
            RawReservation rawMix = new RawReservation(raw.dataSource());
            for (int k = 1; k <= ReservationMix.COMMANDS; k++) {
                mix.run(k, k);
                rawMix.run(k, k);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource())).containsExactly("keyline_outbox=15", "keyline_reservation=4",
                    "keyline_resource_holding=3", "keyline_resource_movement=8", "keyline_resource_pool=1");
        }
    }
}
