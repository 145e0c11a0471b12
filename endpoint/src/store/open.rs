//! TEMPORARY (branch `lambda`): `store::open` as the PostgreSQL branch (`pg`) will expose it,
//! opening SQLite only. The lead replaces this file with `pg`'s when merging (its `open` picks
//! PostgreSQL when `EER_DATABASE_URL` is set, SQLite otherwise); the Lambda function and its
//! tests are written against this signature so that they run on PostgreSQL unchanged.

use std::sync::Arc;

use crate::config::Config;
use crate::store::Store;
use crate::store::sqlite::SqliteStore;

/// The store the configuration asks for (here: always the SQLite file in `data_dir`).
pub async fn open(config: &Config) -> Result<Arc<dyn Store>, String> {
    let store = SqliteStore::open(&config.database_path()).map_err(|e| e.to_string())?;
    Ok(Arc::new(store))
}
