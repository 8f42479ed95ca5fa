-- The key-account area (大客户管理): key accounts with their churn signals and tier history,
-- billing's spend facts, classification results and account plans. The area's block of
-- migration versions is 100-199.
--
-- Conventions (as in V1): portable DDL for H2 and PostgreSQL; ids of the domain's typed
-- identifiers as VARCHAR(64); enums by constant name as VARCHAR; money as NUMERIC(19, 2) beside a
-- CHAR(3) ISO currency code; instants as TIMESTAMP WITH TIME ZONE (microseconds); months as
-- CHAR(7) 'YYYY-MM', which sorts and compares like the month; a BIGINT version on every
-- aggregate's row for optimistic locking. Owned collections live in child tables keyed by the
-- parent's key and a line number (1, 2, 3, ... in the aggregate's order). Aggregates reference
-- each other by id only, so there is no foreign key between aggregates' tables.

-- One row per key account.
-- turnover_growth and white_collar_share hold the profile's ratios (0.12 = 12 %) as NUMERIC(12, 6):
-- the domain keeps every ratio at scale 6 and rejects more decimals or a larger magnitude, so a
-- ratio reads back equal to the one saved.
CREATE TABLE keyline_key_account (
    account_id                 VARCHAR(64)              NOT NULL,
    account_name               VARCHAR(500)             NOT NULL,
    network_id                 VARCHAR(64)              NOT NULL,
    industry                   VARCHAR(40)              NOT NULL,
    tier                       VARCHAR(16)              NOT NULL,
    status                     VARCHAR(16)              NOT NULL,
    account_manager            VARCHAR(64),
    team_industry_manager      VARCHAR(64),
    team_technical_manager     VARCHAR(64),
    team_business_manager      VARCHAR(64),
    branches                   INTEGER                  NOT NULL,
    annual_turnover            NUMERIC(19, 2)           NOT NULL,
    annual_turnover_currency   CHAR(3)                  NOT NULL,
    turnover_growth            NUMERIC(12, 6)           NOT NULL,
    annual_investment          NUMERIC(19, 2)           NOT NULL,
    annual_investment_currency CHAR(3)                  NOT NULL,
    white_collar_share         NUMERIC(12, 6)           NOT NULL,
    leases_private_circuits    BOOLEAN                  NOT NULL,
    leases_network_elements    BOOLEAN                  NOT NULL,
    years_with_operator        INTEGER                  NOT NULL,
    own_customer_count         BIGINT                   NOT NULL,
    party_government_military  BOOLEAN                  NOT NULL,
    influencer_kind            VARCHAR(40),
    designation_reason         VARCHAR(4000),
    churn_warning_since        TIMESTAMP WITH TIME ZONE,
    exit_reason                VARCHAR(4000),
    exited_at                  TIMESTAMP WITH TIME ZONE,
    registered_by              VARCHAR(64)              NOT NULL,
    registered_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT                   NOT NULL,
    CONSTRAINT keyline_key_account_pk PRIMARY KEY (account_id),
    CONSTRAINT keyline_key_account_team_ck CHECK (
        (team_industry_manager IS NULL AND team_technical_manager IS NULL AND team_business_manager IS NULL)
        OR (team_industry_manager IS NOT NULL AND team_technical_manager IS NOT NULL
            AND team_business_manager IS NOT NULL)),
    CONSTRAINT keyline_key_account_version_ck CHECK (version > 0)
);

-- byNetwork, byNetworkAndTier (both ordered by account id)
CREATE INDEX keyline_key_account_network_ix ON keyline_key_account (network_id, account_id);
CREATE INDEX keyline_key_account_network_tier_ix ON keyline_key_account (network_id, tier, account_id);
-- byIndustry, byTier, byStatus, byManager
CREATE INDEX keyline_key_account_industry_ix ON keyline_key_account (industry, account_id);
CREATE INDEX keyline_key_account_tier_ix ON keyline_key_account (tier, account_id);
CREATE INDEX keyline_key_account_status_ix ON keyline_key_account (status, account_id);
CREATE INDEX keyline_key_account_manager_ix ON keyline_key_account (account_manager, account_id);

