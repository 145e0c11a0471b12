//! The naive store: one transaction (so one fsync) per request, behind a mutex. Same schema
//! and same transaction body as [`super::sqlite::SqliteStore`]; only the batching differs. It
//! exists as the benchmark's baseline (docs/architecture.md: durable submissions per second ≥ 10× this).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::sqlite::{FileGuard, commit_batch, export, find_blocking, probe, purge};
use super::sqlite_schema::open;
use super::{BoxFuture, ExportRows, NewSubmission, Outcome, Store, StoreError};
use crate::assign::Organisation;

pub struct NaiveStore {
    path: PathBuf,
    file: FileGuard,
    conn: Arc<Mutex<Connection>>,
}

impl NaiveStore {
    pub fn open(path: &Path) -> Result<NaiveStore, StoreError> {
        let conn = open(path)?;
        Ok(NaiveStore {
            path: path.to_path_buf(),
            file: FileGuard::new(path)?,
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let conn = self.conn.clone();
        let file = self.file.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = conn
                .lock()
                .map_err(|_| StoreError("connection poisoned".into()))?;
            file.check()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| StoreError(format!("task: {e}")))?
    }
}

impl Store for NaiveStore {
    fn submit(&self, submission: NewSubmission) -> BoxFuture<'_, Result<Outcome, StoreError>> {
        Box::pin(self.blocking(move |conn| commit_batch(conn, &[&submission])?.remove(0)))
    }

    fn export(
        &self,
        organisation: Option<Organisation>,
    ) -> BoxFuture<'_, Result<ExportRows, StoreError>> {
        Box::pin(export(self.path.clone(), organisation))
    }

    fn purge(&self, before_ms: i64) -> BoxFuture<'_, Result<usize, StoreError>> {
        Box::pin(self.blocking(move |conn| purge(conn, before_ms)))
    }

    fn find(
        &self,
        key: String,
        payload_sha256: String,
    ) -> BoxFuture<'_, Result<Option<Outcome>, StoreError>> {
        Box::pin(find_blocking(self.path.clone(), key, payload_sha256))
    }

    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(self.blocking(probe))
    }
}
