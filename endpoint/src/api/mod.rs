//! The JSON API under `/api`: health, public configuration, interest forms, the counsellors'
//! export. Every answer is `no-store` (personal data must not sit in shared caches) and every
//! error has our shape ([`crate::error::AppError`]), unknown paths and methods included.

pub mod interest;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::AppState;
use crate::error::{AppError, lang_of};

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/config", get(public_config))
        .route(
            "/interest",
            post(interest::submit)
                .options(interest::preflight)
                .route_layer(middleware::from_fn_with_state(state, interest::guard)),
        )
        .route("/submissions.csv", get(crate::export::submissions_csv))
        .merge(crate::staff::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::map_response(no_store))
}

/// `ok` only when a form arriving now could be committed: the store's database file is still
/// the one it opened and a commit (that writes no row) succeeds. A load balancer or a monitor
/// sees 503 when the disk is full, failing, or the data directory was removed.
async fn health(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match state.store.check().await {
        Ok(()) => Json(json!({"status": "ok"})).into_response(),
        Err(e) => {
            eprintln!("eer-endpoint: health: {e}");
            AppError::store_unhealthy()
                .in_lang(lang_of(&headers))
                .into_response()
        }
    }
}

/// What the app must not hard-code: the callback delay it announces and the retention it
/// states in its privacy notice.
async fn public_config(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(json!({
        "callback_business_days": state.config.callback_business_days,
        "retention_days": state.config.retention_days,
    }))
}

async fn not_found(request: Request) -> AppError {
    AppError::not_found().in_lang(lang_of(request.headers()))
}

async fn method_not_allowed(request: Request) -> AppError {
    AppError::method_not_allowed().in_lang(lang_of(request.headers()))
}

async fn no_store(mut response: Response) -> impl IntoResponse {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
