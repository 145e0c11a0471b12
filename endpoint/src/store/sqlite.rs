//! The SQLite store, with group commit.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit returns only after the write-ahead log
//! is fsynced; a submission is answered only after the commit that holds it.
//!
//! Throughput: an fsync costs about as much as thousands of inserts, so submissions are
//! committed in groups (group commit): one writer at a time takes every submission waiting in
//! the queue, commits them in one transaction, then answers each of them. Under a burst,
//! batches grow by themselves; when idle, a lone submission is committed at once (no timer, no
//! added latency). Each submission runs inside a savepoint, so one failing insert cannot sink
//! its neighbours.
//!
//! The writer is a drain started on Tokio's blocking pool when work arrives and nobody is
//! draining, not a thread parked waiting for work: measured under a loaded machine, waking a
//! dedicated thread added a few milliseconds to lone submissions that the blocking pool did not.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use tokio::sync::oneshot;

use super::sqlite_schema::open;
use super::staff::LogEntry;
use super::{
    BoxFuture, ExportRow, ExportRows, NewSubmission, Outcome, Receipt, Record, Store, StoreError,
};
use crate::assign::Organisation;

/// The largest batch in one transaction: bounds the time a commit holds the write lock.
pub const MAX_BATCH: usize = 1024;

/// The database file as it was when the store opened it. If the file is deleted (its data
/// directory removed, say) SQLite keeps writing into the unlinked inode, and every form
/// acknowledged from then on is lost at the next restart; if it is replaced, the writer still
/// writes into the old one. So before each commit the store checks that the path still names
/// the same file, and refuses (503) when it does not.
#[derive(Debug, Clone)]
pub(crate) struct FileGuard {
    path: PathBuf,
    identity: Option<(u64, u64)>,
}

impl FileGuard {
    pub(crate) fn new(path: &Path) -> Result<FileGuard, StoreError> {
        let identity =
            identity(path).map_err(|e| StoreError(format!("stat {}: {e}", path.display())))?;
        Ok(FileGuard {
            path: path.to_path_buf(),
            identity,
        })
    }

    pub(crate) fn check(&self) -> Result<(), StoreError> {
        match identity(&self.path) {
            Ok(now) if now == self.identity => Ok(()),
            Ok(_) => Err(StoreError(format!(
                "{} was replaced by another file; restart the server to use it",
                self.path.display()
            ))),
            Err(e) => Err(StoreError(format!(
                "{} is gone ({e}); restore it and restart the server",
                self.path.display()
            ))),
        }
    }
}

/// Device and inode (Unix); `None` elsewhere, where only the file's existence is checked.
fn identity(path: &Path) -> std::io::Result<Option<(u64, u64)>> {
    let meta = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(Some((meta.dev(), meta.ino())))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Ok(None)
    }
}

/// A commit that writes no row: rewrites one counter with its own value, so that the
/// write-ahead log gets a frame and an fsync (a full disk or an I/O error shows here as it
/// would for a form).
pub(crate) fn probe(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.prepare_cached("UPDATE counters SET value = value WHERE name = 'turns'")?
        .execute([])?;
    tx.commit()?;
    Ok(())
}

#[derive(Debug, Clone, Copy)]
struct Counters {
    next_id: i64,
    turns: i64,
}

impl Counters {
    fn load(conn: &Connection) -> Result<Counters, StoreError> {
        let get = |name: &str| -> Result<i64, StoreError> {
            Ok(conn
                .prepare_cached("SELECT value FROM counters WHERE name = ?1")?
                .query_row([name], |r| r.get(0))?)
        };
        Ok(Counters {
            next_id: get("next_id")?,
            turns: get("turns")?,
        })
    }

    fn save(&self, conn: &Connection) -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached("UPDATE counters SET value = ?2 WHERE name = ?1")?;
        stmt.execute(params!["next_id", self.next_id])?;
        stmt.execute(params!["turns", self.turns])?;
        Ok(())
    }
}

