-- The customer-priority area (客户优先级): billing's revenue-and-profit facts and the recorded
-- rankings of key accounts per period and segment. The area's block of migration versions is
-- 850-899.
--
-- Conventions as in V100: ids as VARCHAR(64); enums by constant name; money as NUMERIC(19, 2)
-- beside a CHAR(3) currency; instants as TIMESTAMP WITH TIME ZONE (microseconds). A period is kept
-- in its text form (2026-03, 2026-Q1, 2026) beside its first month 'YYYY-MM' and its length in
-- months, which order periods as the domain does (by first month, the shorter first).

-- One row per fact; append-only (never updated or deleted).
CREATE TABLE keyline_priority_result_fact (
    fact_id          VARCHAR(64)              NOT NULL,
    account_id       VARCHAR(64)              NOT NULL,
    period           VARCHAR(7)               NOT NULL,
    product          VARCHAR(64)              NOT NULL,
    industry         VARCHAR(40)              NOT NULL,
    revenue          NUMERIC(19, 2)           NOT NULL,
    profit           NUMERIC(19, 2)           NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_priority_result_fact_pk PRIMARY KEY (fact_id)
);

-- inPeriod, ofAccount
CREATE INDEX keyline_priority_result_fact_period_ix ON keyline_priority_result_fact (period, account_id, recorded_at);

-- One row per recorded ranking; inserted once, never updated.
-- The weights are ratios at scale 6, as the domain keeps them.
CREATE TABLE keyline_priority_ranking (
    ranking_id       VARCHAR(64)              NOT NULL,
    period           VARCHAR(7)               NOT NULL,
    period_start     CHAR(7)                  NOT NULL,
    period_months    INTEGER                  NOT NULL,
    segment          VARCHAR(80)              NOT NULL,
    weight_revenue   NUMERIC(12, 6)           NOT NULL,
    weight_profit    NUMERIC(12, 6)           NOT NULL,
    weight_growth    NUMERIC(12, 6)           NOT NULL,
    growth_basis     VARCHAR(40)              NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT keyline_priority_ranking_pk PRIMARY KEY (ranking_id),
    CONSTRAINT keyline_priority_ranking_version_ck CHECK (version > 0)
);

-- history, latest
CREATE INDEX keyline_priority_ranking_segment_ix ON keyline_priority_ranking (segment, period_start, period_months);

-- One row per ranked account, by rank. The growth rate is NULL when undefined; it has six decimals
-- and may be as large as the largest revenue over a cent. A normalised measure has nine decimals
-- and a weight at most 10^6 with six, so a score has at most fifteen decimals and seven digits
-- before the point.
CREATE TABLE keyline_priority_ranking_entry (
    ranking_id       VARCHAR(64)              NOT NULL,
    account_rank     INTEGER                  NOT NULL,
    account_id       VARCHAR(64)              NOT NULL,
    industry         VARCHAR(40)              NOT NULL,
    revenue          NUMERIC(19, 2)           NOT NULL,
    profit           NUMERIC(19, 2)           NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    growth           NUMERIC(32, 6),
    score            NUMERIC(25, 15)          NOT NULL,
    CONSTRAINT keyline_priority_ranking_entry_pk PRIMARY KEY (ranking_id, account_rank),
    CONSTRAINT keyline_priority_ranking_entry_fk FOREIGN KEY (ranking_id) REFERENCES keyline_priority_ranking (ranking_id)
);

-- The products of each ranked account, in order of their codes.
CREATE TABLE keyline_priority_ranking_product (
    ranking_id       VARCHAR(64)              NOT NULL,
    account_rank     INTEGER                  NOT NULL,
    product          VARCHAR(64)              NOT NULL,
    CONSTRAINT keyline_priority_ranking_product_pk PRIMARY KEY (ranking_id, account_rank, product),
    CONSTRAINT keyline_priority_ranking_product_fk FOREIGN KEY (ranking_id, account_rank)
        REFERENCES keyline_priority_ranking_entry (ranking_id, account_rank)
);
