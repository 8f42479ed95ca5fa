-- Test only: a child table of the tally, one row per unit counted, so that a test repository
-- (JdbcMarkedTallyRepository) has an aggregate of a parent row and child rows whose load ends with
-- a child read that carries no versions.
CREATE TABLE keyline_tck_tally_mark (
    tally_id VARCHAR(64) NOT NULL,
    line_no  INTEGER     NOT NULL,
    CONSTRAINT keyline_tck_tally_mark_pk PRIMARY KEY (tally_id, line_no),
    CONSTRAINT keyline_tck_tally_mark_tally_fk FOREIGN KEY (tally_id) REFERENCES keyline_tck_tally (tally_id)
);
