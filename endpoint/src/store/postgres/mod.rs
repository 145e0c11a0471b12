//! The PostgreSQL store: what runs where the endpoint has several instances (Lambda), with the
//! SQLite store's contract (see the [`super`] module):
//! - acknowledged only after commit: each submission is one transaction, answered after
//!   `COMMIT` returns; with `synchronous_commit` at its default (`on`) PostgreSQL returns only
//!   once the commit record is flushed, and [`PgStore::connect`] refuses a server where it is
//!   `off`;
//! - one record per `Idempotency-Key`: the UNIQUE constraint on `idempotency_key`, written
//!   with `INSERT … ON CONFLICT DO NOTHING` (no read-then-write race, between instances too);
//!   when nothing was inserted, the stored row gives the replay (same receipt) or `KeyReused`;
//! - the turn in the rotation ([`crate::assign`]) is decided in the same transaction: every
//!   submission first locks the one `rotation` row (`SELECT … FOR UPDATE`), so concurrent
//!   submissions, from any instance, take turns one after the other and never the same one.
//!   A transaction that fails rolls back its turn with it.
//!
//! Connections come from a deadpool pool (`EER_DATABASE_POOL_SIZE`); the schema is migrated by
//! refinery at start-up (migrations/), under an advisory lock so that instances starting
//! together do not race.

mod tls;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use tokio_postgres::Row;

pub use tls::connector;

use super::staff::LogEntry;
use super::{
    BoxFuture, ExportRow, ExportRows, NewSubmission, Outcome, Receipt, Record, Store, StoreError,
    rows,
};
use crate::assign::Organisation;

refinery::embed_migrations!("src/store/postgres/migrations");

/// How long a request waits for a free connection, or for a new one to open, before the store
/// gives up (503): longer than a commit under load, shorter than a client's patience.
const WAIT: Duration = Duration::from_secs(10);

/// Rows fetched per round trip by the export, and read ahead of a slow client.
const EXPORT_AHEAD: usize = 256;

/// Any number, the same in every instance: the advisory lock held while migrating.
const MIGRATION_LOCK: i64 = 0x0045_4552_5f6d_6967; // "EER_mig" in ASCII

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        match e.as_db_error() {
            Some(db) => StoreError(format!("postgres: {}: {}", db.code().code(), db.message())),
            None => StoreError(format!("postgres: {}", chain(&e))),
        }
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        StoreError(format!("postgres pool: {}", chain(&e)))
    }
}

/// An error and its causes: "error performing TLS handshake" alone does not say that the
/// certificate's issuer is unknown. (For the log only; clients never see store errors.)
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text = format!("{text}: {cause_text}");
        }
        source = cause.source();
    }
    text
}

