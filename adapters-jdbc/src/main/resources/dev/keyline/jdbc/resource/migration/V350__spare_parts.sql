-- Spare parts (备品备件) of the network-resource area: the stock of each part in each depot with
-- its open reservations, and the append-only consumption history the monthly plan reads. The
-- area's block of migration versions is 300-399; spare parts take 350 onwards.
--
-- Conventions as in V200: portable DDL for H2 and PostgreSQL; ids of the domain's typed
-- identifiers as VARCHAR(64); dates as DATE; months as CHAR(7) 'YYYY-MM'; a BIGINT version on the
-- aggregate's row for optimistic locking; quantities as BIGINT.

-- One row per part and depot. reserved is the sum of the stock's reservations, kept beside them so
-- that available (on_hand - reserved) is one row's arithmetic; below_minimum is available <
-- minimum_level, stored so that the daily check finds the stocks below their minimum by an index.
CREATE TABLE keyline_spare_stock (
    stock_id               VARCHAR(64) NOT NULL,
    depot_id               VARCHAR(64) NOT NULL,
    part_number            VARCHAR(64) NOT NULL,
    on_hand                BIGINT      NOT NULL,
    reserved               BIGINT      NOT NULL,
    under_repair           BIGINT      NOT NULL,
    minimum_level          BIGINT      NOT NULL,
    below_minimum          BOOLEAN     NOT NULL,
    last_below_minimum_day DATE,
    version                BIGINT      NOT NULL,
    CONSTRAINT keyline_spare_stock_pk PRIMARY KEY (stock_id),
    CONSTRAINT keyline_spare_stock_part_uk UNIQUE (depot_id, part_number),
    CONSTRAINT keyline_spare_stock_quantities_ck CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand
        AND under_repair >= 0 AND minimum_level >= 0),
    CONSTRAINT keyline_spare_stock_below_ck CHECK (below_minimum = (on_hand - reserved < minimum_level)),
    CONSTRAINT keyline_spare_stock_version_ck CHECK (version > 0)
);

-- byDepot (ordered by stock id)
CREATE INDEX keyline_spare_stock_depot_ix ON keyline_spare_stock (depot_id, stock_id);
-- belowMinimum, belowMinimumAfter: the daily check's pages
CREATE INDEX keyline_spare_stock_below_ix ON keyline_spare_stock (below_minimum, stock_id);

-- The units of a stock held for one fault ticket or order; rewritten with the stock.
CREATE TABLE keyline_spare_reservation (
    stock_id        VARCHAR(64) NOT NULL,
    reservation_ref VARCHAR(64) NOT NULL,
    quantity        BIGINT      NOT NULL,
    CONSTRAINT keyline_spare_reservation_pk PRIMARY KEY (stock_id, reservation_ref),
    CONSTRAINT keyline_spare_reservation_stock_fk FOREIGN KEY (stock_id) REFERENCES keyline_spare_stock (stock_id),
    CONSTRAINT keyline_spare_reservation_quantity_ck CHECK (quantity > 0)
);

-- The consumption history: one row per issue, never changed; keyed by the issue event's id (its
-- text) so an issue is recorded once. issue_month repeats the day's month for the monthly totals.
CREATE TABLE keyline_spare_consumption (
    issue_id    CHAR(36)    NOT NULL,
    stock_id    VARCHAR(64) NOT NULL,
    issue_day   DATE        NOT NULL,
    issue_month CHAR(7)     NOT NULL,
    quantity    BIGINT      NOT NULL,
    CONSTRAINT keyline_spare_consumption_pk PRIMARY KEY (issue_id),
    CONSTRAINT keyline_spare_consumption_quantity_ck CHECK (quantity > 0)
);

-- byStock (by day), monthlyIssues (by month)
CREATE INDEX keyline_spare_consumption_day_ix ON keyline_spare_consumption (stock_id, issue_day);
CREATE INDEX keyline_spare_consumption_month_ix ON keyline_spare_consumption (stock_id, issue_month);
