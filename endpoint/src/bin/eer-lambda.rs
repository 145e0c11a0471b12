//! `eer-lambda`: the endpoint on AWS Lambda (feature `lambda`; `provided.al2023`, built and
//! zipped by `cargo xtask package`). Everything is in the library (`eer_endpoint::lambda`) so
//! that the tests run what this binary runs; here only the runtime loop.
//!
//! Configured by the same `EER_*` variables as the local server, plus `EER_DATABASE_URL`
//! (PostgreSQL; deploy/template.yaml reads it from Secrets Manager). `EER_TRUST_PROXY` defaults
//! to on: the client address is the last `X-Forwarded-For` entry, written by AWS.

use std::sync::Arc;

use eer_endpoint::lambda::Function;
use lambda_http::lambda_runtime;

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    // Once per container, before the first invocation: the store's connections are reused
    // by every invocation this container serves.
    let function = Arc::new(Function::from_env().await?);
    lambda_runtime::run(lambda_runtime::service_fn(move |event| {
        let function = function.clone();
        async move { function.handle(event).await }
    }))
    .await
}
