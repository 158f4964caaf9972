-- Drafts from inbound mail, version 6 (cut from the platform's version 6, "subscriptions", whose name it keeps
-- so that a database from before the concerns owned their tables knows it as applied).

-- Activities partners mailed in, until a coordinator approves (the activity is then created) or rejects them.
-- source_key is unique: the same mail read twice is one draft.
CREATE TABLE activity_draft (
    id                 BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_key         VARCHAR(1000) NOT NULL,
    sender             VARCHAR(320)  NOT NULL,
    subject            VARCHAR(1000) NOT NULL,
    municipality_code  VARCHAR(4)    NOT NULL,
    organisation_id    VARCHAR(80),
    activity_json      CLOB          NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    received_at        TIMESTAMP     NOT NULL,
    decided_by         VARCHAR(100),
    decided_at         TIMESTAMP,
    CONSTRAINT activity_draft_source UNIQUE (source_key)
);

CREATE INDEX activity_draft_municipality ON activity_draft (municipality_code, state);
