package dev.keyline.jdbc;

import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallySnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test only: the TCK's tally read as a parent row with child rows, its count being the number of
 * its rows in {@code keyline_tck_tally_mark} (test migration {@code V1001__tck_tally_marks.sql}),
 * read with {@link #childrenOf} alone, so that no child read carries the versions and the base
 * class must confirm the load with a statement of its own (or, made by {@link #marksWithVersions},
 * with the versions). Tests write the rows with SQL.
 */
final class JdbcMarkedTallyRepository extends JdbcTallyRowRepository {

    private final String markTable;

    JdbcMarkedTallyRepository(JdbcSession session) {
        this(session, "keyline_tck_tally_mark");
    }

    /** A repository that reads the marks from the given table name, checked only when a load reads it. */
    JdbcMarkedTallyRepository(JdbcSession session, String markTable) {
        this(session, markTable, null);
    }

    /**
     * A repository whose loads of one tally labelled {@code readTwice} first read the tally's own
     * row as if it were a child table (one row, not counted), then its marks: a subclass whose
     * child reads depend on the parent row.
     */
    JdbcMarkedTallyRepository(JdbcSession session, String markTable, String readTwice) {
        this(session, markTable, readTwice, false);
    }

    private JdbcMarkedTallyRepository(JdbcSession session, String markTable, String readTwice, boolean marksWithVersions) {
        super(session, "marked tally");
        this.markTable = markTable;
        this.readTwice = readTwice;
        this.marksWithVersions = marksWithVersions;
    }

    /** A repository that reads the marks with the tallies' versions ({@link #childrenAndVersionsOf}), as areas read their last child table. */
    static JdbcMarkedTallyRepository marksWithVersions(JdbcSession session) {
        return new JdbcMarkedTallyRepository(session, "keyline_tck_tally_mark", null, true);
    }

    private final String readTwice;
    private final boolean marksWithVersions;

    /** Every tally, in id order. */
    List<Tally> all() {
        return listWhere("1 = 1", "tally_id");
    }

    @Override
    protected TallySnapshot parent(Row row) {
        return new TallySnapshot(row.identifier("tally_id", TallyId::new), row.longValue("version"), row.string("label"), 0);
    }

    @Override
    protected Function<TallySnapshot, Tally> readChildren(List<TallySnapshot> parents) {
        if (parents.size() == 1 && parents.get(0).label().equals(readTwice)) {
            childrenOf("keyline_tck_tally", "tally_id", List.of(idOf(parents.get(0))), "version",
                    (row, id) -> row.longValue("version"));
        }
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<Integer>> counted = marksWithVersions
                ? childrenAndVersionsOf(markTable, "tally_id", ids, "line_no", (row, id) -> row.intValue("line_no"))
                : childrenOf(markTable, "tally_id", ids, "line_no", (row, id) -> row.intValue("line_no"));
        return s -> Tally.restore(new TallySnapshot(s.id(), s.version(), s.label(),
                counted.getOrDefault(s.id().value(), List.of()).size()));
    }

    @Override
    protected Columns columns(Tally tally) {
        throw new UnsupportedOperationException("test repository: written with SQL");
    }
}
