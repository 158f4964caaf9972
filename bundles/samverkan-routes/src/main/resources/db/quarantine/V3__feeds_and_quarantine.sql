-- The quarantine of items imports could not take, version 3 (cut from the platform's version 3, "feeds and
-- quarantine", whose name it keeps so that a database from before the concerns owned their tables knows it).

CREATE TABLE quarantine (
    id              BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          VARCHAR(120)  NOT NULL,
    item_key        VARCHAR(1000) NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    raw             CLOB          NOT NULL,
    quarantined_at  TIMESTAMP     NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    resolved_at     TIMESTAMP
);

CREATE INDEX quarantine_waiting ON quarantine (source, item_key, state);
