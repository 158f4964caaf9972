-- Samverkan schema, version 3: calendar feeds and the quarantine of items imports could not take.

-- One row per configured feed that has been read at least once: the source's validators for the next
-- conditional request and the outcome of the last read. The feed's settings live in its .cfg file.
CREATE TABLE calendar_feed (
    id              VARCHAR(80)   NOT NULL PRIMARY KEY,
    etag            VARCHAR(300),
    last_modified   VARCHAR(100),
    last_sync       TIMESTAMP,
    last_success    TIMESTAMP,
    last_error      VARCHAR(2000),
    created_count   INTEGER       NOT NULL,
    updated_count   INTEGER       NOT NULL,
    unchanged_count INTEGER       NOT NULL,
    removed_count   INTEGER       NOT NULL,
    rejected_count  INTEGER       NOT NULL
);

-- Which activity each event of a feed became, keyed by the event's UID.
CREATE TABLE calendar_event (
    feed_id      VARCHAR(80)   NOT NULL,
    uid          VARCHAR(1000) NOT NULL,
    activity_id  VARCHAR(80)   NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    removed      BOOLEAN       NOT NULL,
    PRIMARY KEY (feed_id, uid)
);

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