/// The answer for a key already stored: the first receipt when the payload is the same, a
/// refusal when it differs; `None` for a new key.
fn stored(
    conn: &Connection,
    key: &str,
    payload_sha256: &str,
) -> Result<Option<Outcome>, StoreError> {
    let existing = conn
        .prepare_cached(
            "SELECT payload_sha256, reference, organisation, received_at_ms FROM submissions WHERE idempotency_key = ?1",
        )?
        .query_row([key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?)))
        .optional()?;
    let Some((hash, reference, organisation, received_at_ms)) = existing else {
        return Ok(None);
    };
    super::rows::earlier(
        &hash,
        payload_sha256,
        reference,
        &organisation,
        received_at_ms,
    )
    .map(Some)
}

/// [`stored`] with a read-only connection of its own (never waits for the writer).
pub(crate) fn find(
    path: &Path,
    key: &str,
    payload_sha256: &str,
) -> Result<Option<Outcome>, StoreError> {
    stored(&open_reader(path)?, key, payload_sha256)
}

/// One submission inside an open transaction: find its key, or insert it with its reference
/// and organisation.
fn apply(
    conn: &Connection,
    counters: &mut Counters,
    sub: &NewSubmission,
) -> Result<Outcome, StoreError> {
    if let Some(outcome) = stored(conn, &sub.key, &sub.payload_sha256)? {
        return Ok(outcome);
    }
    // Spam is answered with the organisation whose turn it is, but does not take the turn.
    let organisation = Organisation::for_turn(counters.turns as u64);
    let reference = super::rows::reference(counters.next_id);
    conn.prepare_cached(
        "INSERT INTO submissions (id, reference, idempotency_key, payload_sha256, received_at_ms, organisation, spam, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        counters.next_id,
        reference,
        sub.key,
        sub.payload_sha256,
        sub.received_at_ms,
        organisation.code(),
        sub.spam,
        sub.payload
    ])?;
    counters.next_id += 1;
    if !sub.spam {
        counters.turns += 1;
    }
    Ok(Outcome::Created(Receipt {
        reference,
        organisation,
        received_at_ms: sub.received_at_ms,
    }))
}

/// Commits `subs` in one transaction. The outer error means nothing was committed.
pub(crate) fn commit_batch(
    conn: &mut Connection,
    subs: &[&NewSubmission],
) -> Result<Vec<Result<Outcome, StoreError>>, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut counters = Counters::load(&tx)?;
    let mut outcomes = Vec::with_capacity(subs.len());
    for sub in subs {
        let before = counters;
        tx.prepare_cached("SAVEPOINT one")?.execute([])?;
        match apply(&tx, &mut counters, sub) {
            Ok(outcome) => {
                tx.prepare_cached("RELEASE one")?.execute([])?;
                outcomes.push(Ok(outcome));
            }
            Err(e) => {
                counters = before;
                tx.execute_batch("ROLLBACK TO one; RELEASE one")?;
                outcomes.push(Err(e));
            }
        }
    }
    counters.save(&tx)?;
    tx.commit()?;
    Ok(outcomes)
}

pub(crate) fn purge(conn: &Connection, before_ms: i64) -> Result<usize, StoreError> {
    super::staff::purge_log(conn, before_ms)?;
    Ok(conn.execute(
        "DELETE FROM submissions WHERE received_at_ms < ?1",
        [before_ms],
    )?)
}

/// A read-only connection: the export never takes the write lock (WAL readers do not block the
/// writer, nor the writer them).
fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(10))?;
    Ok(conn)
}

const EXPORT_SQL: &str =
    "SELECT reference, received_at_ms, organisation, spam, payload FROM submissions
     WHERE ?1 IS NULL OR organisation = ?1 ORDER BY id";

/// Rows read ahead of a slow client: enough to keep the pipe full, little memory.
const EXPORT_AHEAD: usize = 256;

/// Starts reading every record with a connection of its own, on the blocking pool; the rows
/// arrive through the returned channel as they are read. `Err` when the read cannot start.
pub(crate) async fn export(
    path: PathBuf,
    organisation: Option<Organisation>,
) -> Result<ExportRows, StoreError> {
    let (started, start) = oneshot::channel();
    let (rows, receiver) = tokio::sync::mpsc::channel(EXPORT_AHEAD);
    tokio::task::spawn_blocking(move || export_rows(&path, organisation, started, &rows));
    start
        .await
        .map_err(|_| StoreError("export task stopped".into()))??;
    Ok(receiver)
}

