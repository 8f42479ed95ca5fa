package dev.keyline.jdbc;

import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallySnapshot;
import java.util.List;
import java.util.function.Function;

/**
 * Test only: the TCK's tally as a parent row without child tables, kept by the storage after its
 * saves like an area's aggregate, whose save reads the database with a query of its own after
 * queueing the tally's row: a save that counts its stored children would, and on PostgreSQL such
 * a query carries the version checks of the transaction's trusted loads.
 */
final class JdbcCountingTallyRepository extends JdbcTallyRowRepository {

    private int marksCounted;

    JdbcCountingTallyRepository(JdbcSession session) {
        super(session, "counted tally", Tally::snapshot, Tally::restore);
    }

    /** How many times a save has read the marks' count. */
    int marksCounted() {
        return marksCounted;
    }

    @Override
    protected TallySnapshot parent(Row row) {
        return new TallySnapshot(row.identifier("tally_id", TallyId::new), row.longValue("version"), row.string("label"),
                row.longValue("count"));
    }

    @Override
    protected Function<TallySnapshot, Tally> readChildren(List<TallySnapshot> parents) {
        return Tally::restore;
    }

    @Override
    protected Columns columns(Tally tally) {
        return Columns.create().set("label", tally.label()).set("count", tally.count());
    }

    @Override
    protected void saveChildren(Tally tally, boolean inserted) {
        session().query("SELECT COUNT(*) AS n FROM keyline_tck_tally_mark WHERE tally_id = ?", row -> row.longValue("n"),
                tally.id().value());
        marksCounted++;
    }
}
