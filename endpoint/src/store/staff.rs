//! What the staff operations need from SQLite: one submission by reference, its erasure, and
//! the log of staff operations. Rare operations: each opens its own connection (as
//! `eer-endpoint purge` does from another process) instead of going through the group-commit
//! writer; SQLite's lock and busy timeout order them with the writer.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Record, StoreError};

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    pub at_ms: i64,
    /// `admin` or the organisation's code.
    pub scope: String,
    /// `access`, `deletion`, `export`.
    pub operation: String,
    pub reference: Option<String>,
    pub rows: Option<i64>,
}

fn record(conn: &Connection, reference: &str) -> Result<Option<Record>, StoreError> {
    let row = conn
        .query_row(
            "SELECT reference, received_at_ms, organisation, spam, payload FROM submissions WHERE reference = ?1",
            [reference],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, String>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((reference, received_at_ms, organisation, spam, payload)) = row else {
        return Ok(None);
    };
    super::rows::record(reference, received_at_ms, &organisation, spam, &payload).map(Some)
}

/// One submission by its reference.
pub(crate) fn by_reference(path: &Path, reference: &str) -> Result<Option<Record>, StoreError> {
    record(&super::sqlite_schema::open(path)?, reference)
}

/// Erases one submission for good (a `DELETE`, no flag that would keep the data), returning
/// what was erased; `None` when there was nothing (already erased, or never there).
pub(crate) fn erase(path: &Path, reference: &str) -> Result<Option<Record>, StoreError> {
    let mut conn = super::sqlite_schema::open(path)?;
    let tx = conn.transaction()?;
    let found = record(&tx, reference)?;
    if found.is_some() {
        tx.execute("DELETE FROM submissions WHERE reference = ?1", [reference])?;
    }
    tx.commit()?;
    Ok(found)
}

/// Replaces the stored form of one submission (a correction): the previous values are not
/// kept anywhere. `false` when there is no such submission.
pub(crate) fn correct(path: &Path, reference: &str, payload: &str) -> Result<bool, StoreError> {
    let changed = super::sqlite_schema::open(path)?.execute(
        "UPDATE submissions SET payload = ?2 WHERE reference = ?1",
        params![reference, payload],
    )?;
    Ok(changed == 1)
}

pub(crate) fn log(path: &Path, entry: &LogEntry) -> Result<(), StoreError> {
    super::sqlite_schema::open(path)?.execute(
        "INSERT INTO staff_log (at_ms, scope, operation, reference, rows) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![entry.at_ms, entry.scope, entry.operation, entry.reference, entry.rows],
    )?;
    Ok(())
}

pub(crate) fn log_entries(path: &Path) -> Result<Vec<LogEntry>, StoreError> {
    let conn = super::sqlite_schema::open(path)?;
    let mut stmt =
        conn.prepare("SELECT at_ms, scope, operation, reference, rows FROM staff_log ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(LogEntry {
            at_ms: r.get(0)?,
            scope: r.get(1)?,
            operation: r.get(2)?,
            reference: r.get(3)?,
            rows: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The log is kept no longer than the submissions it talks about.
pub(crate) fn purge_log(conn: &Connection, before_ms: i64) -> Result<usize, StoreError> {
    Ok(conn.execute("DELETE FROM staff_log WHERE at_ms < ?1", [before_ms])?)
}
