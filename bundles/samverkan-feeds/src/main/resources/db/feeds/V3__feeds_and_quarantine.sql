-- Calendar feeds, version 3 (cut from the platform's version 3, "feeds and quarantine", whose name it keeps so
-- that a database from before the concerns owned their tables knows it as applied).

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
