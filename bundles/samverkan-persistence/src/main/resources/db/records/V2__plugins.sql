-- Samverkan schema, version 2: what plugins contributed, and the municipality facts plugins bring.

-- One row per plugin and record it contributed. The fingerprints tell a plugin's own change (contributed_hash
-- differs from what it brings now) from an edit made through the API (the stored record no longer has
-- stored_hash). A record a plugin created whose rows are all inactive belongs to uninstalled plugins: kept,
-- but inactive.
CREATE TABLE plugin_contribution (
    plugin            VARCHAR(120) NOT NULL,
    kind              VARCHAR(30)  NOT NULL,
    record_id         VARCHAR(80)  NOT NULL,
    contributed_hash  VARCHAR(64)  NOT NULL,
    stored_hash       VARCHAR(64)  NOT NULL,
    -- The plugin created the record (not found it there): only then does its going make the record inactive.
    owner             BOOLEAN      NOT NULL,
    active            BOOLEAN      NOT NULL,
    PRIMARY KEY (plugin, kind, record_id)
);

CREATE INDEX plugin_contribution_record ON plugin_contribution (kind, record_id);

CREATE TABLE municipality_language (
    municipality_code CHAR(4)     NOT NULL REFERENCES municipality (code) ON DELETE CASCADE,
    position          INTEGER     NOT NULL,
    language          VARCHAR(3)  NOT NULL,
    -- Not keyed by position: reordering updates positions one row at a time.
    PRIMARY KEY (municipality_code, language)
);

CREATE TABLE municipality_setting (
    municipality_code CHAR(4)       NOT NULL REFERENCES municipality (code) ON DELETE CASCADE,
    name              VARCHAR(100)  NOT NULL,
    setting_value     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (municipality_code, name)
);