-- The signals of an account's open churn warning (客户预警), in the order they were raised.
CREATE TABLE keyline_key_account_churn_signal (
    account_id  VARCHAR(64)   NOT NULL,
    line_no     INTEGER       NOT NULL,
    rule_name   VARCHAR(200)  NOT NULL,
    signal_kind VARCHAR(40)   NOT NULL,
    observed_on DATE          NOT NULL,
    detail      VARCHAR(4000) NOT NULL,
    CONSTRAINT keyline_key_account_churn_signal_pk PRIMARY KEY (account_id, line_no),
    CONSTRAINT keyline_key_account_churn_signal_account_fk FOREIGN KEY (account_id)
        REFERENCES keyline_key_account (account_id)
);

-- Every tier change of an account (分级变更记录), oldest first; the cause is a classification run
-- (rule and run date) or a manual override (reason and approver).
CREATE TABLE keyline_key_account_tier_change (
    account_id      VARCHAR(64)              NOT NULL,
    line_no         INTEGER                  NOT NULL,
    from_tier       VARCHAR(16)              NOT NULL,
    to_tier         VARCHAR(16)              NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by      VARCHAR(64)              NOT NULL,
    cause           VARCHAR(24)              NOT NULL,
    rule_name       VARCHAR(200),
    run_date        DATE,
    override_reason VARCHAR(4000),
    approved_by     VARCHAR(64),
    CONSTRAINT keyline_key_account_tier_change_pk PRIMARY KEY (account_id, line_no),
    CONSTRAINT keyline_key_account_tier_change_account_fk FOREIGN KEY (account_id)
        REFERENCES keyline_key_account (account_id),
    CONSTRAINT keyline_key_account_tier_change_cause_ck CHECK (
        (cause = 'CLASSIFICATION_RUN' AND rule_name IS NOT NULL AND run_date IS NOT NULL
            AND override_reason IS NULL AND approved_by IS NULL)
        OR (cause = 'MANUAL_OVERRIDE' AND rule_name IS NULL AND run_date IS NULL
            AND override_reason IS NOT NULL AND approved_by IS NOT NULL))
);

-- Billing's monthly spend facts (月消费记录): append-only. A correction is a new row naming the
-- fact it corrects; a fact is corrected at most once (the unique constraint), so corrections form
-- chains whose last fact counts. No foreign key to keyline_key_account: billing reports every
-- customer of a network, registered key account or not.
CREATE TABLE keyline_spend_fact (
    fact_id     VARCHAR(64)              NOT NULL,
    account_id  VARCHAR(64)              NOT NULL,
    network_id  VARCHAR(64)              NOT NULL,
    spend_month CHAR(7)                  NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    currency    CHAR(3)                  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    corrects    VARCHAR(64),
    CONSTRAINT keyline_spend_fact_pk PRIMARY KEY (fact_id),
    CONSTRAINT keyline_spend_fact_corrects_uk UNIQUE (corrects),
    CONSTRAINT keyline_spend_fact_corrects_fk FOREIGN KEY (corrects) REFERENCES keyline_spend_fact (fact_id),
    CONSTRAINT keyline_spend_fact_amount_ck CHECK (amount >= 0)
);

-- byAccount, byAccountAndMonths
CREATE INDEX keyline_spend_fact_account_month_ix ON keyline_spend_fact (account_id, spend_month);
-- byNetworkAndMonths
CREATE INDEX keyline_spend_fact_network_month_ix ON keyline_spend_fact (network_id, spend_month);

-- The result of one reclassification run (大客户重新认定) of one local network; never changed.
CREATE TABLE keyline_classification_result (
    network_id         VARCHAR(64)    NOT NULL,
    run_date           DATE           NOT NULL,
    window_first_month CHAR(7)        NOT NULL,
    window_last_month  CHAR(7)        NOT NULL,
    rule_name          VARCHAR(200)   NOT NULL,
    threshold_amount   NUMERIC(19, 2),
    threshold_currency CHAR(3),
    CONSTRAINT keyline_classification_result_pk PRIMARY KEY (network_id, run_date),
    CONSTRAINT keyline_classification_result_threshold_ck CHECK (
        (threshold_amount IS NULL AND threshold_currency IS NULL)
        OR (threshold_amount IS NOT NULL AND threshold_currency IS NOT NULL))
);

