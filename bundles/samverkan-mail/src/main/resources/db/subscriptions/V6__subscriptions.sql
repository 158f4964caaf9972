-- Subscriptions by e-mail and the activity change log, version 6 (cut from the platform's version 6, whose name
-- it keeps so that a database from before the concerns owned their tables knows it as applied).

-- One row per consent. The address is personal data and kept only while needed (see README); filters are
-- comma-separated lists (empty: any). filter_key is the filter in one canonical text, so that one address has
-- at most one pending or confirmed subscription per filter.
CREATE TABLE subscription (
    id                 BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email              VARCHAR(320)  NOT NULL,
    language           VARCHAR(8)    NOT NULL,
    municipalities     VARCHAR(2000) NOT NULL,
    languages          VARCHAR(2000) NOT NULL,
    categories         VARCHAR(2000) NOT NULL,
    filter_key         VARCHAR(4000) NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    requested_at       TIMESTAMP     NOT NULL,
    requested_from     VARCHAR(200)  NOT NULL,
    confirmed_at       TIMESTAMP,
    confirmed_from     VARCHAR(200),
    unsubscribed_at    TIMESTAMP,
    unsubscribed_from  VARCHAR(200),
    last_digest_at     TIMESTAMP
);

CREATE INDEX subscription_address ON subscription (email, state);
CREATE INDEX subscription_state ON subscription (state, id);

-- Confirmation and unsubscribe tokens, only as SHA-256 hashes: the token itself is in the recipient's mail alone.
CREATE TABLE subscription_token (
    token_hash       CHAR(64)     NOT NULL PRIMARY KEY,
    subscription_id  BIGINT       NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    purpose          VARCHAR(20)  NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    expires_at       TIMESTAMP
);

CREATE INDEX subscription_token_owner ON subscription_token (subscription_id);

-- Written in the same transaction as each activity change: new activities (for the digests), moved and
-- cancelled sessions (for the notices). notices_queued_at is set once every notice of the change is queued.
CREATE TABLE activity_change (
    id                 BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id        VARCHAR(80)  NOT NULL,
    occurrence_id      BIGINT,
    kind               VARCHAR(20)  NOT NULL,
    previous_start     TIMESTAMP,
    new_start          TIMESTAMP,
    previous_venue_id  VARCHAR(80),
    changed_at         TIMESTAMP    NOT NULL,
    notices_queued_at  TIMESTAMP
);

CREATE INDEX activity_change_notices ON activity_change (notices_queued_at, kind, id);
CREATE INDEX activity_change_created ON activity_change (kind, changed_at);

-- The weeks whose digest run was done, so that a schedule checked every minute runs each week once.
CREATE TABLE digest_run (
    week     VARCHAR(10) NOT NULL PRIMARY KEY,
    ran_at   TIMESTAMP   NOT NULL
);
