-- Network resources (资源调配): resource pools with their active holdings and movement logs, and
-- reservations. The area's block of migration versions is 300-399; conventions as in V200.
--
-- Units are numbered 1 to unit_count in each pool; a holding keeps its units as ranges of unit
-- numbers, one row per range, so a pool of 10,000 Mbps held in a few blocks stays a few rows.

-- Resource pools: type, location, cool-down and the latest entry of the movement log.
CREATE TABLE keyline_resource_pool (
    pool_id            VARCHAR(64)              NOT NULL,
    resource_type      VARCHAR(64)              NOT NULL,
    network_id         VARCHAR(64)              NOT NULL,
    site               VARCHAR(64)              NOT NULL,
    cool_down_seconds  BIGINT                   NOT NULL,
    cool_down_nanos    INTEGER                  NOT NULL,
    unit_count         BIGINT                   NOT NULL,
    last_sequence      BIGINT                   NOT NULL,
    last_moved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_capacity      BIGINT                   NOT NULL,
    last_reserved      BIGINT                   NOT NULL,
    last_allocated     BIGINT                   NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT keyline_resource_pool_pk PRIMARY KEY (pool_id),
    CONSTRAINT keyline_resource_pool_version_ck CHECK (version > 0),
    CONSTRAINT keyline_resource_pool_units_ck CHECK (unit_count >= 0 AND last_reserved + last_allocated <= last_capacity)
);

-- byLocation (ordered by id)
CREATE INDEX keyline_resource_pool_location_ix
    ON keyline_resource_pool (network_id, site, resource_type, pool_id);

-- The active holdings of a pool, rewritten with every save: RETIRED units, units RESERVED for an
-- open reservation (holding_id = the reservation, binding set), ALLOCATED units (holding_id = the
-- allocation, reference, the reservation it came from if any, held_at = when allocated) and
-- COOLING units (holding_id = the allocation released, held_at = when the rest is over).
CREATE TABLE keyline_resource_holding (
    pool_id        VARCHAR(64)              NOT NULL,
    line_no        INTEGER                  NOT NULL,
    holding_kind   VARCHAR(16)              NOT NULL,
    holding_id     VARCHAR(64),
    account_id     VARCHAR(64),
    reference      VARCHAR(500),
    reservation_id VARCHAR(64),
    binding        BOOLEAN,
    held_at        TIMESTAMP WITH TIME ZONE,
    first_unit     BIGINT                   NOT NULL,
    last_unit      BIGINT                   NOT NULL,
    CONSTRAINT keyline_resource_holding_pk PRIMARY KEY (pool_id, line_no),
    CONSTRAINT keyline_resource_holding_pool_fk FOREIGN KEY (pool_id) REFERENCES keyline_resource_pool (pool_id),
    CONSTRAINT keyline_resource_holding_units_ck CHECK (first_unit >= 1 AND last_unit >= first_unit)
);

-- holding(account)
CREATE INDEX keyline_resource_holding_account_ix ON keyline_resource_holding (account_id, pool_id);

-- Each pool's movement log, append-only: the counts in force from moved_at on.
CREATE TABLE keyline_resource_movement (
    pool_id     VARCHAR(64)              NOT NULL,
    sequence_no BIGINT                   NOT NULL,
    moved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity    BIGINT                   NOT NULL,
    reserved    BIGINT                   NOT NULL,
    allocated   BIGINT                   NOT NULL,
    CONSTRAINT keyline_resource_movement_pk PRIMARY KEY (pool_id, sequence_no),
    CONSTRAINT keyline_resource_movement_pool_fk FOREIGN KEY (pool_id) REFERENCES keyline_resource_pool (pool_id)
);

-- movements(pool, from, to)
CREATE INDEX keyline_resource_movement_time_ix ON keyline_resource_movement (pool_id, moved_at, sequence_no);

-- Reservations (预占) of every state.
CREATE TABLE keyline_reservation (
    reservation_id VARCHAR(64)              NOT NULL,
    pool_id        VARCHAR(64)              NOT NULL,
    account_id     VARCHAR(64)              NOT NULL,
    purpose        VARCHAR(16)              NOT NULL,
    reference      VARCHAR(500)             NOT NULL,
    requested      BIGINT                   NOT NULL,
    allocated      BIGINT                   NOT NULL,
    made_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    reason         VARCHAR(4000),
    version        BIGINT                   NOT NULL,
    CONSTRAINT keyline_reservation_pk PRIMARY KEY (reservation_id),
    CONSTRAINT keyline_reservation_version_ck CHECK (version > 0)
);

-- expiringBy (open ones ordered by expiry, then id)
CREATE INDEX keyline_reservation_expiry_ix ON keyline_reservation (state, expires_at, reservation_id);
