-- CAPEX projects of the budget area: the project's row, its lifecycle history, its bookings and
-- the capacity it plans and builds. The area's block of migration versions is 600-699; the CAPEX
-- projects use 650-699. Conventions as in V200.

-- One row per project. The budget line, planned amount and schedule are set on approval (立项);
-- accepted_at, first_time_right and lines_added on acceptance (竣工验收). due_at is the date of the
-- milestone the project is short of (the planned start while approved, the planned acceptance in
-- construction, NULL otherwise), so the overdue sweep reads one index range. At most one project
-- answers an investment request.
CREATE TABLE keyline_capex_project (
    project_id         VARCHAR(64)              NOT NULL,
    capex_kind         VARCHAR(16)              NOT NULL,
    project_title      VARCHAR(500)             NOT NULL,
    network_id         VARCHAR(64)              NOT NULL,
    request_id         VARCHAR(64),
    project_stage      VARCHAR(16)              NOT NULL,
    budget_id          VARCHAR(64),
    budget_line_id     VARCHAR(64),
    currency           CHAR(3),
    planned_amount     NUMERIC(19, 2),
    planned_start      TIMESTAMP WITH TIME ZONE,
    planned_acceptance TIMESTAMP WITH TIME ZONE,
    proposed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at        TIMESTAMP WITH TIME ZONE,
    first_time_right   BOOLEAN                  NOT NULL,
    lines_added        BIGINT                   NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    start_overdue      BOOLEAN                  NOT NULL,
    acceptance_overdue BOOLEAN                  NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT keyline_capex_project_pk PRIMARY KEY (project_id),
    CONSTRAINT keyline_capex_project_request_uq UNIQUE (request_id),
    CONSTRAINT keyline_capex_project_version_ck CHECK (version > 0),
    CONSTRAINT keyline_capex_project_lines_ck CHECK (lines_added >= 0)
);

-- byStage (by proposal time, then id); acceptedBetween and linesAddedBetween; overdueAt
CREATE INDEX keyline_capex_project_stage_ix ON keyline_capex_project (project_stage, proposed_at, project_id);
CREATE INDEX keyline_capex_project_accepted_ix ON keyline_capex_project (accepted_at, project_id);
CREATE INDEX keyline_capex_project_due_ix ON keyline_capex_project (due_at, project_id);

-- Every lifecycle step, oldest first: the proposal (no stage before it; taken by nobody when an
-- investment request raised it), then each step with who took it, when and why.
CREATE TABLE keyline_capex_transition (
    project_id       VARCHAR(64)              NOT NULL,
    line_no          INTEGER                  NOT NULL,
    capex_from_stage VARCHAR(16),
    capex_to_stage   VARCHAR(16)              NOT NULL,
    taken_by         VARCHAR(64),
    taken_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(4000)            NOT NULL,
    CONSTRAINT keyline_capex_transition_pk PRIMARY KEY (project_id, line_no),
    CONSTRAINT keyline_capex_transition_fk FOREIGN KEY (project_id) REFERENCES keyline_capex_project (project_id)
);

-- Every commitment, reversal and actual the project booked, oldest first.
CREATE TABLE keyline_capex_booking (
    project_id         VARCHAR(64)              NOT NULL,
    line_no            INTEGER                  NOT NULL,
    capex_booking_kind VARCHAR(24)              NOT NULL,
    document_id        VARCHAR(64)              NOT NULL,
    amount             NUMERIC(19, 2)           NOT NULL,
    currency           CHAR(3)                  NOT NULL,
    booked_by          VARCHAR(64)              NOT NULL,
    booked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_capex_booking_pk PRIMARY KEY (project_id, line_no),
    CONSTRAINT keyline_capex_booking_fk FOREIGN KEY (project_id) REFERENCES keyline_capex_project (project_id)
);

-- The capacity a project plans (PLANNED, from its proposal) and built (BUILT, on acceptance), per
-- pool of the resources area and resource type, in the project's order.
CREATE TABLE keyline_capex_capacity (
    project_id          VARCHAR(64) NOT NULL,
    capex_capacity_role VARCHAR(8)  NOT NULL,
    line_no             INTEGER     NOT NULL,
    capex_pool_id       VARCHAR(64) NOT NULL,
    capex_resource_type VARCHAR(64) NOT NULL,
    units               BIGINT      NOT NULL,
    CONSTRAINT keyline_capex_capacity_pk PRIMARY KEY (project_id, capex_capacity_role, line_no),
    CONSTRAINT keyline_capex_capacity_fk FOREIGN KEY (project_id) REFERENCES keyline_capex_project (project_id),
    CONSTRAINT keyline_capex_capacity_units_ck CHECK (units > 0)
);
