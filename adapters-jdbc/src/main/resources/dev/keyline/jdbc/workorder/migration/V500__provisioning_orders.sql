-- Work orders: provisioning orders (开通工单) with their stages, the stages' predecessors and the
-- hand-offs. The provisioning part of the area's block uses versions 500-549.
--
-- Conventions (as in V1): portable DDL for H2 and PostgreSQL; ids of the domain's typed
-- identifiers as VARCHAR(64); enums by constant name as VARCHAR; instants as TIMESTAMP WITH TIME
-- ZONE (microseconds); durations as BIGINT nanoseconds; a BIGINT version on every aggregate's row
-- for optimistic locking. Owned collections live in child tables keyed by the parent's key and a
-- line number (1, 2, 3, ... in the aggregate's order).

-- One row per order: who it is for and who answers for it, its committed completion, its SLA
-- order if any, and its acceptance once the customer accepted.
CREATE TABLE keyline_provisioning_order (
    provisioning_order_id VARCHAR(64)              NOT NULL,
    account_id            VARCHAR(64)              NOT NULL,
    product_code          VARCHAR(64)              NOT NULL,
    originating_unit      VARCHAR(64)              NOT NULL,
    account_manager       VARCHAR(64)              NOT NULL,
    it_support            VARCHAR(64)              NOT NULL,
    start_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    committed_completion  TIMESTAMP WITH TIME ZONE NOT NULL,
    warning_share         NUMERIC(12, 6)           NOT NULL,
    sla_order             VARCHAR(64),
    sla_committed_by      TIMESTAMP WITH TIME ZONE,
    order_state           VARCHAR(24)              NOT NULL,
    accepted_by           VARCHAR(4000),
    accepted_at           TIMESTAMP WITH TIME ZONE,
    last_changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL,
    CONSTRAINT keyline_provisioning_order_pk PRIMARY KEY (provisioning_order_id),
    CONSTRAINT keyline_provisioning_order_version_ck CHECK (version > 0)
);

-- openDueBy (open orders by committed completion), acceptedBetween (by acceptance time)
CREATE INDEX keyline_provisioning_order_due_ix
    ON keyline_provisioning_order (order_state, committed_completion, provisioning_order_id);
CREATE INDEX keyline_provisioning_order_accepted_ix
    ON keyline_provisioning_order (accepted_at, provisioning_order_id);

-- Every stage of an order in the plan's order: its planned time, its assignment and its progress
-- and clock (started, held since, working time held, warning and due times, alerts raised, done).
CREATE TABLE keyline_provisioning_stage (
    provisioning_order_id VARCHAR(64)              NOT NULL,
    line_no               INTEGER                  NOT NULL,
    stage_id              VARCHAR(64)              NOT NULL,
    planned_nanos         BIGINT                   NOT NULL,
    station_id            VARCHAR(64)              NOT NULL,
    unit_id               VARCHAR(64)              NOT NULL,
    station_manager       VARCHAR(64)              NOT NULL,
    executor              VARCHAR(64)              NOT NULL,
    stage_state           VARCHAR(16)              NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE,
    held_since            TIMESTAMP WITH TIME ZONE,
    held_nanos            BIGINT                   NOT NULL,
    warning_at            TIMESTAMP WITH TIME ZONE,
    due_at                TIMESTAMP WITH TIME ZONE,
    warned                BOOLEAN                  NOT NULL,
    escalated             BOOLEAN                  NOT NULL,
    done_at               TIMESTAMP WITH TIME ZONE,
    CONSTRAINT keyline_provisioning_stage_pk PRIMARY KEY (provisioning_order_id, line_no),
    CONSTRAINT keyline_provisioning_stage_order_fk FOREIGN KEY (provisioning_order_id)
        REFERENCES keyline_provisioning_order (provisioning_order_id)
);

-- warningsDueBy and overdueStages: running stages by warning and by due time
CREATE INDEX keyline_provisioning_stage_warning_ix
    ON keyline_provisioning_stage (stage_state, warned, warning_at);
CREATE INDEX keyline_provisioning_stage_due_ix
    ON keyline_provisioning_stage (stage_state, escalated, due_at);

-- The stages each stage comes after, in the plan's order; written once, as the plan never changes.
CREATE TABLE keyline_provisioning_stage_after (
    provisioning_order_id VARCHAR(64) NOT NULL,
    line_no               INTEGER     NOT NULL,
    stage_id              VARCHAR(64) NOT NULL,
    predecessor_id        VARCHAR(64) NOT NULL,
    CONSTRAINT keyline_provisioning_stage_after_pk PRIMARY KEY (provisioning_order_id, line_no),
    CONSTRAINT keyline_provisioning_stage_after_order_fk FOREIGN KEY (provisioning_order_id)
        REFERENCES keyline_provisioning_order (provisioning_order_id)
);

-- Every hand-off of a stage between stations and executors, oldest first (append-only).
CREATE TABLE keyline_provisioning_hand_off (
    provisioning_order_id VARCHAR(64)              NOT NULL,
    line_no               INTEGER                  NOT NULL,
    stage_id              VARCHAR(64)              NOT NULL,
    from_station          VARCHAR(64)              NOT NULL,
    from_executor         VARCHAR(64)              NOT NULL,
    to_station            VARCHAR(64)              NOT NULL,
    to_executor           VARCHAR(64)              NOT NULL,
    handed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    note                  VARCHAR(4000)            NOT NULL,
    CONSTRAINT keyline_provisioning_hand_off_pk PRIMARY KEY (provisioning_order_id, line_no),
    CONSTRAINT keyline_provisioning_hand_off_order_fk FOREIGN KEY (provisioning_order_id)
        REFERENCES keyline_provisioning_order (provisioning_order_id)
);