fn export_rows(
    path: &Path,
    organisation: Option<Organisation>,
    started: oneshot::Sender<Result<(), StoreError>>,
    rows: &tokio::sync::mpsc::Sender<Result<ExportRow, StoreError>>,
) {
    let prepared = open_reader(path).and_then(|conn| {
        // Checked here so that a failed start is a 503, not an empty file.
        conn.prepare_cached(EXPORT_SQL)?;
        Ok(conn)
    });
    let conn = match prepared {
        Ok(conn) => conn,
        Err(e) => {
            let _ = started.send(Err(e));
            return;
        }
    };
    let _ = started.send(Ok(()));
    let result = (|| -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached(EXPORT_SQL)?;
        let mut query = stmt.query([organisation.map(Organisation::code)])?;
        while let Some(row) = query.next()? {
            // The client went away: stop reading.
            if rows.blocking_send(Ok(read_row(row))).is_err() {
                return Ok(());
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        eprintln!("eer-endpoint: export stopped: {e}");
        let _ = rows.blocking_send(Err(e));
    }
}

/// One row, read leniently: a part that cannot be read is named, not fatal.
fn read_row(row: &rusqlite::Row<'_>) -> ExportRow {
    super::rows::export_row(
        row.get(0).ok(),
        row.get(1).ok(),
        row.get(2).ok(),
        row.get(3).ok(),
        row.get(4).ok(),
    )
}

/// [`find`] on the blocking pool.
pub(crate) async fn find_blocking(
    path: PathBuf,
    key: String,
    payload_sha256: String,
) -> Result<Option<Outcome>, StoreError> {
    tokio::task::spawn_blocking(move || find(&path, &key, &payload_sha256))
        .await
        .map_err(|e| StoreError(format!("find task: {e}")))?
}

/// Where the writer sends one answer.
type Reply<T> = oneshot::Sender<Result<T, StoreError>>;

/// What the writer has to do, in arrival order.
#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    /// A drain is running (on the blocking pool) and will see every job pushed meanwhile.
    draining: bool,
}

enum Job {
    Submit(Box<NewSubmission>, Reply<Outcome>),
    Purge(i64, Reply<usize>),
    /// Answered by the next commit: the batch's own when there is one, else a probe.
    Check(Reply<()>),
}

struct Shared {
    file: FileGuard,
    queue: Mutex<Queue>,
    /// Only the drain holds it; the mutex is never contended.
    conn: Mutex<Connection>,
}

/// The production store: one writer at a time, group commit.
///
/// The writer is not a thread waiting for work but a drain started on Tokio's blocking pool
/// when work arrives and nobody is draining: it takes everything queued (up to [`MAX_BATCH`]),
/// commits it, answers, and goes on until the queue is empty. A lone submission is committed at
/// once; a burst is committed in large batches.
pub struct SqliteStore {
    path: PathBuf,
    shared: Arc<Shared>,
}

impl SqliteStore {
    /// Opens the database at `path`.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = open(path)?;
        let shared = Arc::new(Shared {
            file: FileGuard::new(path)?,
            queue: Mutex::default(),
            conn: Mutex::new(conn),
        });
        Ok(SqliteStore {
            path: path.to_path_buf(),
            shared,
        })
    }

    fn push(&self, job: Job) {
        let start = {
            let mut queue = self.shared.queue.lock().unwrap_or_else(|p| p.into_inner());
            queue.jobs.push_back(job);
            !std::mem::replace(&mut queue.draining, true)
        };
        if start {
            let shared = self.shared.clone();
            tokio::task::spawn_blocking(move || drain(&shared));
        }
    }
}

