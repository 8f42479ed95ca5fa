-- Budgets (预算): one organisation unit's budget per fiscal year with its lines, status history,
-- challenges, revisions, commitment ledger and reached alert shares. The area's block of migration
-- versions is 600-699; budgets use 600-649.
--
-- Conventions as in V1 and V200: portable DDL for H2 and PostgreSQL; typed ids as VARCHAR(64);
-- enums by constant name; money as NUMERIC(19, 2) in the budget's one currency (the fund plan's,
-- CHAR(3) on the budget's row); instants as TIMESTAMP WITH TIME ZONE; a BIGINT version on the
-- budget's row; owned collections in child tables keyed by the budget and a line number.

CREATE TABLE keyline_budget (
    budget_id        VARCHAR(64)    NOT NULL,
    unit_id          VARCHAR(64)    NOT NULL,
    unit_level       VARCHAR(16)    NOT NULL,
    network_id       VARCHAR(64),
    unit_parent_id   VARCHAR(64),
    fiscal_year      INTEGER        NOT NULL,
    parent_budget_id VARCHAR(64),
    currency         CHAR(3)        NOT NULL,
    fund_plan        NUMERIC(19, 2) NOT NULL,
    zone_id          VARCHAR(64)    NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT keyline_budget_pk PRIMARY KEY (budget_id),
    CONSTRAINT keyline_budget_version_ck CHECK (version > 0)
);

-- childrenOf (ordered by id), ofUnit (ordered by fiscal year, then id)
CREATE INDEX keyline_budget_parent_ix ON keyline_budget (parent_budget_id, budget_id);
CREATE INDEX keyline_budget_unit_ix ON keyline_budget (unit_id, fiscal_year, budget_id);

-- The shares of a line's issued amount at which an alert is raised, ascending; fixed with the targets.
CREATE TABLE keyline_budget_alert_share (
    budget_id VARCHAR(64)    NOT NULL,
    line_no   INTEGER        NOT NULL,
    share     NUMERIC(12, 6) NOT NULL,
    CONSTRAINT keyline_budget_alert_share_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_alert_share_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);

-- The lines as planned; rewritten while drafting, fixed from submission on.
CREATE TABLE keyline_budget_line (
    budget_id       VARCHAR(64)    NOT NULL,
    line_no         INTEGER        NOT NULL,
    line_id         VARCHAR(64)    NOT NULL,
    kind            VARCHAR(8)     NOT NULL,
    category        VARCHAR(200)   NOT NULL,
    amount          NUMERIC(19, 2) NOT NULL,
    control_request VARCHAR(8)     NOT NULL,
    control_order   VARCHAR(8)     NOT NULL,
    control_invoice VARCHAR(8)     NOT NULL,
    parent_line_id  VARCHAR(64),
    CONSTRAINT keyline_budget_line_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_line_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);

-- Every status change, oldest first: who, when, why. Append-only.
CREATE TABLE keyline_budget_status_change (
    budget_id   VARCHAR(64)              NOT NULL,
    line_no     INTEGER                  NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)              NOT NULL,
    changed_by  VARCHAR(64)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(4000)            NOT NULL,
    CONSTRAINT keyline_budget_status_change_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_status_change_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);

-- Challenges (质询) by number; the answer columns are set together when answered.
CREATE TABLE keyline_budget_challenge (
    budget_id   VARCHAR(64)              NOT NULL,
    line_no     INTEGER                  NOT NULL,
    comment     VARCHAR(4000)            NOT NULL,
    raised_by   VARCHAR(64)              NOT NULL,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answer      VARCHAR(4000),
    answered_by VARCHAR(64),
    answered_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT keyline_budget_challenge_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_challenge_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);

-- Approved revisions: immutable deltas. Append-only.
CREATE TABLE keyline_budget_revision (
    budget_id   VARCHAR(64)              NOT NULL,
    line_no     INTEGER                  NOT NULL,
    line_id     VARCHAR(64)              NOT NULL,
    delta       NUMERIC(19, 2)           NOT NULL,
    reason      VARCHAR(4000)            NOT NULL,
    approved_by VARCHAR(64)              NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_budget_revision_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_revision_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);

-- The commitment ledger: bookings, reversals and actuals. Append-only.
CREATE TABLE keyline_budget_ledger (
    budget_id   VARCHAR(64)              NOT NULL,
    line_no     INTEGER                  NOT NULL,
    entry_kind  VARCHAR(24)              NOT NULL,
    line_id     VARCHAR(64)              NOT NULL,
    document_id VARCHAR(64)              NOT NULL,
    stage       VARCHAR(8)               NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    entered_by  VARCHAR(64)              NOT NULL,
    entered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    note        VARCHAR(4000),
    CONSTRAINT keyline_budget_ledger_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_ledger_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);

-- The alert shares each line has reached, in the order reached. Append-only.
CREATE TABLE keyline_budget_reached_share (
    budget_id VARCHAR(64)    NOT NULL,
    line_no   INTEGER        NOT NULL,
    line_id   VARCHAR(64)    NOT NULL,
    share     NUMERIC(12, 6) NOT NULL,
    CONSTRAINT keyline_budget_reached_share_pk PRIMARY KEY (budget_id, line_no),
    CONSTRAINT keyline_budget_reached_share_fk FOREIGN KEY (budget_id) REFERENCES keyline_budget (budget_id)
);
