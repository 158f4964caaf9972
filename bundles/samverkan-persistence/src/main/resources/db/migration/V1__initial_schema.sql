-- Samverkan schema, version 1. Statements are separated by semicolons at line ends.
-- Ids are stable natural keys (slugs, SCB codes) so that plugins and imports can upsert by them.

CREATE TABLE municipality (
    code        CHAR(4)      NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    county      VARCHAR(100) NOT NULL,
    sub_region  VARCHAR(100),
    active      BOOLEAN      NOT NULL
);

CREATE TABLE organisation (
    id          VARCHAR(80)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    org_number  VARCHAR(11)  UNIQUE
);

CREATE TABLE organisation_municipality (
    organisation_id   VARCHAR(80) NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    municipality_code CHAR(4)     NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (organisation_id, municipality_code)
);

CREATE TABLE agreement (
    id          VARCHAR(80)   NOT NULL PRIMARY KEY,
    title       VARCHAR(300)  NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    purpose     VARCHAR(4000),
    start_date  DATE,
    end_date    DATE,
    budget_sek  DECIMAL(15, 2),
    funder_id   VARCHAR(80)   REFERENCES organisation (id),
    status      VARCHAR(10)   NOT NULL
);

CREATE TABLE agreement_organisation (
    agreement_id    VARCHAR(80) NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    organisation_id VARCHAR(80) NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (agreement_id, organisation_id)
);

CREATE TABLE agreement_municipality (
    agreement_id      VARCHAR(80) NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    municipality_code CHAR(4)     NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (agreement_id, municipality_code)
);

CREATE TABLE programme (
    id          VARCHAR(80)   NOT NULL PRIMARY KEY,
    name        VARCHAR(300)  NOT NULL,
    owner_id    VARCHAR(80)   REFERENCES organisation (id),
    funder_id   VARCHAR(80)   REFERENCES organisation (id),
    start_date  DATE,
    end_date    DATE,
    budget_sek  DECIMAL(15, 2)
);

CREATE TABLE programme_municipality (
    programme_id      VARCHAR(80) NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    municipality_code CHAR(4)     NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (programme_id, municipality_code)
);

CREATE TABLE programme_target (
    programme_id   VARCHAR(80)   NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    outcome        VARCHAR(30)   NOT NULL,
    change_percent DECIMAL(7, 2) NOT NULL,
    PRIMARY KEY (programme_id, outcome)
);

CREATE TABLE venue (
    id                VARCHAR(80)  NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    address           VARCHAR(300),
    municipality_code CHAR(4)      NOT NULL REFERENCES municipality (code)
);

CREATE TABLE venue_accessibility (
    venue_id VARCHAR(80) NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    feature  VARCHAR(30) NOT NULL,
    PRIMARY KEY (venue_id, feature)
);

CREATE TABLE activity (
    id                VARCHAR(80)    NOT NULL PRIMARY KEY,
    category          VARCHAR(40)    NOT NULL,
    focus_area        VARCHAR(30)    NOT NULL,
    municipality_code CHAR(4)        NOT NULL REFERENCES municipality (code),
    agreement_id      VARCHAR(80)    REFERENCES agreement (id),
    programme_id      VARCHAR(80)    REFERENCES programme (id),
    venue_id          VARCHAR(80)    REFERENCES venue (id),
    capacity          INTEGER,
    cost_sek          DECIMAL(15, 2)
);
CREATE INDEX activity_municipality ON activity (municipality_code, category);
CREATE INDEX activity_category ON activity (category);
CREATE INDEX activity_focus ON activity (focus_area);

CREATE TABLE activity_title (
    activity_id VARCHAR(80)  NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    lang        VARCHAR(3)   NOT NULL,
    content     VARCHAR(300) NOT NULL,
    PRIMARY KEY (activity_id, lang)
);

CREATE TABLE activity_description (
    activity_id VARCHAR(80)   NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    lang        VARCHAR(3)    NOT NULL,
    content     VARCHAR(4000) NOT NULL,
    PRIMARY KEY (activity_id, lang)
);

CREATE TABLE activity_language (
    activity_id VARCHAR(80) NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    lang        VARCHAR(3)  NOT NULL,
    PRIMARY KEY (activity_id, lang)
);
CREATE INDEX activity_language_lang ON activity_language (lang, activity_id);

CREATE TABLE activity_target_group (
    activity_id  VARCHAR(80)  NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    target_group VARCHAR(100) NOT NULL,
    PRIMARY KEY (activity_id, target_group)
);

CREATE TABLE activity_organiser (
    activity_id     VARCHAR(80) NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    organisation_id VARCHAR(80) NOT NULL REFERENCES organisation (id),
    ordinal         INTEGER     NOT NULL,
    PRIMARY KEY (activity_id, organisation_id)
);
CREATE INDEX activity_organiser_org ON activity_organiser (organisation_id);

CREATE TABLE occurrence (
    id          BIGINT      NOT NULL GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    activity_id VARCHAR(80) NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    starts_at   TIMESTAMP   NOT NULL,
    ends_at     TIMESTAMP   NOT NULL,
    status      VARCHAR(10) NOT NULL
);
CREATE INDEX occurrence_activity ON occurrence (activity_id, starts_at);
CREATE INDEX occurrence_start ON occurrence (starts_at, activity_id);

-- Free-text search: every word of every title and description, lower-cased and without diacritics,
-- so that a prefix search uses an index instead of scanning all text.
CREATE TABLE activity_token (
    activity_id VARCHAR(80) NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    token       VARCHAR(40) NOT NULL,
    PRIMARY KEY (token, activity_id)
);
CREATE INDEX activity_token_activity ON activity_token (activity_id);

-- Who changed what, when: one row per write.
CREATE TABLE audit_log (
    id        BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at TIMESTAMP   NOT NULL,
    actor     VARCHAR(100) NOT NULL,
    operation VARCHAR(10)  NOT NULL,
    kind      VARCHAR(30)  NOT NULL,
    record_id VARCHAR(80)  NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (kind, record_id);
