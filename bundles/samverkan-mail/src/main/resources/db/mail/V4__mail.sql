-- Samverkan schema, version 4: the durable queue of outgoing mail.

-- One row per message. The idempotency key is unique: queuing the same key again is the same message. The
-- sender claims a row (QUEUED -> SENDING) before it talks to the SMTP server and marks it SENT, or QUEUED with
-- a later next_attempt_at, or DEAD after the configured attempts.
CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key  VARCHAR(200)  NOT NULL,
    recipient        VARCHAR(320)  NOT NULL,
    subject          VARCHAR(1000) NOT NULL,
    body_text        CLOB          NOT NULL,
    body_html        CLOB          NOT NULL,
    unsubscribe_url  VARCHAR(2000),
    language         VARCHAR(35),
    state            VARCHAR(20)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP,
    last_error       VARCHAR(2000),
    queued_at        TIMESTAMP     NOT NULL,
    sent_at          TIMESTAMP,
    CONSTRAINT mail_outbox_key UNIQUE (idempotency_key)
);

CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
