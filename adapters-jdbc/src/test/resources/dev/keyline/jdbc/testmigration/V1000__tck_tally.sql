-- Test only: the table of the TCK's fixture aggregate (Tally), so the JDBC provider runs the
-- generic repository contract before any area aggregate has a table.
CREATE TABLE keyline_tck_tally (
    tally_id VARCHAR(64)  NOT NULL,
    label    VARCHAR(200) NOT NULL,
    count    BIGINT       NOT NULL,
    version  BIGINT       NOT NULL,
    CONSTRAINT keyline_tck_tally_pk PRIMARY KEY (tally_id)
);