/// Commits what is queued, batch after batch, until the queue is empty.
fn drain(shared: &Shared) {
    // If a commit panics, the next submission must still find someone to drain.
    struct Reset<'a>(&'a Shared);
    impl Drop for Reset<'_> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                self.0
                    .queue
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .draining = false;
            }
        }
    }
    let _reset = Reset(shared);
    let mut conn = shared.conn.lock().unwrap_or_else(|p| p.into_inner());
    let mut batch: Vec<(Box<NewSubmission>, Reply<Outcome>)> = Vec::new();
    let mut checks: Vec<Reply<()>> = Vec::new();
    loop {
        {
            let mut queue = shared.queue.lock().unwrap_or_else(|p| p.into_inner());
            while batch.len() < MAX_BATCH {
                match queue.jobs.pop_front() {
                    Some(Job::Submit(sub, reply)) => batch.push((sub, reply)),
                    Some(Job::Purge(before_ms, reply)) => {
                        // Rare and quick; done in order, between batches.
                        let result = shared.file.check().and_then(|()| purge(&conn, before_ms));
                        let _ = reply.send(result);
                    }
                    Some(Job::Check(reply)) => checks.push(reply),
                    None => break,
                }
            }
            if batch.is_empty() && checks.is_empty() {
                queue.draining = false;
                return;
            }
        }
        // Never write into a file that is no longer the database (see FileGuard).
        let committed = match shared.file.check() {
            Err(e) => Err(e),
            Ok(()) if batch.is_empty() => probe(&mut conn),
            Ok(()) => {
                let subs: Vec<&NewSubmission> = batch.iter().map(|(s, _)| s.as_ref()).collect();
                commit_batch(&mut conn, &subs).map(|outcomes| {
                    for ((_, reply), outcome) in batch.drain(..).zip(outcomes) {
                        let _ = reply.send(outcome);
                    }
                })
            }
        };
        if let Err(e) = &committed {
            eprintln!(
                "eer-endpoint: commit failed ({} submissions, {} health checks): {e}",
                batch.len(),
                checks.len()
            );
            for (_, reply) in batch.drain(..) {
                let _ = reply.send(Err(StoreError("commit failed".into())));
            }
        }
        for reply in checks.drain(..) {
            let _ = reply.send(
                committed
                    .as_ref()
                    .map(|_| ())
                    .map_err(|e| StoreError(e.0.clone())),
            );
        }
    }
}

impl Store for SqliteStore {
    fn submit(&self, submission: NewSubmission) -> BoxFuture<'_, Result<Outcome, StoreError>> {
        Box::pin(async move {
            let (reply, answer) = oneshot::channel();
            self.push(Job::Submit(Box::new(submission), reply));
            answer
                .await
                .map_err(|_| StoreError("writer stopped".into()))?
        })
    }

    fn export(
        &self,
        organisation: Option<Organisation>,
    ) -> BoxFuture<'_, Result<ExportRows, StoreError>> {
        Box::pin(export(self.path.clone(), organisation))
    }

    fn by_reference(&self, reference: String) -> BoxFuture<'_, Result<Option<Record>, StoreError>> {
        let path = self.path.clone();
        blocking(move || super::staff::by_reference(&path, &reference))
    }

    fn erase(&self, reference: String) -> BoxFuture<'_, Result<Option<Record>, StoreError>> {
        let path = self.path.clone();
        blocking(move || super::staff::erase(&path, &reference))
    }

    fn correct(
        &self,
        reference: String,
        payload: String,
    ) -> BoxFuture<'_, Result<bool, StoreError>> {
        let path = self.path.clone();
        blocking(move || super::staff::correct(&path, &reference, &payload))
    }

    fn log(&self, entry: LogEntry) -> BoxFuture<'_, Result<(), StoreError>> {
        let path = self.path.clone();
        blocking(move || super::staff::log(&path, &entry))
    }

    fn log_entries(&self) -> BoxFuture<'_, Result<Vec<LogEntry>, StoreError>> {
        let path = self.path.clone();
        blocking(move || super::staff::log_entries(&path))
    }

    fn purge(&self, before_ms: i64) -> BoxFuture<'_, Result<usize, StoreError>> {
        Box::pin(async move {
            let (reply, answer) = oneshot::channel();
            self.push(Job::Purge(before_ms, reply));
            answer
                .await
                .map_err(|_| StoreError("writer stopped".into()))?
        })
    }

    fn find(
        &self,
        key: String,
        payload_sha256: String,
    ) -> BoxFuture<'_, Result<Option<Outcome>, StoreError>> {
        Box::pin(find_blocking(self.path.clone(), key, payload_sha256))
    }

    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move {
            let (reply, answer) = oneshot::channel();
            self.push(Job::Check(reply));
            answer
                .await
                .map_err(|_| StoreError("writer stopped".into()))?
        })
    }
}

/// Runs a staff operation on the blocking pool.
fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> BoxFuture<'static, Result<T, StoreError>> {
    Box::pin(async move {
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| StoreError(format!("staff task: {e}")))?
    })
}
