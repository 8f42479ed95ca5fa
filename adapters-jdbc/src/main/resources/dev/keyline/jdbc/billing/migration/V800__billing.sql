-- Billing and credit (计费帐务与信用): billing accounts (bill preferences with their history and
-- credit profiles with their arrears by age band) and billing's append-only arrears facts. The
-- area's block of migration versions is 800-849.
--
-- Conventions as in V1 and V600: portable DDL for H2 and PostgreSQL; typed ids as VARCHAR(64);
-- enums by constant name; money as NUMERIC(19, 2) in the account's one currency (CHAR(3) on its
-- row); dates as DATE; instants as TIMESTAMP WITH TIME ZONE; a BIGINT version on the account's row.

CREATE TABLE keyline_billing_account (
    account_id        VARCHAR(64)              NOT NULL,
    opened_by         VARCHAR(64)              NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    rating            VARCHAR(8)               NOT NULL,
    currency          CHAR(3)                  NOT NULL,
    credit_limit      NUMERIC(19, 2)           NOT NULL,
    age_bands         VARCHAR(200)             NOT NULL,
    arrears_as_of     DATE                     NOT NULL,
    arrears_total     NUMERIC(19, 2)           NOT NULL,
    outstanding       NUMERIC(19, 2)           NOT NULL,
    oldest_unpaid_due DATE,
    limit_exceeded    BOOLEAN                  NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT keyline_billing_account_pk PRIMARY KEY (account_id),
    CONSTRAINT keyline_billing_account_version_ck CHECK (version > 0),
    CONSTRAINT keyline_billing_account_limit_ck CHECK (credit_limit >= 0)
);

-- overLimit (ordered by id)
CREATE INDEX keyline_billing_account_over_ix ON keyline_billing_account (limit_exceeded, account_id);

-- The arrears last recorded, one row per age band from the youngest; rewritten on each save.
CREATE TABLE keyline_billing_arrears_band (
    account_id VARCHAR(64)    NOT NULL,
    line_no    INTEGER        NOT NULL,
    amount     NUMERIC(19, 2) NOT NULL,
    CONSTRAINT keyline_billing_arrears_band_pk PRIMARY KEY (account_id, line_no),
    CONSTRAINT keyline_billing_arrears_band_fk FOREIGN KEY (account_id) REFERENCES keyline_billing_account (account_id),
    CONSTRAINT keyline_billing_arrears_band_ck CHECK (amount >= 0)
);

-- The preference history, append-only: line_no is the revision. Branches and projects are
-- identifiers (which hold no comma), stored sorted and joined by commas; at most 100 of each.
CREATE TABLE keyline_billing_preference_change (
    account_id  VARCHAR(64)              NOT NULL,
    line_no     INTEGER                  NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    frequency   VARCHAR(16)              NOT NULL,
    bill_format VARCHAR(16)              NOT NULL,
    bill_detail VARCHAR(32)              NOT NULL,
    split       VARCHAR(16)              NOT NULL,
    branches    VARCHAR(6500)            NOT NULL,
    projects    VARCHAR(6500)            NOT NULL,
    changed_by  VARCHAR(64)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(4000)            NOT NULL,
    CONSTRAINT keyline_billing_preference_change_pk PRIMARY KEY (account_id, line_no),
    CONSTRAINT keyline_billing_preference_change_fk FOREIGN KEY (account_id) REFERENCES keyline_billing_account (account_id)
);

-- Billing's arrears facts: never changed, never deleted.
CREATE TABLE keyline_billing_arrears_fact (
    fact_id     VARCHAR(64)              NOT NULL,
    account_id  VARCHAR(64)              NOT NULL,
    bill_id     VARCHAR(64)              NOT NULL,
    fact_kind   VARCHAR(16)              NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    currency    CHAR(3)                  NOT NULL,
    fact_date   DATE                     NOT NULL,
    due_date    DATE,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_billing_arrears_fact_pk PRIMARY KEY (fact_id),
    CONSTRAINT keyline_billing_arrears_fact_amount_ck CHECK (amount > 0)
);

-- byAccount (ordered by date, then id)
CREATE INDEX keyline_billing_arrears_fact_account_ix ON keyline_billing_arrears_fact (account_id, fact_date, fact_id);
-- the facts of a bill, read by an append's checks
CREATE INDEX keyline_billing_arrears_fact_bill_ix ON keyline_billing_arrears_fact (account_id, bill_id);

-- One row per bill of an account: the primary key lets only one fact bill it, and the version,
-- moved by every payment or write-off, lets only one of two concurrent settlements commit.
CREATE TABLE keyline_billing_bill (
    account_id     VARCHAR(64)    NOT NULL,
    bill_id        VARCHAR(64)    NOT NULL,
    billed_fact_id VARCHAR(64)    NOT NULL,
    settled        NUMERIC(19, 2) NOT NULL,
    version        BIGINT         NOT NULL,
    CONSTRAINT keyline_billing_bill_pk PRIMARY KEY (account_id, bill_id),
    CONSTRAINT keyline_billing_bill_fact_fk FOREIGN KEY (billed_fact_id) REFERENCES keyline_billing_arrears_fact (fact_id),
    CONSTRAINT keyline_billing_bill_version_ck CHECK (version > 0),
    CONSTRAINT keyline_billing_bill_settled_ck CHECK (settled >= 0)
);
