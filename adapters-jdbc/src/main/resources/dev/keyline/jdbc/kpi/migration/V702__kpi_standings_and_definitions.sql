-- KPI standings (how each KPI stands for each organisation unit, period after period) and a host's
-- own KPI definitions. Conventions as in V701.

-- One row per standing; its id is 'kpi:unit'. The version is the optimistic lock of the aggregate.
CREATE TABLE keyline_kpi_standing (
    standing_id VARCHAR(129) NOT NULL,
    kpi_id      VARCHAR(64)  NOT NULL,
    unit_id     VARCHAR(64)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT keyline_kpi_standing_pk PRIMARY KEY (standing_id),
    CONSTRAINT keyline_kpi_standing_version_ck CHECK (version > 0)
);

-- ofUnit (ordered by KPI id)
CREATE INDEX keyline_kpi_standing_unit_ix ON keyline_kpi_standing (unit_id, kpi_id);

-- The recorded periods of a standing, oldest first; append-only.
CREATE TABLE keyline_kpi_standing_entry (
    standing_id VARCHAR(129)             NOT NULL,
    line_no     INTEGER                  NOT NULL,
    period      VARCHAR(7)               NOT NULL,
    kpi_value   NUMERIC(20, 4)           NOT NULL,
    band        VARCHAR(8)               NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_kpi_standing_entry_pk PRIMARY KEY (standing_id, line_no),
    CONSTRAINT keyline_kpi_standing_entry_fk FOREIGN KEY (standing_id) REFERENCES keyline_kpi_standing (standing_id)
);

-- A host's KPI definitions, one per KPI id, as the JSON of the domain's KpiDefinition: a definition
-- is read and written whole, never queried by its parts.
CREATE TABLE keyline_kpi_definition (
    kpi_id     VARCHAR(64) NOT NULL,
    definition TEXT        NOT NULL,
    CONSTRAINT keyline_kpi_definition_pk PRIMARY KEY (kpi_id)
);
