-- Samverkan schema, version 5: the registries (municipality list, organisation registers, open KPIs).

-- One row per run of a registry import: when, how it ended, what it did.
CREATE TABLE registry_run (
    id              BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registry_id     VARCHAR(80)   NOT NULL,
    started_at      TIMESTAMP     NOT NULL,
    finished_at     TIMESTAMP     NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    created_count   INTEGER       NOT NULL,
    changed_count   INTEGER       NOT NULL,
    unchanged_count INTEGER       NOT NULL,
    rejected_count  INTEGER       NOT NULL,
    error           VARCHAR(2000)
);

CREATE INDEX registry_run_latest ON registry_run (registry_id, id);

-- The municipality list of the last successful refresh; empty while the shipped list is in force.
CREATE TABLE registry_county (
    code  VARCHAR(2)   NOT NULL PRIMARY KEY,
    name  VARCHAR(100) NOT NULL
);

CREATE TABLE registry_municipality (
    code        VARCHAR(4)   NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    county_code VARCHAR(2)   NOT NULL,
    source      VARCHAR(500) NOT NULL
);

-- Civil-society organisations from register exports, one row each (so a record is written whole or not at all).
-- areas_of_work holds the areas joined by newlines; name_key is the lower-case name, for search.
CREATE TABLE register_organisation (
    organisation_number VARCHAR(11)   NOT NULL PRIMARY KEY,
    name                VARCHAR(300)  NOT NULL,
    name_key            VARCHAR(300)  NOT NULL,
    municipality_code   VARCHAR(4),
    areas_of_work       VARCHAR(2000) NOT NULL,
    contact_address     VARCHAR(320),
    register_id         VARCHAR(80)   NOT NULL,
    fingerprint         VARCHAR(64)   NOT NULL,
    updated_at          TIMESTAMP     NOT NULL
);

CREATE INDEX register_organisation_municipality ON register_organisation (municipality_code, name_key);
CREATE INDEX register_organisation_name ON register_organisation (name_key);

-- Yearly key figures (Kolada) per municipality ("0000" = the whole country), KPI, year and gender (T, K, M).
CREATE TABLE kpi_value (
    municipality_code VARCHAR(4)   NOT NULL,
    kpi               VARCHAR(20)  NOT NULL,
    period            INTEGER      NOT NULL,
    gender            VARCHAR(1)   NOT NULL,
    kpi_value         DOUBLE PRECISION,
    value_count       INTEGER,
    status            VARCHAR(100) NOT NULL,
    updated_at        TIMESTAMP    NOT NULL,
    PRIMARY KEY (municipality_code, kpi, period, gender)
);

CREATE INDEX kpi_value_kpi ON kpi_value (kpi, municipality_code);
