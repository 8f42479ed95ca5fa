-- The HR interface (staff area).

-- Staffing per industry division: the staffing's row, and every change ever made, oldest first;
-- the positions are what replaying the changes gives.
CREATE TABLE keyline_division_staffing (
    staffing_id VARCHAR(64) NOT NULL,
    industry    VARCHAR(40) NOT NULL,
    version     BIGINT      NOT NULL,
    CONSTRAINT keyline_division_staffing_pk PRIMARY KEY (staffing_id),
    CONSTRAINT keyline_division_staffing_version_ck CHECK (version > 0)
);

CREATE TABLE keyline_staffing_change (
    staffing_id VARCHAR(64)              NOT NULL,
    line_no     INTEGER                  NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    role        VARCHAR(40)              NOT NULL,
    headcount   INTEGER                  NOT NULL,
    person      VARCHAR(64),
    changed_by  VARCHAR(64)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_staffing_change_pk PRIMARY KEY (staffing_id, line_no),
    CONSTRAINT keyline_staffing_change_fk FOREIGN KEY (staffing_id) REFERENCES keyline_division_staffing (staffing_id),
    CONSTRAINT keyline_staffing_change_headcount_ck CHECK (headcount >= 0)
);

-- Incentive ledgers: the ledger's row, every table it had and every incentive it recorded, oldest first.
CREATE TABLE keyline_incentive_ledger (
    ledger_id VARCHAR(64) NOT NULL,
    version   BIGINT      NOT NULL,
    CONSTRAINT keyline_incentive_ledger_pk PRIMARY KEY (ledger_id),
    CONSTRAINT keyline_incentive_ledger_version_ck CHECK (version > 0)
);

CREATE TABLE keyline_incentive_table (
    ledger_id VARCHAR(64)              NOT NULL,
    line_no   INTEGER                  NOT NULL,
    green     NUMERIC(6, 4)            NOT NULL,
    amber     NUMERIC(6, 4)            NOT NULL,
    red       NUMERIC(6, 4)            NOT NULL,
    set_by    VARCHAR(64)              NOT NULL,
    set_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_incentive_table_pk PRIMARY KEY (ledger_id, line_no),
    CONSTRAINT keyline_incentive_table_fk FOREIGN KEY (ledger_id) REFERENCES keyline_incentive_ledger (ledger_id)
);

CREATE TABLE keyline_incentive_award (
    ledger_id  VARCHAR(64)              NOT NULL,
    line_no    INTEGER                  NOT NULL,
    recipient  VARCHAR(64)              NOT NULL,
    scorecard  VARCHAR(64)              NOT NULL,
    role       VARCHAR(40)              NOT NULL,
    unit_id    VARCHAR(64)              NOT NULL,
    period     VARCHAR(7)               NOT NULL,
    band       VARCHAR(8)               NOT NULL,
    factor     NUMERIC(6, 4)            NOT NULL,
    base       NUMERIC(19, 2)           NOT NULL,
    amount     NUMERIC(19, 2)           NOT NULL,
    currency   CHAR(3)                  NOT NULL,
    awarded_by VARCHAR(64)              NOT NULL,
    awarded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_incentive_award_pk PRIMARY KEY (ledger_id, line_no),
    CONSTRAINT keyline_incentive_award_fk FOREIGN KEY (ledger_id) REFERENCES keyline_incentive_ledger (ledger_id),
    CONSTRAINT keyline_incentive_award_once_uq UNIQUE (ledger_id, recipient, scorecard, unit_id, period)
);