pub struct PgStore {
    pool: Pool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/db?sslmode=require`, or the
    /// `key=value` form), with at most `pool_size` connections, and migrates the schema.
    pub async fn connect(
        url: &str,
        pool_size: usize,
        ca_file: Option<&Path>,
    ) -> Result<PgStore, StoreError> {
        let mut pg = tokio_postgres::Config::from_str(url)
            // The driver's message would quote the URL, password included.
            .map_err(|_| StoreError("EER_DATABASE_URL: not a PostgreSQL URL".into()))?;
        if pg.get_connect_timeout().is_none() {
            pg.connect_timeout(WAIT);
        }
        let manager = Manager::from_config(
            pg,
            connector(ca_file).map_err(StoreError)?,
            ManagerConfig {
                // Fast: a broken connection shows as a failed query (503) and is dropped; a
                // probe before each use would add a round trip to every submission.
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(pool_size.max(1))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(WAIT))
            .create_timeout(Some(WAIT))
            .build()
            .map_err(|e| StoreError(format!("postgres pool: {e}")))?;
        let store = PgStore { pool };
        store.migrate().await?;
        store.check_durability().await?;
        Ok(store)
    }

    async fn client(&self) -> Result<Object, StoreError> {
        Ok(self.pool.get().await?)
    }

    /// Applies the migrations not yet applied. Instances starting at once wait for each other
    /// on the advisory lock; the second finds nothing left to do.
    async fn migrate(&self) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        client
            .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        let migrated = migrations::runner().run_async(&mut **client).await;
        client
            .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
            .await?;
        migrated.map_err(|e| StoreError(format!("postgres migration: {e}")))?;
        Ok(())
    }

    /// With `synchronous_commit = off` a commit returns before it is on disk, and a crash
    /// loses forms already acknowledged: refuse such a server.
    async fn check_durability(&self) -> Result<(), StoreError> {
        let client = self.client().await?;
        let value: String = client
            .query_one("SHOW synchronous_commit", &[])
            .await?
            .get(0);
        if value == "off" {
            return Err(StoreError(
                "postgres: synchronous_commit is off: a crash would lose acknowledged forms; \
                 set it to on for this database (ALTER DATABASE … SET synchronous_commit = on)"
                    .into(),
            ));
        }
        Ok(())
    }

    async fn submit_one(&self, sub: NewSubmission) -> Result<Outcome, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // The lock: from here to COMMIT, no other submission can read the rotation.
        let lock = tx
            .prepare_cached("SELECT next_id, turns FROM rotation WHERE id = 1 FOR UPDATE")
            .await?;
        let turn = tx.query_one(&lock, &[]).await?;
        let (next_id, turns): (i64, i64) = (turn.get(0), turn.get(1));
        // Spam is answered with the organisation whose turn it is, but does not take the turn.
        let organisation = Organisation::for_turn(turns as u64);
        let reference = rows::reference(next_id);
        let insert = tx
            .prepare_cached(
                "INSERT INTO submissions (id, reference, idempotency_key, payload_sha256, received_at_ms, organisation, spam, payload)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (idempotency_key) DO NOTHING",
            )
            .await?;
        let inserted = tx
            .execute(
                &insert,
                &[
                    &next_id,
                    &reference,
                    &sub.key,
                    &sub.payload_sha256,
                    &sub.received_at_ms,
                    &organisation.code(),
                    &sub.spam,
                    &sub.payload,
                ],
            )
            .await?;
        if inserted == 0 {
            // The key was committed before (by this instance or another): answer from it.
            // Nothing was written; the rollback (on drop) releases the lock.
            return stored(&tx, &sub.key, &sub.payload_sha256)
                .await?
                .ok_or_else(|| StoreError("postgres: conflicting key not found".into()));
        }
        let advance = tx
            .prepare_cached("UPDATE rotation SET next_id = $1, turns = $2 WHERE id = 1")
            .await?;
        tx.execute(&advance, &[&(next_id + 1), &(turns + i64::from(!sub.spam))])
            .await?;
        tx.commit().await?;
        Ok(Outcome::Created(Receipt {
            reference,
            organisation,
            received_at_ms: sub.received_at_ms,
        }))
    }

    async fn export_rows(
        &self,
        organisation: Option<Organisation>,
    ) -> Result<ExportRows, StoreError> {
        // Taken here so that a database out of reach is a 503, not an empty file.
        let mut client = self.client().await?;
        let statement = client
            .prepare_cached(
                "SELECT reference, received_at_ms, organisation, spam, payload FROM submissions
                 WHERE $1::text IS NULL OR organisation = $1 ORDER BY id",
            )
            .await?;
        let (sender, receiver) = tokio::sync::mpsc::channel(EXPORT_AHEAD);
        tokio::spawn(async move {
            let result = async {
                // A portal read in slices: a large export never sits whole in memory, and one
                // snapshot (the transaction's) gives a consistent file.
                let tx = client.transaction().await?;
                let code = organisation.map(Organisation::code);
                let portal = tx.bind(&statement, &[&code]).await?;
                loop {
                    let slice = tx.query_portal(&portal, EXPORT_AHEAD as i32).await?;
                    if slice.is_empty() {
                        return Ok::<(), tokio_postgres::Error>(());
                    }
                    for row in slice {
                        // The client went away: stop reading.
                        if sender.send(Ok(read_row(&row))).await.is_err() {
                            return Ok(());
                        }
                    }
                }
            }
            .await;
            if let Err(e) = result {
                let e = StoreError::from(e);
                eprintln!("eer-endpoint: export stopped: {e}");
                let _ = sender.send(Err(e)).await;
            }
        });
        Ok(receiver)
    }

    async fn purge_before(&self, before_ms: i64) -> Result<usize, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // The log is kept no longer than the submissions it talks about.
        tx.execute("DELETE FROM staff_log WHERE at_ms < $1", &[&before_ms])
            .await?;
        let deleted = tx
            .execute(
                "DELETE FROM submissions WHERE received_at_ms < $1",
                &[&before_ms],
            )
            .await?;
        tx.commit().await?;
        Ok(deleted as usize)
    }

    /// A commit that writes no row: rewrites the rotation with its own values, so that the
    /// server must be writable (not a read replica) and flush a commit, as for a form.
    async fn probe(&self) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("UPDATE rotation SET turns = turns WHERE id = 1", &[])
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn record(&self, reference: &str) -> Result<Option<Record>, StoreError> {
        let client = self.client().await?;
        record(&client, reference, false).await
    }

    async fn erase_record(&self, reference: &str) -> Result<Option<Record>, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // FOR UPDATE: what is returned is what the DELETE removes.
        let found = record(&tx, reference, true).await?;
        if found.is_some() {
            tx.execute(
                "DELETE FROM submissions WHERE reference = $1",
                &[&reference],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(found)
    }

    async fn correct_payload(&self, reference: &str, payload: &str) -> Result<bool, StoreError> {
        let client = self.client().await?;
        let changed = client
            .execute(
                "UPDATE submissions SET payload = $2 WHERE reference = $1",
                &[&reference, &payload],
            )
            .await?;
        Ok(changed == 1)
    }

    async fn append_log(&self, entry: &LogEntry) -> Result<(), StoreError> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO staff_log (at_ms, scope, operation, reference, rows) VALUES ($1, $2, $3, $4, $5)",
                &[&entry.at_ms, &entry.scope, &entry.operation, &entry.reference, &entry.rows],
            )
            .await?;
        Ok(())
    }

    async fn read_log(&self) -> Result<Vec<LogEntry>, StoreError> {
        let client = self.client().await?;
        let lines = client
            .query(
                "SELECT at_ms, scope, operation, reference, rows FROM staff_log ORDER BY id",
                &[],
            )
            .await?;
        lines
            .iter()
            .map(|r| {
                Ok(LogEntry {
                    at_ms: r.try_get(0)?,
                    scope: r.try_get(1)?,
                    operation: r.try_get(2)?,
                    reference: r.try_get(3)?,
                    rows: r.try_get(4)?,
                })
            })
            .collect()
    }
}

/// `url` naming the database `name` instead (the path of a `postgres://` URL), its query
/// (`sslmode`…) kept: how the tests and the bench make a fresh database on one server.
pub fn url_with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let authority = base.find("://").map(|i| i + 3).unwrap_or(0);
    let server = match base[authority..].find('/') {
        Some(i) => &base[..authority + i],
        None => base,
    };
    if query.is_empty() {
        format!("{server}/{name}")
    } else {
        format!("{server}/{name}?{query}")
    }
}

