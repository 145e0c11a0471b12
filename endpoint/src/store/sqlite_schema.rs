//! The SQLite database as every connection opens it: the schema (submissions, counters, the
//! staff log) and the durability settings. Apart from the store ([`super::sqlite`]) and the
//! staff operations ([`super::staff`]), which both open connections, so that neither needs the
//! other to reach the database.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use super::StoreError;

/// The submissions and the counters (reference numbers, the rotation).
const SUBMISSIONS: &str = "
CREATE TABLE IF NOT EXISTS submissions (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    idempotency_key TEXT    NOT NULL UNIQUE,
    payload_sha256  TEXT    NOT NULL,
    received_at_ms  INTEGER NOT NULL,
    organisation    TEXT    NOT NULL,
    spam            INTEGER NOT NULL,
    payload         TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_received_at ON submissions (received_at_ms);
-- next_id: the next reference number (never reused, even after a purge);
-- turns: accepted non-spam submissions so far (the organisations' rotation).
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('next_id', 1), ('turns', 0);
";

/// The log table: when, which token's scope, what, which reference or how many rows. Never
/// a name, a contact or an answer.
const STAFF_LOG: &str = "
CREATE TABLE IF NOT EXISTS staff_log (
    id         INTEGER PRIMARY KEY,
    at_ms      INTEGER NOT NULL,
    scope      TEXT    NOT NULL,
    operation  TEXT    NOT NULL,
    reference  TEXT,
    rows       INTEGER
);
CREATE INDEX IF NOT EXISTS staff_log_at ON staff_log (at_ms);
";

/// Opens (and creates) the database with the durability settings every connection needs.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError(format!("create {}: {e}", dir.display())))?;
    }
    let conn = Connection::open(path)?;
    // Another process (`eer-endpoint purge`, an export) may hold the lock for a moment.
    conn.busy_timeout(Duration::from_secs(10))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError(format!("journal_mode is {mode}, expected wal")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch(SUBMISSIONS)?;
    conn.execute_batch(STAFF_LOG)?;
    Ok(conn)
}
