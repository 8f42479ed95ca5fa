-- Work orders (工单): fault tickets with their transition log and the logs of their two clocks.
-- The area's block of migration versions is 500-599; fault tickets use 550-599 (provisioning
-- orders take 500-549).
--
-- Conventions (as in V1): portable DDL for H2 and PostgreSQL; ids of the domain's typed
-- identifiers as VARCHAR(64); enums by constant name as VARCHAR; instants as TIMESTAMP WITH TIME
-- ZONE (microseconds); a BIGINT version on every aggregate's row for optimistic locking. Owned
-- collections live in child tables keyed by the parent's key and a line number. The logs are
-- append-only: rows are inserted, never updated or deleted.

-- One row per ticket: what failed, where it stands, and each clock's target and derived
-- instants (the deadline and warning instant as last computed, the warning and breach recorded).
CREATE TABLE keyline_fault_ticket (
    ticket_id                  VARCHAR(64)              NOT NULL,
    account_id                 VARCHAR(64)              NOT NULL,
    product_code               VARCHAR(64)              NOT NULL,
    source                     VARCHAR(20)              NOT NULL,
    priority                   VARCHAR(10)              NOT NULL,
    service_class              VARCHAR(1),
    state                      VARCHAR(20)              NOT NULL,
    station_id                 VARCHAR(64),
    cause_code                 VARCHAR(64),
    resolved_at                TIMESTAMP WITH TIME ZONE,
    response_target_seconds    BIGINT                   NOT NULL,
    response_warning_share     NUMERIC(7, 6)            NOT NULL,
    response_clock_state       VARCHAR(12)              NOT NULL,
    response_deadline          TIMESTAMP WITH TIME ZONE,
    response_warning_at        TIMESTAMP WITH TIME ZONE,
    response_warned_at         TIMESTAMP WITH TIME ZONE,
    response_breached_at       TIMESTAMP WITH TIME ZONE,
    resolution_target_seconds  BIGINT                   NOT NULL,
    resolution_warning_share   NUMERIC(7, 6)            NOT NULL,
    resolution_clock_state     VARCHAR(12)              NOT NULL,
    resolution_deadline        TIMESTAMP WITH TIME ZONE,
    resolution_warning_at      TIMESTAMP WITH TIME ZONE,
    resolution_warned_at       TIMESTAMP WITH TIME ZONE,
    resolution_breached_at     TIMESTAMP WITH TIME ZONE,
    version                    BIGINT                   NOT NULL,
    CONSTRAINT keyline_fault_ticket_pk PRIMARY KEY (ticket_id),
    CONSTRAINT keyline_fault_ticket_version_ck CHECK (version > 0)
);

-- byStateAndDeadline (per clock), resolvedIn; the sweeps' warningsDue and breachesDue read the
-- instants of the clocks.
CREATE INDEX keyline_fault_ticket_response_due_ix
    ON keyline_fault_ticket (state, response_deadline, ticket_id);
CREATE INDEX keyline_fault_ticket_resolution_due_ix
    ON keyline_fault_ticket (state, resolution_deadline, ticket_id);
CREATE INDEX keyline_fault_ticket_resolved_ix
    ON keyline_fault_ticket (resolved_at, ticket_id);
CREATE INDEX keyline_fault_ticket_response_warning_ix
    ON keyline_fault_ticket (response_warning_at);
CREATE INDEX keyline_fault_ticket_resolution_warning_ix
    ON keyline_fault_ticket (resolution_warning_at);

-- The transition log, oldest first: the report (no previous state), then every move with who,
-- when and why; the station on a dispatch, the cause on a return.
CREATE TABLE keyline_fault_ticket_transition (
    ticket_id    VARCHAR(64)              NOT NULL,
    line_no      INTEGER                  NOT NULL,
    from_state   VARCHAR(20),
    to_state     VARCHAR(20)              NOT NULL,
    acted_by     VARCHAR(64)              NOT NULL,
    acted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    note         VARCHAR(4000)            NOT NULL,
    station_id   VARCHAR(64),
    cause_code   VARCHAR(64),
    CONSTRAINT keyline_fault_ticket_transition_pk PRIMARY KEY (ticket_id, line_no),
    CONSTRAINT keyline_fault_ticket_transition_fk FOREIGN KEY (ticket_id)
        REFERENCES keyline_fault_ticket (ticket_id)
);

-- Each clock's log, oldest first per clock: start, pause, resume, stop, cancel.
CREATE TABLE keyline_fault_clock_transition (
    ticket_id        VARCHAR(64)              NOT NULL,
    clock_kind       VARCHAR(12)              NOT NULL,
    line_no          INTEGER                  NOT NULL,
    transition_kind  VARCHAR(8)               NOT NULL,
    transition_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_fault_clock_transition_pk PRIMARY KEY (ticket_id, clock_kind, line_no),
    CONSTRAINT keyline_fault_clock_transition_fk FOREIGN KEY (ticket_id)
        REFERENCES keyline_fault_ticket (ticket_id)
);
