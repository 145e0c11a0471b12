//! Storage of submissions, behind the [`Store`] trait: SQLite on one machine, PostgreSQL where
//! the endpoint runs as several instances (Lambda). [`open`] picks one from the configuration.
//!
//! The contract every store keeps:
//! - a submission is answered only once it is durable (committed);
//! - one record per `Idempotency-Key`: a replay with the same payload returns the first
//!   receipt, a replay with another payload is refused;
//! - each new non-spam submission takes the next turn in the organisations' rotation
//!   ([`crate::assign`]), inside the same transaction as its insert.
//!
//! Two SQLite stores share one schema and one transaction body ([`sqlite::apply`]): the real one
//! ([`sqlite::SqliteStore`], group commit) and a naive one ([`naive::NaiveStore`], one
//! transaction per request) that the benchmark runs beside it. The PostgreSQL store
//! ([`postgres::PgStore`]) keeps the same contract with a unique constraint and a row lock.

pub mod naive;
pub mod postgres;
mod rows;
pub mod sqlite;
mod sqlite_schema;
pub mod staff;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use eer_domain::interest::Interest;

use crate::assign::Organisation;

/// The store the configuration names: PostgreSQL when `EER_DATABASE_URL` is set (pool of
/// `EER_DATABASE_POOL_SIZE` connections, schema migrated now), else the SQLite file in the data
/// directory. The one place that chooses, for the server, the purge, the staff commands and
/// Lambda.
pub async fn open(config: &crate::config::Config) -> Result<Arc<dyn Store>, String> {
    match &config.database_url {
        Some(url) => {
            let store = postgres::PgStore::connect(
                url,
                config.database_pool_size,
                config.database_ca_file.as_deref(),
            )
            .await
            .map_err(|e| e.to_string())?;
            Ok(Arc::new(store))
        }
        None => {
            let store =
                sqlite::SqliteStore::open(&config.database_path()).map_err(|e| e.to_string())?;
            Ok(Arc::new(store))
        }
    }
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A validated, normalised submission on its way to the store.
#[derive(Debug, Clone)]
pub struct NewSubmission {
    pub key: String,
    /// The normalised form as JSON: what is stored (serialised before it reaches the store,
    /// so that the single writer does not have to).
    pub payload: String,
    /// SHA-256 (hex) of `payload`, to tell a replay from a reused key.
    pub payload_sha256: String,
    pub form: Interest,
    pub spam: bool,
    pub received_at_ms: i64,
}

/// What the person is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub reference: String,
    pub organisation: Organisation,
    pub received_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored now (201).
    Created(Receipt),
    /// Stored before under this key with the same payload (200, same receipt).
    Replayed(Receipt),
    /// The key was used with another payload (422).
    KeyReused,
}

/// A stored submission, for the export.
#[derive(Debug, Clone)]
pub struct Record {
    pub reference: String,
    pub received_at_ms: i64,
    pub organisation: Organisation,
    pub spam: bool,
    pub form: Interest,
}

/// One row of the export: a record, or what could be read of a row that could not (a damaged
/// payload, an unknown organisation code): the export goes on and flags it.
// Nearly every row is a `Record`: boxing it would cost an allocation per row for the rare other.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum ExportRow {
    Record(Record),
    Unreadable(Unreadable),
}

/// The parts of a row that could be read, and the names of those that could not.
#[derive(Debug, Clone, Default)]
pub struct Unreadable {
    pub reference: Option<String>,
    pub received_at_ms: Option<i64>,
    pub organisation: Option<String>,
    pub spam: Option<bool>,
    /// Column names: `reference`, `received_at`, `organisation`, `spam`, `form`.
    pub parts: Vec<&'static str>,
}

/// The rows of an export, oldest first, as the store reads them. An `Err` ends it: the store
/// failed midway.
pub type ExportRows = tokio::sync::mpsc::Receiver<Result<ExportRow, StoreError>>;

/// The store failed (disk, database locked too long, writer gone). Never shown to clients.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(format!("sqlite: {e}"))
    }
}

pub trait Store: Send + Sync + 'static {
    /// Stores `submission` durably, or finds its earlier copy.
    fn submit(&self, submission: NewSubmission) -> BoxFuture<'_, Result<Outcome, StoreError>>;
    /// Every stored submission, oldest first; only one organisation's when asked. `Err` when
    /// the export cannot start; the rows then arrive as they are read.
    fn export(
        &self,
        organisation: Option<Organisation>,
    ) -> BoxFuture<'_, Result<ExportRows, StoreError>>;
    /// Deletes submissions (and staff log lines) older than `before_ms`; returns how many
    /// submissions.
    fn purge(&self, before_ms: i64) -> BoxFuture<'_, Result<usize, StoreError>>;

    /// What submitting this key with this payload would answer if it is already stored
    /// (`Replayed` or `KeyReused`), read without writing; `None` for a new key. Lets an address
    /// out of allowance still get its replays answered.
    fn find(
        &self,
        key: String,
        payload_sha256: String,
    ) -> BoxFuture<'_, Result<Option<Outcome>, StoreError>>;
    /// `Ok` when a submission arriving now could be committed (for `/api/health`): the store
    /// still writes where it was opened and a commit succeeds; no row is written.
    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>>;

    // The staff operations (src/staff/). A store without them answers "unsupported", and
    // the staff routes then answer 503.
    /// One submission by reference.
    fn by_reference(
        &self,
        _reference: String,
    ) -> BoxFuture<'_, Result<Option<Record>, StoreError>> {
        unsupported()
    }
    /// Erases one submission for good; what was erased, or `None` if nothing was there.
    fn erase(&self, _reference: String) -> BoxFuture<'_, Result<Option<Record>, StoreError>> {
        unsupported()
    }
    /// Replaces the stored form (JSON) of one submission; `false` if there is none.
    fn correct(
        &self,
        _reference: String,
        _payload: String,
    ) -> BoxFuture<'_, Result<bool, StoreError>> {
        unsupported()
    }
    /// Appends one line to the staff log.
    fn log(&self, _entry: staff::LogEntry) -> BoxFuture<'_, Result<(), StoreError>> {
        unsupported()
    }
    /// The staff log, oldest first.
    fn log_entries(&self) -> BoxFuture<'_, Result<Vec<staff::LogEntry>, StoreError>> {
        unsupported()
    }
}

fn unsupported<T: Send + 'static>() -> BoxFuture<'static, Result<T, StoreError>> {
    Box::pin(async { Err(StoreError("unsupported by this store".into())) })
}
