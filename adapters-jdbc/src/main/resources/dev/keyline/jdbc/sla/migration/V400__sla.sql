-- Service-level agreements (服务水平协议 SLA) between a marketing department and the network
-- centre. The area's block of migration versions is 400-499; conventions as in V200 (ids as
-- VARCHAR(64), enums by constant name, money as NUMERIC(19, 2) beside a CHAR(3) currency, instants
-- as TIMESTAMP WITH TIME ZONE, months as CHAR(7) 'YYYY-MM', dates as DATE). Every collection of an
-- SLA only grows, so its child rows are appended and never rewritten. Monthly volumes are kept as
-- one text of whole numbers separated by single spaces, one per month of the SLA period.

CREATE TABLE keyline_sla (
    sla_id                 VARCHAR(64)              NOT NULL,
    department             VARCHAR(64)              NOT NULL,
    network_id             VARCHAR(64)              NOT NULL,
    first_month            CHAR(7)                  NOT NULL,
    months                 INTEGER                  NOT NULL,
    zone_id                VARCHAR(64)              NOT NULL,
    change_frequency       INTEGER                  NOT NULL,
    liability              VARCHAR(4000)            NOT NULL,
    applicable_law         VARCHAR(4000)            NOT NULL,
    procedures             VARCHAR(4000)            NOT NULL,
    confidentiality        VARCHAR(4000)            NOT NULL,
    third_party_purchasing BOOLEAN                  NOT NULL,
    pricing_method         VARCHAR(16)              NOT NULL,
    drafted_by             VARCHAR(64)              NOT NULL,
    drafted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    sla_state              VARCHAR(16)              NOT NULL,
    approved_by            VARCHAR(64),
    approved_at            TIMESTAMP WITH TIME ZONE,
    ended_by               VARCHAR(64),
    ended_at               TIMESTAMP WITH TIME ZONE,
    end_reason             VARCHAR(4000),
    version                BIGINT                   NOT NULL,
    CONSTRAINT keyline_sla_pk PRIMARY KEY (sla_id),
    CONSTRAINT keyline_sla_version_ck CHECK (version > 0)
);

-- One service agreement per product, in the order drafted.
CREATE TABLE keyline_sla_agreement (
    sla_id           VARCHAR(64)     NOT NULL,
    line_no          INTEGER         NOT NULL,
    product_code     VARCHAR(64)     NOT NULL,
    monthly_volumes  VARCHAR(100)    NOT NULL,
    expected_minimum INTEGER         NOT NULL,
    expected_maximum INTEGER         NOT NULL,
    unit_price       NUMERIC(19, 2)  NOT NULL,
    currency         CHAR(3)         NOT NULL,
    differentiation  VARCHAR(4000)   NOT NULL,
    discount         NUMERIC(13, 12) NOT NULL,
    qos              VARCHAR(4000)   NOT NULL,
    penalties        VARCHAR(4000)   NOT NULL,
    CONSTRAINT keyline_sla_agreement_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_agreement_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);

CREATE TABLE keyline_sla_signature (
    sla_id    VARCHAR(64)              NOT NULL,
    line_no   INTEGER                  NOT NULL,
    party     VARCHAR(16)              NOT NULL,
    signed_by VARCHAR(64)              NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_sla_signature_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_signature_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);

-- Amendments by number (line_no is the amendment's number).
CREATE TABLE keyline_sla_amendment (
    sla_id          VARCHAR(64)              NOT NULL,
    line_no         INTEGER                  NOT NULL,
    product_code    VARCHAR(64)              NOT NULL,
    effective_from  CHAR(7)                  NOT NULL,
    monthly_volumes VARCHAR(100)             NOT NULL,
    reason          VARCHAR(4000)            NOT NULL,
    requested_by    VARCHAR(64)              NOT NULL,
    approved_by     VARCHAR(64)              NOT NULL,
    amended_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_sla_amendment_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_amendment_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);

CREATE TABLE keyline_sla_order (
    sla_id        VARCHAR(64)              NOT NULL,
    line_no       INTEGER                  NOT NULL,
    reference     VARCHAR(64)              NOT NULL,
    product_code  VARCHAR(64)              NOT NULL,
    service_class VARCHAR(8)               NOT NULL,
    ordered_on    DATE                     NOT NULL,
    committed_on  DATE                     NOT NULL,
    price         NUMERIC(19, 2)           NOT NULL,
    currency      CHAR(3)                  NOT NULL,
    accepted_by   VARCHAR(64)              NOT NULL,
    accepted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_sla_order_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_order_reference_uk UNIQUE (sla_id, reference),
    CONSTRAINT keyline_sla_order_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);

-- Completion feedback (竣工反馈), one per completed order.
CREATE TABLE keyline_sla_completion (
    sla_id       VARCHAR(64)              NOT NULL,
    line_no      INTEGER                  NOT NULL,
    reference    VARCHAR(64)              NOT NULL,
    completed_on DATE                     NOT NULL,
    on_time      BOOLEAN                  NOT NULL,
    reported_by  VARCHAR(64)              NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_sla_completion_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_completion_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);

-- The SLA's records of the resources area's binding reservations, made and released.
CREATE TABLE keyline_sla_reservation (
    sla_id       VARCHAR(64)              NOT NULL,
    line_no      INTEGER                  NOT NULL,
    reference    VARCHAR(64)              NOT NULL,
    product_code VARCHAR(64)              NOT NULL,
    units        INTEGER                  NOT NULL,
    change_kind  VARCHAR(16)              NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_sla_reservation_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_reservation_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);

-- The documents of the information flow.
CREATE TABLE keyline_sla_document (
    sla_id        VARCHAR(64)              NOT NULL,
    line_no       INTEGER                  NOT NULL,
    document_kind VARCHAR(32)              NOT NULL,
    reference     VARCHAR(64)              NOT NULL,
    product_code  VARCHAR(64)              NOT NULL,
    document_text VARCHAR(4000)            NOT NULL,
    recorded_by   VARCHAR(64)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keyline_sla_document_pk PRIMARY KEY (sla_id, line_no),
    CONSTRAINT keyline_sla_document_fk FOREIGN KEY (sla_id) REFERENCES keyline_sla (sla_id)
);