/// The answer for a key already stored; `None` for a new key.
async fn stored(
    client: &impl GenericClient,
    key: &str,
    payload_sha256: &str,
) -> Result<Option<Outcome>, StoreError> {
    let statement = client
        .prepare_cached(
            "SELECT payload_sha256, reference, organisation, received_at_ms FROM submissions WHERE idempotency_key = $1",
        )
        .await?;
    let Some(row) = client.query_opt(&statement, &[&key]).await? else {
        return Ok(None);
    };
    rows::earlier(
        row.try_get(0)?,
        payload_sha256,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
    )
    .map(Some)
}

/// One submission by reference; `lock` holds its row until the transaction ends.
async fn record(
    client: &impl GenericClient,
    reference: &str,
    lock: bool,
) -> Result<Option<Record>, StoreError> {
    let sql = format!(
        "SELECT reference, received_at_ms, organisation, spam, payload FROM submissions WHERE reference = $1{}",
        if lock { " FOR UPDATE" } else { "" }
    );
    let Some(row) = client.query_opt(sql.as_str(), &[&reference]).await? else {
        return Ok(None);
    };
    rows::record(
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
    )
    .map(Some)
}

/// One export row, read leniently (see [`rows::export_row`]).
fn read_row(row: &Row) -> ExportRow {
    rows::export_row(
        row.try_get(0).ok(),
        row.try_get(1).ok(),
        row.try_get(2).ok(),
        row.try_get(3).ok(),
        row.try_get(4).ok(),
    )
}

impl Store for PgStore {
    fn submit(&self, submission: NewSubmission) -> BoxFuture<'_, Result<Outcome, StoreError>> {
        Box::pin(self.submit_one(submission))
    }

    fn export(
        &self,
        organisation: Option<Organisation>,
    ) -> BoxFuture<'_, Result<ExportRows, StoreError>> {
        Box::pin(self.export_rows(organisation))
    }

    fn purge(&self, before_ms: i64) -> BoxFuture<'_, Result<usize, StoreError>> {
        Box::pin(self.purge_before(before_ms))
    }

    fn find(
        &self,
        key: String,
        payload_sha256: String,
    ) -> BoxFuture<'_, Result<Option<Outcome>, StoreError>> {
        Box::pin(async move {
            let client = self.client().await?;
            stored(&client, &key, &payload_sha256).await
        })
    }

    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(self.probe())
    }

    fn by_reference(&self, reference: String) -> BoxFuture<'_, Result<Option<Record>, StoreError>> {
        Box::pin(async move { self.record(&reference).await })
    }

    fn erase(&self, reference: String) -> BoxFuture<'_, Result<Option<Record>, StoreError>> {
        Box::pin(async move { self.erase_record(&reference).await })
    }

    fn correct(
        &self,
        reference: String,
        payload: String,
    ) -> BoxFuture<'_, Result<bool, StoreError>> {
        Box::pin(async move { self.correct_payload(&reference, &payload).await })
    }

    fn log(&self, entry: LogEntry) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move { self.append_log(&entry).await })
    }

    fn log_entries(&self) -> BoxFuture<'_, Result<Vec<LogEntry>, StoreError>> {
        Box::pin(self.read_log())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_another_database() {
        assert_eq!(
            url_with_database("postgres://eer@127.0.0.1:5432/eer?sslmode=disable", "t1"),
            "postgres://eer@127.0.0.1:5432/t1?sslmode=disable"
        );
        assert_eq!(
            url_with_database("postgres://u:p@db.example", "t2"),
            "postgres://u:p@db.example/t2"
        );
    }
}
