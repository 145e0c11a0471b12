//! `eer-lambda`: the same Router on AWS Lambda (feature `lambda`), through `lambda_http`
//! (API Gateway, function URLs, ALB). Configured by the same `EER_*` variables; the client
//! address comes from `X-Forwarded-For` (set by AWS), so `EER_TRUST_PROXY` defaults to on.
//!
//! Storage caveat: SQLite needs a local disk that outlives the invocation and one writer. On
//! Lambda that means `EER_DATA_DIR` on EFS with reserved concurrency 1; WAL does not work across
//! hosts on a network file system, so a managed store (behind the `Store` trait) should follow.

use std::sync::Arc;

use eer_endpoint::config::Config;
use eer_endpoint::store::sqlite::SqliteStore;
use eer_endpoint::{AppState, app};

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let mut config = Config::from_env()?;
    if std::env::var_os("EER_TRUST_PROXY").is_none() {
        config.trust_proxy = true;
    }
    let store = SqliteStore::open(&config.database_path()).map_err(|e| e.to_string())?;
    let router = app(AppState::new(config, Arc::new(store)));
    lambda_http::run(router).await
}
