package dev.keyline.jdbc;

import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallySnapshot;

/**
 * Test only: what the test repositories of the TCK's tally over {@code keyline_tck_tally} share,
 * the parent row's id and version.
 */
abstract class JdbcTallyRowRepository extends JdbcParentChildRepository<Tally, TallyId, TallySnapshot> {

    /** A repository that keeps no saved states. */
    JdbcTallyRowRepository(JdbcSession session, String aggregateName) {
        super(session, aggregateName, "keyline_tck_tally", "tally_id");
    }

    /** A repository that keeps its saved states as snapshots, as an area's does. */
    JdbcTallyRowRepository(JdbcSession session, String aggregateName,
            java.util.function.Function<Tally, TallySnapshot> snapshot,
            java.util.function.Function<TallySnapshot, Tally> restore) {
        super(session, aggregateName, "keyline_tck_tally", "tally_id", snapshot, restore);
    }

    @Override
    protected String idOf(TallySnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(TallySnapshot parent) {
        return parent.version();
    }
}
