//! When the store cannot commit, the person gets a 503 with `Retry-After` (the app's outbox
//! retries) and no internal detail. Driven through the Router with `oneshot`: no socket needed.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use eer_endpoint::assign::Organisation;
use eer_endpoint::config::Config;
use eer_endpoint::store::{BoxFuture, ExportRows, NewSubmission, Outcome, Store, StoreError};
use eer_endpoint::{AppState, app};
use tower::ServiceExt;

/// A store whose disk is gone.
struct Broken;

impl Store for Broken {
    fn submit(&self, _: NewSubmission) -> BoxFuture<'_, Result<Outcome, StoreError>> {
        Box::pin(async { Err(StoreError("sqlite: disk I/O error at /secret/path".into())) })
    }
    fn export(&self, _: Option<Organisation>) -> BoxFuture<'_, Result<ExportRows, StoreError>> {
        Box::pin(async { Err(StoreError("sqlite: disk I/O error at /secret/path".into())) })
    }
    fn purge(&self, _: i64) -> BoxFuture<'_, Result<usize, StoreError>> {
        Box::pin(async { Err(StoreError("sqlite: disk I/O error".into())) })
    }
    fn find(&self, _: String, _: String) -> BoxFuture<'_, Result<Option<Outcome>, StoreError>> {
        Box::pin(async { Err(StoreError("sqlite: disk I/O error".into())) })
    }
    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async { Err(StoreError("sqlite: disk I/O error at /secret/path".into())) })
    }
}

fn router() -> axum::Router {
    let mut config = Config::local("/nonexistent-site".into(), "/nonexistent-data".into());
    config.export_token = Some("token-0123456789".into());
    app(AppState::new(config, Arc::new(Broken)))
}

async fn answer(request: Request<Body>) -> (StatusCode, Option<String>, String) {
    let response = router().oneshot(request).await.unwrap();
    let status = response.status();
    let retry = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (status, retry, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn a_failing_store_is_a_503_without_details() {
    let request = Request::post("/api/interest")
        .header("content-type", "application/json")
        .header("idempotency-key", "abcdefghijklmnop-0001")
        .body(Body::from(include_str!("../examples/interest.json")))
        .unwrap();
    let (status, retry, body) = answer(request).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(retry.as_deref(), Some("5"));
    assert!(body.contains("\"unavailable\""), "{body}");
    assert!(
        !body.contains("sqlite") && !body.contains("secret"),
        "{body}"
    );

    let request = Request::get("/api/submissions.csv")
        .header("authorization", "Bearer token-0123456789")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = answer(request).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!body.contains("sqlite"), "{body}");
}

#[tokio::test]
async fn health_tells_the_truth_through_oneshot() {
    let (status, retry, body) =
        answer(Request::get("/api/health").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(retry.as_deref(), Some("5"));
    assert!(
        !body.contains("sqlite") && !body.contains("secret"),
        "{body}"
    );
    // No site built: a plain 404, never a panic.
    let (status, _, _) = answer(Request::get("/fr/quiz").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
