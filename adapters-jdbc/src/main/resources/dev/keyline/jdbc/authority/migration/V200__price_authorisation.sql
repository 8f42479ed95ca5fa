-- Commercial authorisation (商务授权): price authorisations with their decisions, and floor price
-- lists with their history. The area's block of migration versions is 200-299.
--
-- Conventions (as in V1): portable DDL for H2 and PostgreSQL; ids of the domain's typed
-- identifiers as VARCHAR(64); enums by constant name as VARCHAR; money as NUMERIC(19, 2) beside a
-- CHAR(3) ISO currency code; instants as TIMESTAMP WITH TIME ZONE (microseconds); months as
-- CHAR(7) 'YYYY-MM', which sorts and compares like the month; a BIGINT version on every
-- aggregate's row for optimistic locking. Owned collections live in child tables keyed by the
-- parent's key and a line number (1, 2, 3, ... in the aggregate's order). Aggregates reference
-- each other by id only, so there is no foreign key between aggregates' tables.

-- Requests for commercial authorisation (商务授权) of a price. List, offered and floor price share
-- the request's currency.
CREATE TABLE keyline_price_authorisation (
    authorisation_id VARCHAR(64)              NOT NULL,
    account_id       VARCHAR(64)              NOT NULL,
    product_code     VARCHAR(64)              NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    list_price       NUMERIC(19, 2)           NOT NULL,
    offered_price    NUMERIC(19, 2)           NOT NULL,
    floor_price      NUMERIC(19, 2),
    requested_by     VARCHAR(64)              NOT NULL,
    addressed_to     VARCHAR(40)              NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(4000)            NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT keyline_price_authorisation_pk PRIMARY KEY (authorisation_id),
    CONSTRAINT keyline_price_authorisation_version_ck CHECK (version > 0)
);

-- byAccount, byStatus (both ordered by request time, then id)
CREATE INDEX keyline_price_authorisation_account_ix
    ON keyline_price_authorisation (account_id, requested_at, authorisation_id);
CREATE INDEX keyline_price_authorisation_state_ix
    ON keyline_price_authorisation (state, requested_at, authorisation_id);

-- Every decision on a request, oldest first: approvals and rejections with the role they counted
-- for and, when taken on the authority matrix, the maximum discount the role had; withdrawals
-- with neither.
CREATE TABLE keyline_price_authorisation_decision (
    authorisation_id VARCHAR(64)              NOT NULL,
    line_no          INTEGER                  NOT NULL,
    decision_kind    VARCHAR(16)              NOT NULL,
    decided_by       VARCHAR(64)              NOT NULL,
    decision_role    VARCHAR(40),
    maximum_discount NUMERIC(13, 12),
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(4000)            NOT NULL,
    CONSTRAINT keyline_price_authorisation_decision_pk PRIMARY KEY (authorisation_id, line_no),
    CONSTRAINT keyline_price_authorisation_decision_fk FOREIGN KEY (authorisation_id)
        REFERENCES keyline_price_authorisation (authorisation_id)
);

-- Floor price lists (底价): the list's row, and every setting ever made, oldest first.
CREATE TABLE keyline_floor_price_list (
    list_id VARCHAR(64) NOT NULL,
    version BIGINT      NOT NULL,
    CONSTRAINT keyline_floor_price_list_pk PRIMARY KEY (list_id),
    CONSTRAINT keyline_floor_price_list_version_ck CHECK (version > 0)
);

CREATE TABLE keyline_floor_price (
    list_id      VARCHAR(64)              NOT NULL,
    line_no      INTEGER                  NOT NULL,
    product_code VARCHAR(64)              NOT NULL,
    price        NUMERIC(19, 2)           NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    set_by       VARCHAR(64)              NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_floor_price_pk PRIMARY KEY (list_id, line_no),
    CONSTRAINT keyline_floor_price_list_fk FOREIGN KEY (list_id) REFERENCES keyline_floor_price_list (list_id)
);
