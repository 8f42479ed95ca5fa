package dev.keyline.jdbc;

import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallyRepository;
import dev.keyline.tck.fixture.TallySnapshot;

/**
 * Test only: the TCK's fixture aggregate in the table of the test migration {@code V1000__tck_tally.sql};
 * {@link JdbcTallyArea} installs it as the {@link TallyRepository} port.
 */
final class JdbcTallyRepository extends JdbcAggregateRepository<Tally, TallyId> implements TallyRepository {

    JdbcTallyRepository(JdbcSession session) {
        super(session, "tally", "keyline_tck_tally", "tally_id");
    }

    @Override
    protected Tally restore(Row row) {
        return Tally.restore(new TallySnapshot(row.identifier("tally_id", TallyId::new), row.longValue("version"),
                row.string("label"), row.longValue("count")));
    }

    @Override
    protected Columns columns(Tally tally) {
        return Columns.create().set("label", tally.label()).set("count", tally.count());
    }
}
