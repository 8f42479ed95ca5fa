package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.TestClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The "Corruption" reliability suite on one database: for every area an aggregate is stored
 * through the runtime, then one of its rows is edited with plain SQL so that it breaks one of the
 * aggregate's rules; loading it again must fail with a {@link CorruptStateException} whose message
 * names the aggregate and the broken rule, while an untouched aggregate of the same area still
 * loads. The load after the edit runs on a storage opened after it, as a process started on the
 * damaged database would: the storage that saved the aggregate keeps it at its version and trusts
 * that version, so an edit that leaves the version alone is not seen there (see
 * {@link KeptAggregatesContract}). Areas come from {@link ReliabilityAreas#ALL}.
 */
abstract class CorruptionContract {

    /** The real data source of the database under test. */
    protected abstract DataSource database();

    @TestFactory
    List<DynamicTest> everyAreaRefusesACorruptRow() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReliabilityAreas.Area area : ReliabilityAreas.ALL) {
            tests.add(DynamicTest.dynamicTest(area.name(), () -> refuses(area)));
        }
        return tests;
    }

    private void refuses(ReliabilityAreas.Area area) throws SQLException {
        DataSource real = database();
        JdbcStorage storage = TestDatabases.emptyStorage(real);
        Keyline keyline = Keyline.builder().storage(storage).clock(TestClock.at(Instant.parse("2027-03-02T08:00:00Z")))
                .build();
        area.setup().run(keyline);
        area.command().run(keyline, 1);
        area.command().run(keyline, 2);
        assertThat(area.load().run(keyline, 1)).as("%s loads before the edit", area.name()).isNotNull();
        try (Connection c = real.getConnection(); Statement s = c.createStatement()) {
            for (String sql : area.corruption()) {
                assertThat(s.executeUpdate(sql)).as("rows edited by %s", sql).isEqualTo(1);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        Keyline reopened = Keyline.builder().storage(JdbcStorage.builder(real).migrate(false).build())
                .clock(TestClock.at(Instant.parse("2027-03-02T08:00:00Z"))).build();
        Throwable refusal = catchThrowable(() -> area.load().run(reopened, 1));
        System.out.println("Corruption suite, " + area.name() + ": " + refusal);
        assertThat(refusal).as(area.name())
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining(area.aggregate())
                .hasMessageContaining(area.rule());
        assertThat(area.load().run(reopened, 2)).as("%s: the untouched aggregate still loads", area.name()).isNotNull();
    }
}