-- The accounts of a result: key accounts (member_kind KEY_ACCOUNT, with tier LOCAL or NATIONAL,
-- their average monthly spend and line_no = rank) and potential key accounts (member_kind
-- POTENTIAL, tier POTENTIAL, with industry, the criteria met and the explanation).
CREATE TABLE keyline_classification_member (
    network_id                VARCHAR(64)    NOT NULL,
    run_date                  DATE           NOT NULL,
    account_id                VARCHAR(64)    NOT NULL,
    member_kind               VARCHAR(16)    NOT NULL,
    line_no                   INTEGER        NOT NULL,
    tier                      VARCHAR(16)    NOT NULL,
    average_monthly_spend     NUMERIC(19, 2),
    spend_currency            CHAR(3),
    industry                  VARCHAR(40),
    industry_leader           BOOLEAN,
    party_government_military BOOLEAN,
    influencer                BOOLEAN,
    manual_designation        BOOLEAN,
    explanation               VARCHAR(4000),
    CONSTRAINT keyline_classification_member_pk PRIMARY KEY (network_id, run_date, account_id),
    CONSTRAINT keyline_classification_member_result_fk FOREIGN KEY (network_id, run_date)
        REFERENCES keyline_classification_result (network_id, run_date),
    CONSTRAINT keyline_classification_member_kind_ck CHECK (
        (member_kind = 'KEY_ACCOUNT' AND average_monthly_spend IS NOT NULL AND spend_currency IS NOT NULL
            AND industry IS NULL AND explanation IS NULL)
        OR (member_kind = 'POTENTIAL' AND average_monthly_spend IS NULL AND spend_currency IS NULL
            AND industry IS NOT NULL AND industry_leader IS NOT NULL AND party_government_military IS NOT NULL
            AND influencer IS NOT NULL AND manual_designation IS NOT NULL AND explanation IS NOT NULL))
);

-- Account plans (客户发展计划): one per account and year.
CREATE TABLE keyline_account_plan (
    plan_id                 VARCHAR(64)              NOT NULL,
    account_id              VARCHAR(64)              NOT NULL,
    network_id              VARCHAR(64)              NOT NULL,
    plan_year               INTEGER                  NOT NULL,
    revenue_target          NUMERIC(19, 2)           NOT NULL,
    revenue_target_currency CHAR(3)                  NOT NULL,
    drawn_by                VARCHAR(64)              NOT NULL,
    drawn_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT                   NOT NULL,
    CONSTRAINT keyline_account_plan_pk PRIMARY KEY (plan_id),
    -- one plan per account and year; also serves byAccount and byAccountAndYear
    CONSTRAINT keyline_account_plan_account_year_uk UNIQUE (account_id, plan_year),
    CONSTRAINT keyline_account_plan_version_ck CHECK (version > 0)
);

-- byNetworkAndYear (ordered by account id)
CREATE INDEX keyline_account_plan_network_year_ix ON keyline_account_plan (network_id, plan_year, account_id);

-- The action plan (行动计划) of an account plan, numbered from 1.
CREATE TABLE keyline_account_plan_action (
    plan_id       VARCHAR(64)              NOT NULL,
    action_number INTEGER                  NOT NULL,
    description   VARCHAR(4000)            NOT NULL,
    owner_id      VARCHAR(64)              NOT NULL,
    due_on        DATE                     NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    completed_by  VARCHAR(64),
    CONSTRAINT keyline_account_plan_action_pk PRIMARY KEY (plan_id, action_number),
    CONSTRAINT keyline_account_plan_action_plan_fk FOREIGN KEY (plan_id) REFERENCES keyline_account_plan (plan_id)
);

-- The resource plan (资源计划) of an account plan, numbered from 1.
CREATE TABLE keyline_account_plan_resource_item (
    plan_id      VARCHAR(64)              NOT NULL,
    item_number  INTEGER                  NOT NULL,
    product_code VARCHAR(64)              NOT NULL,
    quantity     INTEGER                  NOT NULL,
    needed_by    DATE                     NOT NULL,
    note         VARCHAR(4000)            NOT NULL,
    fulfilled_at TIMESTAMP WITH TIME ZONE,
    fulfilled_by VARCHAR(64),
    CONSTRAINT keyline_account_plan_resource_item_pk PRIMARY KEY (plan_id, item_number),
    CONSTRAINT keyline_account_plan_resource_item_plan_fk FOREIGN KEY (plan_id)
        REFERENCES keyline_account_plan (plan_id)
);
