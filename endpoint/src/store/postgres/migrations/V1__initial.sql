-- The PostgreSQL store's schema (src/store/postgres/mod.rs), version 1: the same tables as
-- SQLite's (src/store/sqlite.rs, src/store/staff.rs). Applied once by refinery, which records
-- it in refinery_schema_history; never edit a released migration, add V2__….sql instead.

-- One row per submission. The UNIQUE constraint on idempotency_key is what makes "one record
-- per Idempotency-Key" hold between concurrent requests and between instances.
CREATE TABLE submissions (
    id              BIGINT  PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    idempotency_key TEXT    NOT NULL UNIQUE,
    payload_sha256  TEXT    NOT NULL,
    received_at_ms  BIGINT  NOT NULL,
    organisation    TEXT    NOT NULL,
    spam            BOOLEAN NOT NULL,
    -- The normalised form as JSON text (not jsonb): stored as received, so that a damaged row
    -- is flagged by the export instead of refused by the database.
    payload         TEXT    NOT NULL
);
CREATE INDEX submissions_received_at ON submissions (received_at_ms);
CREATE INDEX submissions_organisation ON submissions (organisation, id);

-- The rotation: one row, locked (SELECT … FOR UPDATE) by every submission for the length of
-- its transaction, so that no two submissions take the same turn or the same reference.
-- next_id: the next reference number (never reused, even after a purge);
-- turns: accepted non-spam submissions so far.
CREATE TABLE rotation (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    next_id BIGINT   NOT NULL,
    turns   BIGINT   NOT NULL
);
INSERT INTO rotation (id, next_id, turns) VALUES (1, 1, 0);

-- The staff log: when, which token's scope, what, which reference or how many rows. Never a
-- name, a contact or an answer.
CREATE TABLE staff_log (
    id        BIGSERIAL PRIMARY KEY,
    at_ms     BIGINT    NOT NULL,
    scope     TEXT      NOT NULL,
    operation TEXT      NOT NULL,
    reference TEXT,
    rows      BIGINT
);
CREATE INDEX staff_log_at ON staff_log (at_ms);
