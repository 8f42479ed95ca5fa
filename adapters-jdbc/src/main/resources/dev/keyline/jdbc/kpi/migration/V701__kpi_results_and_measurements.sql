-- Computed KPI results and measured KPI values. Conventions as in V100: ids as VARCHAR(64), periods
-- as their text ('2026-03', '2026-Q1', '2026'), zones as their ids, instants as TIMESTAMP WITH TIME
-- ZONE; a KPI value's numerator and denominator as their exact decimal text (so a count reads back
-- as 7 and an amount as 1234.50, with the scale it was computed with), its value as NUMERIC(20, 4)
-- (KpiValue's scale), NULL when the KPI has no value for the period.

-- One row per KPI, unit, period and zone: a recomputation replaces it. inputs_hash is the SHA-256
-- of the facts (KpiFactsDigest) as 64 hex digits.
CREATE TABLE keyline_kpi_result (
    kpi_id       VARCHAR(64)              NOT NULL,
    unit_id      VARCHAR(64)              NOT NULL,
    period       VARCHAR(7)               NOT NULL,
    zone_id      VARCHAR(64)              NOT NULL,
    numerator    VARCHAR(48)              NOT NULL,
    denominator  VARCHAR(48)              NOT NULL,
    kpi_value    NUMERIC(20, 4),
    inputs_hash  CHAR(64)                 NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_kpi_result_pk PRIMARY KEY (unit_id, period, kpi_id, zone_id)
);

-- Measured values, append-only: one row per recording; the highest revision counts.
CREATE TABLE keyline_kpi_measurement (
    kpi_id       VARCHAR(64)              NOT NULL,
    unit_id      VARCHAR(64)              NOT NULL,
    period       VARCHAR(7)               NOT NULL,
    revision     INTEGER                  NOT NULL,
    kpi_value    NUMERIC(20, 4)           NOT NULL,
    recorded_by  VARCHAR(64)              NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_kpi_measurement_pk PRIMARY KEY (kpi_id, unit_id, period, revision),
    CONSTRAINT keyline_kpi_measurement_ck CHECK (revision > 0 AND kpi_value >= 0)
);
